/**
 * The enrolment server for jest page tests (msw/node): a development server on a fresh memory store,
 * with the dev host, every request answered by the apps themselves.
 * Usage: const mock = createMockServer(); beforeAll(() => mock.server.listen()); beforeEach(() => mock.reset())...
 */
import { setupServer } from 'msw/node';
import { composeServer, cryptoRandomBytes, type EnrolmentServer } from '@server/compose';
import { createMemoryStore } from '@server/adapters/memory/store';
import { createStoredReportKeys } from '@server/adapters/keys/stored';
import { createDevHostApp } from './devHost/app';
import { forwardingHandlers, type ForwardTargets } from './msw/handlers';

export function createMockServer(realNowMs: () => number = Date.now) {
  let targets: Promise<ForwardTargets> | null = null;
  const start = () => {
    if (!targets) {
      const store = createMemoryStore();
      targets = composeServer({ store, reportKeys: createStoredReportKeys(store, cryptoRandomBytes), development: true, realNowMs }).then((server) => ({
        server,
        devHost: createDevHostApp(server.dev!),
      }));
    }
    return targets;
  };
  return {
    server: setupServer(...forwardingHandlers(start)),
    /** The composed enrolment server. */
    enrolment: async (): Promise<EnrolmentServer> => (await start()).server,
    /** Back to a fresh state (or a scenario) between tests. */
    reset: async (scenario?: string) => {
      await (await start()).server.dev!.qa.reset(scenario);
    },
  };
}
