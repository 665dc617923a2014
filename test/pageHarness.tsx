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
import { setDraftScope } from '@/stores/persisted';
import { samplePng } from '@server/lib/sampleImages';

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
    // Each test starts as a fresh phone: nobody's drafts are selected.
    setDraftScope(null);
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

/** A real 240 x 240 PNG (the server decodes uploads and refuses images under 200 x 200). */
export const TINY_PNG = samplePng(240, 240);

/** Uploads TINY_PNG for a material as the parent with this token; returns the file id. */
export async function uploadImage(token: string, materialCode: string): Promise<string> {
  const response = await fetch(`${ORIGIN}/api/v1/uploads`, { method: 'POST', body: TINY_PNG as unknown as BodyInit, headers: { Authorization: `Bearer ${token}`, 'X-Material-Code': materialCode } });
  if (response.status !== 201) throw new Error(`upload ${response.status}`);
  return ((await response.json()) as { fileId: string }).fileId;
}
