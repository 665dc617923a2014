/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/**
 * 消息 over HTTP (issue 15–17): every change a parent must act on or know is recorded for them in
 * the transaction of the change, reminders a day before a deadline come once, pushes leave through
 * the host's port with the masked name only, and a review can be started and decided later.
 */
import { issueStaffToken } from '../usecases/staff';
import { setupServer } from './harness';

const { server, call, clock, login } = setupServer();

async function reviewer(districtCode = '500112') {
  const { token } = await issueStaffToken(server().deps, { name: '测试审核员', role: 'reviewer', districtCode }, '2024-06-01T09:00:00+08:00');
  return { Authorization: `Bearer ${token}` };
}

const onlyApplication = async () => Object.values((await call('GET', '/__qa/state')).data.applications)[0] as any;
const messagesOf = async (auth: Record<string, string>) => (await call('GET', '/api/v1/messages', undefined, auth)).data;

describe('messages', () => {
  test('a 补正 request reaches the parent: listed unread with its deadline, counted, marked read; never another parent’s', async () => {
    await call('POST', '/__qa/reset', { scenario: 'submitted' });
    const staff = await reviewer();
    const app = await onlyApplication();
    const parent = await login();
    expect(await messagesOf(parent)).toEqual({ messages: [], unread: 0 });
    const r = await call('POST', `/api/v1/staff/applications/${app.id}/review`, { action: 'request-correction', reason: '户口簿照片不清晰', items: ['householdRegister'], dueAt: '2024-06-20T00:00:00+08:00' }, staff);
    expect(r.status).toBe(200);
    const mine = await messagesOf(parent);
    expect(mine.unread).toBe(1);
    expect(mine.messages).toEqual([
      expect.objectContaining({ kind: 'correctionRequested', title: '需要补正材料', applicationId: app.id, read: false, createdAt: expect.any(String) }),
    ]);
    expect(mine.messages[0].body).toContain('王*涵');
    expect(mine.messages[0].body).toContain('6月19日（含当日）');
    expect(mine.messages[0].body).not.toContain('王子涵');
    expect((await call('GET', '/api/v1/messages/unread-count', undefined, parent)).data).toEqual({ unread: 1 });

    const other = await login('born-outside');
    expect((await messagesOf(other)).messages).toEqual([]);
    expect((await call('POST', `/api/v1/messages/${mine.messages[0].id}/read`, undefined, other)).status).toBe(404);
    expect((await call('GET', '/api/v1/messages', undefined, {})).status).toBe(401);

    const read = await call('POST', `/api/v1/messages/${mine.messages[0].id}/read`, undefined, parent);
    expect(read.data).toEqual({ unread: 0 });
    expect((await messagesOf(parent)).messages[0].read).toBe(true);
  });

  test('the 补正 deadline is reminded a day before, once, driven by the clock', async () => {
    await call('POST', '/__qa/reset', { scenario: 'submitted' });
    const app = await onlyApplication();
    await call('POST', '/__qa/review', { applicationId: app.id, action: 'request-correction', reason: '户口簿不清晰', items: ['householdRegister'], dueAt: '2024-06-20T00:00:00+08:00' });
    const parent = await login();
    await clock('2024-06-18T10:00:00');
    expect((await messagesOf(parent)).messages.map((m: any) => m.kind)).toEqual(['correctionRequested']);
    await clock('2024-06-19T10:00:00');
    // Back and forth over the reminder's time: still one reminder for this deadline.
    await clock('2024-06-18T10:00:00');
    await clock('2024-06-19T11:00:00');
    const mine = await messagesOf(parent);
    expect(mine.messages.map((m: any) => m.kind)).toEqual(['correctionDue', 'correctionRequested']);
    expect(mine.messages[0]).toMatchObject({ title: '补正即将截止', read: false });
    expect(mine.unread).toBe(2);
  });

  test('a 补正 due within a day is not reminded on top of its request, which names the deadline', async () => {
    await call('POST', '/__qa/reset', { scenario: 'submitted' });
    const app = await onlyApplication();
    await clock('2024-06-12T10:00:00');
    await call('POST', '/__qa/review', { applicationId: app.id, action: 'request-correction', reason: '户口簿不清晰', items: ['householdRegister'], dueAt: '2024-06-13T00:00:00+08:00' });
    await clock('2024-06-12T11:00:00');
    const parent = await login();
    const mine = await messagesOf(parent);
    expect(mine.messages.map((m: any) => m.kind)).toEqual(['correctionRequested']);
    expect(mine.messages[0].body).toContain('6月12日（含当日）');
  });

  test('approval, the confirmation reminder on 7-15 and the forfeit after 7-15 reach a parent who never confirms (item 17)', async () => {
    await call('POST', '/__qa/reset', { scenario: 'submitted' });
    const app = await onlyApplication();
    await call('POST', '/__qa/review', { applicationId: app.id, action: 'approve' });
    const parent = await login();
    expect((await messagesOf(parent)).messages[0]).toMatchObject({ kind: 'approved', title: '报名审核通过' });
    expect((await messagesOf(parent)).messages[0].body).toContain('7月15日（含当日）前完成入学确认');
    await clock('2024-07-14T10:00:00');
    expect((await messagesOf(parent)).messages).toHaveLength(1);
    await clock('2024-07-15T10:00:00');
    await clock('2024-07-14T10:00:00');
    await clock('2024-07-15T12:00:00');
    let kinds = (await messagesOf(parent)).messages.map((m: any) => m.kind);
    expect(kinds).toEqual(['confirmationDue', 'approved']);
    await clock('2024-07-16T10:00:00');
    const after = await messagesOf(parent);
    kinds = after.messages.map((m: any) => m.kind);
    expect(kinds).toEqual(['forfeited', 'confirmationDue', 'approved']);
    expect(after.messages[0].body).toContain('视为放弃该学位');
    expect((await call('GET', `/api/v1/applications/${app.id}`, undefined, parent)).data.application.status).toBe('forfeited');
  });

  test('a confirmed place tells the parent when the notice is issued', async () => {
    await call('POST', '/__qa/reset', { scenario: 'approved-awaiting-confirmation' });
    const app = await onlyApplication();
    const parent = await login();
    expect((await call('POST', `/api/v1/applications/${app.id}/confirm`, undefined, parent)).status).toBe(200);
    await clock('2024-07-20T10:00:00');
    expect((await messagesOf(parent)).messages.map((m: any) => m.kind)[0]).toBe('noticeIssued');
  });

  test('lottery results reach each family: admitted with the confirmation deadline, or not admitted', async () => {
    await call('POST', '/__qa/reset', { scenario: 'private-lottery-lost' });
    const parent = await login();
    const kinds = (await messagesOf(parent)).messages.map((m: any) => m.kind);
    expect(kinds.some((k: string) => k === 'waitlisted' || k === 'notAdmitted')).toBe(true);
    await call('POST', '/__qa/reset', { scenario: 'private-admitted' });
    const admitted = (await messagesOf(await login())).messages;
    expect(admitted[0]).toMatchObject({ kind: 'admitted', title: '民办学校已录取' });
    expect(admitted[0].body).toContain('6月20日 18:00');
  });

  test('pushes leave through the host port only with consent, carrying the masked name and nothing else personal', async () => {
    // 补正 was requested (and pushed to no one: no consent yet), the parent resubmitted.
    await call('POST', '/__qa/reset', { scenario: 'resubmitted' });
    const app = await onlyApplication();
    const parent = await login();
    expect((await messagesOf(parent)).messages.map((m: any) => m.kind)).toEqual(['correctionRequested']);
    await clock('2024-06-12T10:00:00');
    expect((await call('GET', '/__qa/pushes')).data.pushes).toEqual([]);
    expect((await call('PUT', '/api/v1/push-consent', { kinds: ['approved', 'rejected', 'correctionRequested'] }, parent)).status).toBe(200);
    expect((await call('PUT', '/api/v1/push-consent', { kinds: ['nonsense'] }, parent)).status).toBe(400);
    await call('POST', '/__qa/review', { applicationId: app.id, action: 'reject', reason: '非本区县户籍，住址为李娜名下 13800001234' });
    await clock('2024-06-12T11:00:00');
    const { pushes } = (await call('GET', '/__qa/pushes')).data;
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ kind: 'rejected', applicationId: app.id, title: '报名审核未通过' });
    const text = JSON.stringify(pushes[0]);
    expect(text).toContain('王*涵');
    for (const personal of ['王子涵', '李娜', '1380000', '非本区县户籍', '5001']) expect(text).not.toContain(personal);
  });
});

