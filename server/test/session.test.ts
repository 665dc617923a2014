/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/** Sessions: server-first face verification, single use, real-time expiry, logout, and QA clock jumps that keep a parent logged in. */
import type { EnrolmentServer } from '../compose';
import { devServer, httpClient, openTestStore } from './harness';

describe('sessions', () => {
  let realNow = Date.parse('2026-11-28T10:00:00Z');
  let server: EnrolmentServer;
  const { call } = httpClient(() => server);
  beforeAll(async () => {
    server = await devServer(await openTestStore(), { realNowMs: () => realNow });
  });
  beforeEach(async () => {
    realNow = Date.parse('2026-11-28T10:00:00Z');
    await server.dev!.qa.reset();
  });

  async function begin() {
    const r = await call('POST', '/api/v1/face-verifications', {});
    expect(r.status).toBe(201);
    return r.data as { verificationId: string; verifyId: string; provider: string };
  }
  async function login(): Promise<string> {
    const v = await begin();
    server.dev!.face.complete(v.verifyId, {});
    const session = await call('POST', '/api/v1/session', { verificationId: v.verificationId });
    expect(session.status).toBe(201);
    return session.data.token;
  }
  const children = (token: string) => call('GET', '/api/v1/children', undefined, { Authorization: `Bearer ${token}` });

  it('begins with the host face service and issues a session only after the face screen passed', async () => {
    const v = await begin();
    expect(v.provider).toBe('dev');
    const early = await call('POST', '/api/v1/session', { verificationId: v.verificationId });
    expect(early.status).toBe(401);
    expect(early.data.error.message).toBe('尚未完成刷脸核验，请完成刷脸后重试');
    server.dev!.face.complete(v.verifyId, { identityId: 'two-children' });
    const session = await call('POST', '/api/v1/session', { verificationId: v.verificationId });
    expect(session.status).toBe(201);
    expect(session.data.parent).toEqual({ nameMasked: '李*', idNumberMasked: '5001**********4627', phoneMasked: '138****6574' });
    // A CSPRNG token of at least 128 bits.
    expect(session.data.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  });

  it('a face verification is exchanged once only', async () => {
    const v = await begin();
    server.dev!.face.complete(v.verifyId, {});
    expect((await call('POST', '/api/v1/session', { verificationId: v.verificationId })).status).toBe(201);
    const again = await call('POST', '/api/v1/session', { verificationId: v.verificationId });
    expect(again.status).toBe(401);
    expect(again.data.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '刷脸核验已失效，请重新刷脸登录' });
  });

  it('a cancelled face screen and an expired verification issue no session', async () => {
    const cancelled = await begin();
    server.dev!.face.complete(cancelled.verifyId, 'cancelled');
    expect((await call('POST', '/api/v1/session', { verificationId: cancelled.verificationId })).status).toBe(401);
    const late = await begin();
    server.dev!.face.complete(late.verifyId, {});
    realNow += 5 * 60 * 1000 + 1;
    expect((await call('POST', '/api/v1/session', { verificationId: late.verificationId })).status).toBe(401);
  });

  it('a host SSO ticket is exchanged for a session once', async () => {
    const ticket = server.dev!.face.issueSsoTicket('migrant');
    const r = await call('POST', '/api/v1/session', { handoff: { kind: 'ssoTicket', code: ticket } });
    expect(r.status).toBe(201);
    expect(r.data.parent.nameMasked).toBe('赵*');
    expect((await call('POST', '/api/v1/session', { handoff: { kind: 'ssoTicket', code: ticket } })).status).toBe(401);
  });

  it('survives QA moving the calendar by weeks', async () => {
    const token = await login();
    await call('POST', '/__qa/clock', { now: '2024-07-16T10:00:00+08:00', frozen: true });
    expect((await children(token)).status).toBe(200);
  });

  it('expires after two hours of real time with a Chinese message that promises nothing is lost', async () => {
    const token = await login();
    realNow += 2 * 60 * 60 * 1000 - 1000;
    expect((await children(token)).status).toBe(200);
    realNow += 2000;
    const expired = await children(token);
    expect(expired.status).toBe(401);
    expect(expired.data.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '登录已过期，请重新刷脸登录，您填写的内容不会丢失' });
  });

  it('logout ends the session at once', async () => {
    const token = await login();
    expect((await call('DELETE', '/api/v1/session', undefined, { Authorization: `Bearer ${token}` })).status).toBe(204);
    expect((await children(token)).status).toBe(401);
  });
});
