/** Sessions: face ticket exchange, real-time expiry, and QA clock jumps that keep a parent logged in. */
import { createMockServer } from '../node';

const BASE = 'http://localhost';

describe('sessions', () => {
  let realNow = Date.parse('2026-11-28T10:00:00Z');
  const mock = createMockServer(() => realNow);
  beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => mock.server.close());
  beforeEach(async () => {
    realNow = Date.parse('2026-11-28T10:00:00Z');
    await mock.reset();
  });

  async function login(): Promise<string> {
    const face = await mock.service.host.verifyFace();
    if (!face.ok) throw new Error(face.error.message);
    const session = await mock.service.createSession(face.value.ticket);
    if (!session.ok) throw new Error(session.error.message);
    return session.value.token;
  }
  const children = (token: string) => fetch(`${BASE}/api/v1/children`, { headers: { Authorization: `Bearer ${token}` } });

  it('a face ticket is exchanged once only', async () => {
    const face = await mock.service.host.verifyFace();
    if (!face.ok) throw new Error('no ticket');
    expect((await mock.service.createSession(face.value.ticket)).ok).toBe(true);
    const again = await mock.service.createSession(face.value.ticket);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '刷脸核验已失效，请重新刷脸登录' });
  });

  it('survives QA moving the calendar by weeks', async () => {
    const token = await login();
    await mock.service.qa.clock('2024-07-16T10:00:00+08:00', true);
    expect((await children(token)).status).toBe(200);
  });

  it('expires after two hours of real time with a Chinese message that promises nothing is lost', async () => {
    const token = await login();
    realNow += 2 * 60 * 60 * 1000 - 1000;
    expect((await children(token)).status).toBe(200);
    realNow += 2000;
    const expired = await children(token);
    expect(expired.status).toBe(401);
    expect((await expired.json()).error).toMatchObject({ code: 'UNAUTHENTICATED', message: '登录已过期，请重新刷脸登录，您填写的内容不会丢失' });
  });

  it('logout ends the session at once', async () => {
    const token = await login();
    await fetch(`${BASE}/api/v1/session`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    expect((await children(token)).status).toBe(401);
  });
});