describe('review takes time (item 16)', () => {
  test('a reviewer starts a review and decides later; an overdue review is flagged to the district', async () => {
    await call('POST', '/__qa/reset', { scenario: 'submitted' });
    const staff = await reviewer();
    const app = await onlyApplication();
    const started = await call('POST', `/api/v1/staff/applications/${app.id}/start-review`, undefined, staff);
    expect(started.status).toBe(200);
    expect(started.data.application.status).toBe('underReview');
    expect(started.data.review).toEqual({ dueAt: app.reviewDueAt, overdue: false });
    expect((await call('POST', `/api/v1/staff/applications/${app.id}/start-review`, undefined, staff)).status).toBe(409);
    expect((await call('POST', `/api/v1/staff/applications/${app.id}/start-review`, undefined, await reviewer('500103'))).status).toBe(404);
    const parent = await login();
    expect((await call('GET', `/api/v1/applications/${app.id}`, undefined, parent)).data.application.status).toBe('underReview');
    expect((await call('GET', '/api/v1/staff/applications?overdue=true', undefined, staff)).data.applications).toEqual([]);

    // The promise is 10 working days from submission on the calendar: the day it falls due it is overdue.
    const due = new Date(app.reviewDueAt);
    const dueLocal = new Date(due.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    await clock(`${dueLocal}T10:00:00`);
    const overdue = await call('GET', '/api/v1/staff/applications?overdue=true', undefined, staff);
    expect(overdue.data.applications.map((a: any) => a.application.id)).toEqual([app.id]);
    expect(overdue.data.applications[0].review.overdue).toBe(true);
    expect((await call('GET', '/api/v1/staff/applications?overdue=false', undefined, staff)).data.applications).toEqual([]);
    const decided = await call('POST', `/api/v1/staff/applications/${app.id}/review`, { action: 'approve' }, staff);
    expect(decided.data.application.status).toBe('approved');
    expect(decided.data.review).toBeNull();
  });

  test('QA reaches 审核中 without a decision', async () => {
    await call('POST', '/__qa/reset', { scenario: 'submitted' });
    const app = await onlyApplication();
    const r = await call('POST', '/__qa/review', { applicationId: app.id, action: 'start-review' });
    expect(r.data.application.status).toBe('underReview');
  });
});
