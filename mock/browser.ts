/**
 * The offline demo (npm run start:mock, mock builds only): the enrolment server itself runs in the
 * page on the memory store kept in the browser, and the MSW service worker hands it every request.
 */
import { setupWorker } from 'msw/browser';
import { composeServer, cryptoRandomBytes } from '@server/compose';
import { createMemoryStore } from '@server/adapters/memory/store';
import { createStoredReportKeys } from '@server/adapters/keys/stored';
import { createDevHostApp } from './devHost/app';
import { forwardingHandlers } from './msw/handlers';
import { createBrowserPersistence } from './msw/persistence';

let started: Promise<void> | null = null;

export function startInBrowserServer(): Promise<void> {
  if (!started) {
    started = (async () => {
      const persistence = createBrowserPersistence();
      const saved = persistence.loadTables();
      const store = createMemoryStore(saved ?? undefined, persistence);
      const server = await composeServer({ store, reportKeys: createStoredReportKeys(store, cryptoRandomBytes), development: true });
      // A first visit starts like a fresh server; a reload keeps everything.
      if (!saved) await server.dev!.qa.reset();
      server.jobs.start();
      const targets = { server, devHost: createDevHostApp(server.dev!) };
      const worker = setupWorker(...forwardingHandlers(async () => targets));
      await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
    })();
  }
  return started;
}
