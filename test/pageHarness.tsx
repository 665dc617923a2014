/**
 * Page tests: a fresh mock server (msw/node) per test, the H5 bridge talking to it over fetch,
 * fresh stores, and navigation recorded instead of performed.
 *
 *   jest.mock('@/services/navigation', () => require('../../../test/navigationMock'));
 *   const mock = useMockHost();            // in the describe block
 *   await mock.at('2024-06-05T10:00:00+08:00');
 *   await mock.login('two-children');
 */
import { createMockServer } from '@mock/node';
import { createH5Bridge } from '@/bridge/h5';
import { setBridge } from '@/bridge';
import { auth } from '@/services/auth';
import { installSessionExpiryRedirect } from '@/stores/sessionExpiry';

export const ORIGIN = 'http://localhost';

export function useMockHost() {
  const mock = createMockServer();
  beforeAll(() => {
    mock.server.listen({ onUnhandledRequest: 'error' });
    // What the app shell does at launch: an expired session goes to login and back.
    installSessionExpiryRedirect();
  });
  beforeEach(async () => {
    await mock.reset();
    window.localStorage.clear();
    setBridge(createH5Bridge({ origin: ORIGIN }));
    auth.setToken(null);
  });
  afterEach(() => mock.server.resetHandlers());
  afterAll(() => mock.server.close());
  return {
    ...mock,
    /** Freezes the mock server clock at an instant. */
    async at(now: string) {
      const result = await mock.service.qa.clock(now, true);
      if (!result.ok) throw new Error(result.error.message);
    },
    /** Logs in as a seeded identity without the UI; returns the session token. */
    async login(identityId: string) {
      await mock.service.qa.identity(identityId);
      const ticket = await mock.service.host.verifyFace();
      if (!ticket.ok) throw new Error(ticket.error.message);
      const session = await mock.service.createSession(ticket.value.ticket);
      if (!session.ok) throw new Error(session.error.message);
      auth.setToken(session.value.token);
      return session.value;
    },
    /** Calls the API as the logged-in parent (for arranging state). */
    async api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      const token = auth.token();
      if (token) headers.Authorization = `Bearer ${token}`;
      const response = await fetch(ORIGIN + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, data: (text ? JSON.parse(text) : null) as T };
    },
  };
}
