/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/**
 * Page tests: the enrolment server itself (a development server on a fresh memory store, answered
 * through msw/node) per test file, the H5 bridge with the dev host's capabilities talking to it over
 * fetch, fresh stores, and navigation recorded instead of performed.
 *
 *   jest.mock('@/services/navigation', () => require('../../../test/navigationMock'));
 *   const mock = useMockHost();            // in the describe block
 *   await mock.at('2024-06-05T10:00:00+08:00');
 *   await mock.login('two-children');
 */
import { createMockServer } from '@mock/node';
import { createDevHostCapabilities } from '@mock/devHost/capabilities';
import { createH5Bridge } from '@/bridge/h5';
import { setBridge } from '@/bridge';
import { auth } from '@/services/auth';
import { installSessionExpiryRedirect } from '@/stores/sessionExpiry';

export const ORIGIN = 'http://localhost';

async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; data: any }> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const response = await fetch(ORIGIN + path, init);
  const text = await response.text();
  return { status: response.status, data: text ? JSON.parse(text) : null };
}

/** A QA call that must succeed. */
export async function qa(method: string, path: string, body?: unknown): Promise<any> {
  const r = await request(method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.data)}`);
  return r.data;
}

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
    setBridge(createH5Bridge({ origin: ORIGIN, host: createDevHostCapabilities({ origin: ORIGIN }) }));
    auth.setToken(null);
  });
  afterEach(() => mock.server.resetHandlers());
  afterAll(() => mock.server.close());
  return {
    ...mock,
    qa,
    /** Freezes the server clock at an instant. */
    async at(now: string) {
      await qa('POST', '/__qa/clock', { now, frozen: true });
    },
    /** The seeded identity the next face login is. */
    async identity(id: string) {
      await qa('POST', '/__qa/identity', { id });
    },
    /** The QA view of the whole server state. */
    state: () => qa('GET', '/__qa/state'),
    /** Logs in as a seeded identity without the UI (server-first face, as a host does it); returns the session. */
    async login(identityId: string) {
      const begun = await qa('POST', '/api/v1/face-verifications', {});
      await qa('POST', '/host/face/complete', { verifyId: begun.verifyId, identityId });
      const session = await qa('POST', '/api/v1/session', { verificationId: begun.verificationId });
      auth.setToken(session.token);
      return session;
    },
    /** Calls the API as the logged-in parent (for arranging state). */
    async api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
      const token = auth.token();
      return request(method, path, body, token ? { Authorization: `Bearer ${token}` } : {});
    },
  };
}

/** A 1x1 PNG, the smallest real image. */
export const TINY_PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
  0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
  0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

/** Uploads TINY_PNG for a material as the parent with this token; returns the file id. */
export async function uploadImage(token: string, materialCode: string): Promise<string> {
  const response = await fetch(`${ORIGIN}/api/v1/uploads`, { method: 'POST', body: TINY_PNG, headers: { Authorization: `Bearer ${token}`, 'X-Material-Code': materialCode } });
  if (response.status !== 201) throw new Error(`upload ${response.status}`);
  return ((await response.json()) as { fileId: string }).fileId;
}
