/**
 * Starts the enrolment server on Node: the API, and in development the QA API and the dev host's
 * gateway (/host/*), and optionally a built H5 folder beside them (npm start). Used by main.ts, the
 * browser suite, the crash test and the load test alike.
 */
import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { serve, type HttpBindings } from '@hono/node-server';
// The Node process puts the dev host (simulated 渝快办) beside the enrolment app in development only.
// eslint-disable-next-line no-restricted-imports
import { createDevHostApp } from '@mock/devHost/app';
import { composeServer, ENROLMENT_YEAR, type EnrolmentServer } from '../compose';
import { createFileReportKeys } from '../adapters/keys/file';
import type { Store } from '../ports/store';
import { QA_FAULT_HEADER, TIMEOUT_DELAY_MS } from '../qa/faults';
import { ConfigError, type NodeServerConfig } from './config';
import { staticSite } from './staticSite';

export interface RunningServer {
  url: string;
  port: number;
  server: EnrolmentServer;
  close(): Promise<void>;
}

/**
 * QA's transport faults: the phone gets no answer (at once, or after 20 s). A connection closed with
 * nothing sent is retried by browsers on their own (and would spend the fault twice), so the socket
 * gets a few bytes that are not HTTP, which a browser gives up on at once.
 */
async function dropConnection(kind: string, incoming: IncomingMessage): Promise<void> {
  if (kind === 'timeout') await new Promise((resolve) => setTimeout(resolve, TIMEOUT_DELAY_MS));
  incoming.socket.end('QA-FAULT\r\n\r\n');
  incoming.socket.destroySoon?.();
}

export async function startNodeServer(config: NodeServerConfig, opts: { store?: Store; log?: (line: string) => void } = {}): Promise<RunningServer> {
  const log = opts.log ?? ((line: string) => console.warn(line));
  const reportKeys = createFileReportKeys({ dir: config.keysDir, production: config.production });
  if (config.production) {
    // Checked at start, not at the first notice: a development key refuses the start itself.
    try {
      await reportKeys.forYear(ENROLMENT_YEAR);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
    // The simulations of the outside world are development adapters; production must configure real ones.
    throw new ConfigError(
      'NODE_ENV=production needs the host platform\'s face service, the birth registry and the departments\' data sharing configured; ' +
        'this server ships their development simulations only (see docs/host-bridge.md, "Server-to-server")',
    );
  }
  // Loaded only when needed: tests that bring their own store never start a database engine.
  const opened = opts.store ? null : await (await import('../adapters/sql/open')).openStore({ databaseUrl: config.databaseUrl ?? undefined, dataDir: `${config.dataDir}/pglite` });
  const store = opts.store ?? opened!.store;
  const server = await composeServer({
    store,
    reportKeys,
    development: config.development,
    log: config.logRequests ? log : undefined,
    limits: config.limits,
    trustProxy: config.trustProxy,
  });
  const devHost = server.dev ? createDevHostApp(server.dev) : null;
  const site = config.staticDir ? staticSite(config.staticDir) : null;

  const fetch = async (request: Request, env: HttpBindings): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (devHost && pathname.startsWith('/host/')) return devHost.fetch(request);
    if (pathname.startsWith('/api/') || (server.dev && pathname.startsWith('/__qa/'))) {
      const response = await server.app.fetch(request, env);
      const fault = response.headers.get(QA_FAULT_HEADER);
      if (fault) await dropConnection(fault, env.incoming);
      return response;
    }
    return site?.(request) ?? new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  };

  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: fetch as never, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const port = (http.address() as AddressInfo).port;
  server.jobs.start();
  return {
    url: `http://${config.host}:${port}`,
    port,
    server,
    async close() {
      await server.jobs.stop();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      (http as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await opened?.close();
    },
  };
}
