/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/** Shared jest harness for the mock server's HTTP tests: a fresh msw/node server and typed fetch helpers. */
import { createMockServer } from '../node';

export const BASE = 'http://localhost';

export function setupMock() {
  const mock = createMockServer();
  beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => mock.server.close());
  beforeEach(() => mock.reset());

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body instanceof Uint8Array) init.body = body as unknown as BodyInit;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    const res = await fetch(`${BASE}${path}`, init);
    const type = res.headers.get('content-type') ?? '';
    const data = type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer());
    return { status: res.status, data: data as any, headers: res.headers };
  }

  /** Freezes the server clock at a +08:00 local instant like '2024-06-11T10:00:00'. */
  async function clock(local: string) {
    const r = await mock.service.qa.clock(`${local}+08:00`, true);
    if (!r.ok) throw new Error(r.error.message);
  }

  /** Face login as a seeded identity; returns the Authorization header. */
  async function login(identity = 'two-children'): Promise<Record<string, string>> {
    await call('POST', '/__qa/identity', { id: identity });
    const face = await mock.service.host.verifyFace();
    if (!face.ok) throw new Error(face.error.message);
    const session = await call('POST', '/api/v1/session', { ticket: face.value.ticket });
    return { Authorization: `Bearer ${session.data.token}` };
  }

  return { mock, call, clock, login };
}

export const TINY_PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x03, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
]);
/** SOI then a baseline SOF0 header: 48 x 64. */
export const TINY_JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x40, 0x00, 0x30, 0x03, 0x01, 0x22, 0x00]);
