import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createH5Bridge } from './index';

const ORIGIN = 'http://localhost';
const server = setupServer(
  http.get(`${ORIGIN}/slow`, async () => {
    await delay(400);
    return HttpResponse.json({ late: true });
  }),
);

describe('H5 bridge network timeout', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it("answers when the call's own timeout is long enough", async () => {
    const bridge = createH5Bridge({ origin: ORIGIN });
    const answer = await bridge.request({ method: 'GET', url: '/slow', timeoutMs: 2000 });
    expect(answer.ok && answer.value.data).toEqual({ late: true });
  });

  it("times out at the host's network timeout, which wins over the call's own", async () => {
    let hostTimeout: number | undefined = 100;
    const bridge = createH5Bridge({ origin: ORIGIN, networkTimeoutMs: () => hostTimeout });
    const answer = await bridge.request({ method: 'GET', url: '/slow', timeoutMs: 2000 });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    // Read at every call: cleared, the call's own timeout applies again.
    hostTimeout = undefined;
    expect((await bridge.request({ method: 'GET', url: '/slow', timeoutMs: 2000 })).ok).toBe(true);
  });
});
