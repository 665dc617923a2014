/**
 * The mock host for jest (msw/node): a fresh in-memory state per server, so every test starts clean.
 * Usage: const mock = createMockServer(); beforeAll(() => mock.server.listen()); afterEach(mock.reset)...
 */
import { setupServer } from 'msw/node';
import { createEnrolmentService } from './service';
import { createStore } from './service/store';
import { emptyState } from './service/seed';
import { allHandlers } from './handlers';

export function createMockServer(realNow: () => number = Date.now) {
  const store = createStore(emptyState(realNow()));
  const service = createEnrolmentService(store, realNow);
  const server = setupServer(...allHandlers(service));
  return {
    server,
    service,
    store,
    /** Back to a fresh state (or a scenario) between tests. */
    reset: async (scenario?: string) => {
      const result = await service.qa.reset(scenario);
      if (!result.ok) throw new Error(result.error.message);
    },
  };
}
