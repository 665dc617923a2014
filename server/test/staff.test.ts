/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/** The staff API over HTTP: district-scoped review, audit log, commit–reveal lottery with two operators. */
import { issueStaffToken } from '../usecases/staff';
import { setupServer } from './harness';

const { server, call, clock, login } = setupServer();

async function staff(role: 'reviewer' | 'lotteryOperator', districtCode: string | null = null) {
  const { token } = await issueStaffToken(server().deps, { name: '测试工作人员', role, districtCode }, '2024-06-01T09:00:00+08:00');
  return { Authorization: `Bearer ${token}` };
}

describe('reviewers', () => {
  test('see only their district: another district’s application is not found, and a parent token is not staff', async () => {
    await call('POST', '/__qa/reset', { scenario: 'submitted' });
    const yubei = await staff('reviewer', '500112');
    const yuzhong = await staff('reviewer', '500103');
    const queue = await call('GET', '/api/v1/staff/applications', undefined, yubei);
    expect(queue.status).toBe(200);
    expect(queue.data.applications).toHaveLength(1);
    const id = queue.data.applications[0].application.id;
    expect(queue.data.applications[0].guardianship).toMatchObject({ source: 'birthRecord', relationshipProofRequired: false, otherGuardians: 0 });
    expect((await call('GET', '/api/v1/staff/applications', undefined, yuzhong)).data.applications).toHaveLength(0);
    expect((await call('GET', `/api/v1/staff/applications/${id}`, undefined, yuzhong)).status).toBe(404);
    const byOther = await call('POST', `/api/v1/staff/applications/${id}/review`, { action: 'approve' }, yuzhong);
    expect(byOther.status).toBe(404);
    const parent = await login();
    expect((await call('GET', '/api/v1/staff/applications', undefined, parent)).status).toBe(401);
    expect((await call('GET', '/api/v1/staff/applications', undefined, await staff('lotteryOperator'))).status).toBe(403);
  });

  test('a review is written to the audit log with who, what, when and the statuses', async () => {
    await call('POST', '/__qa/reset', { scenario: 'submitted' });
    const yubei = await staff('reviewer', '500112');
    const id = (await call('GET', '/api/v1/staff/applications', undefined, yubei)).data.applications[0].application.id;
    const r = await call('POST', `/api/v1/staff/applications/${id}/review`, { action: 'request-correction', reason: '户口簿不清晰', items: ['householdRegister'] }, yubei);
    expect(r.status).toBe(200);
    expect(r.data.application.status).toBe('correctionRequested');
    const me = (await call('GET', '/api/v1/staff/me', undefined, yubei)).data;
    const log = await call('GET', `/api/v1/staff/audit?subjectId=${id}`, undefined, yubei);
    expect(log.data.entries[0]).toMatchObject({ actorKind: 'staff', actorId: me.id, action: 'review.request-correction', subjectId: id, beforeStatus: 'submitted', afterStatus: 'correctionRequested' });
  });

  test('a priority the reviewer verified puts the application in the 绿色通道 (the parent sees it on the application)', async () => {
    await call('POST', '/__qa/reset', { scenario: 'submitted' });
    const parent = await login();
    const before = (await call('GET', '/api/v1/applications', undefined, parent)).data.applications[0];
    expect(before.greenChannel).toBe(false);
    const yubei = await staff('reviewer', '500112');
    const r = await call('POST', `/api/v1/staff/applications/${before.id}/review`, { action: 'request-correction', reason: '户口簿不清晰', items: ['householdRegister'], priorityVerified: true }, yubei);
    expect(r.status).toBe(200);
    const after = (await call('GET', `/api/v1/applications/${before.id}`, undefined, parent)).data.application;
    expect(after).toMatchObject({ greenChannel: true, status: 'correctionRequested' });
  });

  test('a child added by hand is approved only once the reviewer checked the relationship proof', async () => {
    await clock('2024-05-09T10:00:00');
    const auth = await login('born-outside');
    const added = await call('POST', '/api/v1/children', { name: '张一诺', idNumber: '510104201711080038', relationship: 'father' }, auth);
    expect(added.status).toBe(201);
    await clock('2024-06-05T10:00:00');
    const checklist = await call('GET', `/api/v1/materials?districtCode=500106&stage=primary&schoolType=publicNormal&source=localHukou&childId=${added.data.id}`, undefined, auth);
    const proof = checklist.data.items.find((i: any) => i.code === 'birthCertificate');
    // Matched shared data of the adding parent never waives the proof.
    expect(proof).toMatchObject({ state: 'required' });
    expect(proof.reason).toContain('手动新增的子女');
  });
});

describe('lottery operators', () => {
  test('the draw refuses without a commitment and without two agreeing staff entries, and is published after', async () => {
    await call('POST', '/__qa/reset', { scenario: 'private-registered' });
    const one = await staff('lotteryOperator');
    const two = await staff('lotteryOperator');
    const app = Object.values((await call('GET', '/__qa/state')).data.applications)[0] as any;
    // Before registration closes nothing is frozen: nothing to enter randomness for.
    expect((await call('POST', `/api/v1/staff/lottery/${app.schoolId}/randomness`, { value: '123' }, one)).status).toBe(409);
    await clock('2024-06-20T09:00:00');
    const published = await call('GET', '/api/v1/lottery/commitments');
    const commitment = published.data.commitments.find((c: any) => c.schoolId === app.schoolId);
    expect(commitment).toMatchObject({ committedAt: '2024-06-20T00:00:00+08:00', randomnessFixed: false, decided: false });
    expect((await call('POST', `/api/v1/staff/lottery/${app.schoolId}/draw`, undefined, one)).status).toBe(409);
    expect((await call('POST', `/api/v1/staff/lottery/${app.schoolId}/randomness`, { value: '2024-06-20 福彩 123' }, one)).data.entries).toBe(1);
    // The same operator twice does not count as two.
    expect((await call('POST', `/api/v1/staff/lottery/${app.schoolId}/randomness`, { value: '2024-06-20 福彩 123' }, one)).status).toBe(409);
    // A disagreeing second entry starts the entry over.
    expect((await call('POST', `/api/v1/staff/lottery/${app.schoolId}/randomness`, { value: '999' }, two)).status).toBe(409);
    expect((await call('POST', `/api/v1/staff/lottery/${app.schoolId}/randomness`, { value: '2024-06-20 福彩 123' }, one)).data.entries).toBe(1);
    const fixed = await call('POST', `/api/v1/staff/lottery/${app.schoolId}/randomness`, { value: '2024-06-20 福彩 123' }, two);
    expect(fixed.data.commitment.randomnessFixed).toBe(true);
    const draw = await call('POST', `/api/v1/staff/lottery/${app.schoolId}/draw`, undefined, one);
    expect(draw.status).toBe(200);
    expect(draw.data.applications[0].status).toMatch(/^lottery(Won|Lost)$/);
    const publishedDraw = await call('GET', `/api/v1/lottery/draws/${draw.data.drawId}`);
    expect(publishedDraw.data).toMatchObject({ publicRandomness: '2024-06-20 福彩 123', listCommitment: commitment.listCommitment, entrantCount: commitment.entrantCount });
    expect((await call('POST', `/api/v1/staff/lottery/${app.schoolId}/draw`, undefined, one)).status).toBe(409);
  });
});
