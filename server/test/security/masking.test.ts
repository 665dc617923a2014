/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/**
 * Least data out (issue 12, property 10), over HTTP: no answer a parent gets carries a whole
 * phone, address, ID number or 不动产单元号; the whole values come only from the reveal calls,
 * which are audit-logged (never with the values) and only for the parent's own child; a masked
 * value sent back unchanged never overwrites the held value, and a mask is never stored.
 */
import { sampleUpkeep } from '../../qa/scenarioKit';
import { issueStaffToken } from '../../usecases/staff';
import { setupServer } from '../harness';

const { server, call, clock, login } = setupServer();
const CHILD = 'CH-two-children-primary';
const FULL = { phone: '13883216574', unit: '500112003012GB00231F00030501', house: '金龙路88号3栋2单元501', parentId: '500112198703154627' };

const childIdNumber = () => server().deps.store.read(async (r) => (await r.children.get(CHILD))!.idNumber);
/** The whole values that must never be in an answer. */
async function leaks(answer: unknown): Promise<string[]> {
  const text = JSON.stringify(answer);
  return [FULL.phone, FULL.unit, FULL.house, FULL.parentId, await childIdNumber()].filter((v) => text.includes(v));
}
const audits = (action: string) => server().deps.store.read((r) => r.audit.list({ limit: 1000 })).then((l) => l.filter((a) => a.action === action));
const accountId = () => server().deps.store.read(async (r) => (await r.accounts.byIdNumber(FULL.parentId))!.id);
const keptUpkeep = async () => { const id = await accountId(); return server().deps.store.read((r) => r.upkeep.get(id, CHILD)); };

describe('answers are masked', () => {
  test('upkeep: GET and the PUT answer carry masked phones, addresses and unit number', async () => {
    await clock('2024-05-14T10:00:00');
    const auth = await login();
    const put = await call('PUT', `/api/v1/children/${CHILD}/upkeep`, sampleUpkeep('two-children'), auth);
    expect(put.status).toBe(200);
    expect(await leaks(put.data)).toEqual([]);
    const got = await call('GET', `/api/v1/children/${CHILD}/upkeep`, undefined, auth);
    expect(await leaks(got.data)).toEqual([]);
    expect(got.data.upkeep).toMatchObject({
      householdAddress: { text: expect.stringMatching(/^重庆市渝北区龙溪街道\*+$/) },
      property: { unitNumber: '500112******************0501' },
      guardians: [{ phone: '138****6574' }],
    });
    // What is kept is whole.
    expect((await keptUpkeep())!.guardians[0].phone).toBe(FULL.phone);
  });

  test('applications: list, detail and every action answer carry the snapshot masked; children and session carry ID numbers masked', async () => {
    await server().dev!.qa.reset('submitted');
    const auth = await login();
    const list = await call('GET', '/api/v1/applications', undefined, auth);
    expect(list.data.applications.length).toBeGreaterThan(0);
    expect(await leaks(list.data)).toEqual([]);
    const id = list.data.applications[0].id;
    expect(await leaks((await call('GET', `/api/v1/applications/${id}`, undefined, auth)).data)).toEqual([]);
    const withdrawn = await call('POST', `/api/v1/applications/${id}/withdraw`, undefined, auth);
    expect(withdrawn.status).toBe(200);
    expect(await leaks(withdrawn.data)).toEqual([]);
    expect(await leaks((await call('GET', '/api/v1/children', undefined, auth)).data)).toEqual([]);
    const begun = await call('POST', '/api/v1/face-verifications', {});
    server().dev!.face.complete(begun.data.verifyId, { identityId: 'two-children' });
    expect(await leaks((await call('POST', '/api/v1/session', { verificationId: begun.data.verificationId })).data)).toEqual([]);
    // The stored snapshot is whole (reviewers and the notice work from it).
    const stored = await server().deps.store.read((r) => r.applications.get(id));
    expect(stored!.upkeep.guardians[0].phone).toBe(FULL.phone);
  });
});

describe('whole values only by an explicit, logged reveal', () => {
  test('upkeep reveal answers the whole values and is audited without them', async () => {
    await clock('2024-05-14T10:00:00');
    const auth = await login();
    await call('PUT', `/api/v1/children/${CHILD}/upkeep`, sampleUpkeep('two-children'), auth);
    expect(await audits('reveal.upkeep')).toHaveLength(0);
    const r = await call('POST', `/api/v1/children/${CHILD}/upkeep/reveal`, undefined, auth);
    expect(r.status).toBe(200);
    expect(r.data.upkeep).toMatchObject({ property: { unitNumber: FULL.unit }, guardians: [{ phone: FULL.phone }] });
    const logged = await audits('reveal.upkeep');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actorKind: 'parent', actorId: await accountId(), subjectKind: 'child', subjectId: CHILD });
    expect(await leaks(logged)).toEqual([]);
  });

  test('ID number reveal is audited; another family cannot reveal, and nothing is logged for them', async () => {
    const auth = await login();
    const r = await call('POST', `/api/v1/children/${CHILD}/reveal`, undefined, auth);
    expect(r.data.idNumber).toBe(await childIdNumber());
    expect(await audits('reveal.childIdNumber')).toHaveLength(1);
    const stranger = await login('migrant');
    expect((await call('POST', `/api/v1/children/${CHILD}/reveal`, undefined, stranger)).status).toBe(404);
    expect((await call('POST', `/api/v1/children/${CHILD}/upkeep/reveal`, undefined, stranger)).status).toBe(404);
    expect((await call('GET', `/api/v1/children/${CHILD}/upkeep`, undefined, stranger)).status).toBe(404);
    expect(await audits('reveal.childIdNumber')).toHaveLength(1);
    expect(await audits('reveal.upkeep')).toHaveLength(0);
    expect((await call('POST', `/api/v1/children/${CHILD}/upkeep/reveal`)).status).toBe(401);
  });
});

describe('a mask is never stored as data', () => {
  test('the masked upkeep sent back unchanged keeps the whole values; an edited field is taken as sent', async () => {
    await clock('2024-05-14T10:00:00');
    const auth = await login();
    await call('PUT', `/api/v1/children/${CHILD}/upkeep`, sampleUpkeep('two-children'), auth);
    const masked = (await call('GET', `/api/v1/children/${CHILD}/upkeep`, undefined, auth)).data.upkeep;
    const echoed = { ...masked, householdHeadIsOtherGuardian: true, residenceAddress: { ...masked.residenceAddress, text: '重庆市渝北区双龙湖街道百果路1号' } };
    const r = await call('PUT', `/api/v1/children/${CHILD}/upkeep`, echoed, auth);
    expect(r.status).toBe(200);
    const kept = await keptUpkeep();
    expect(kept).toMatchObject({ householdAddress: { text: `重庆市渝北区龙溪街道${FULL.house}` }, residenceAddress: { text: '重庆市渝北区双龙湖街道百果路1号' }, property: { unitNumber: FULL.unit }, guardians: [{ phone: FULL.phone }], householdHeadIsOtherGuardian: true });
  });

  test('a masked value that masks nothing held is refused with a field error, and nothing changes', async () => {
    await clock('2024-05-14T10:00:00');
    const auth = await login();
    await call('PUT', `/api/v1/children/${CHILD}/upkeep`, sampleUpkeep('two-children'), auth);
    const before = await keptUpkeep();
    const forged = { ...sampleUpkeep('two-children'), guardians: [{ name: '李娜', relationship: 'mother', phone: '139****0000' }], property: { kind: 'certificate', unitNumber: '500112******************9999' } };
    const r = await call('PUT', `/api/v1/children/${CHILD}/upkeep`, forged, auth);
    expect(r.status).toBe(400);
    expect(r.data.error.fieldErrors).toMatchObject({ 'guardians.0.phone': expect.stringContaining('隐藏'), 'property.unitNumber': expect.stringContaining('隐藏') });
    expect(await keptUpkeep()).toEqual(before);
    // Another family's masks never unlock this family's values.
    const stranger = await login('migrant');
    expect((await call('PUT', `/api/v1/children/${CHILD}/upkeep`, sampleUpkeep('two-children'), stranger)).status).toBe(404);
  });

  test('a submission quoting the masked upkeep stores the whole values and answers them masked', async () => {
    await server().dev!.qa.reset('submitted');
    const auth = await login();
    const first = (await call('GET', '/api/v1/applications', undefined, auth)).data.applications[0];
    await call('POST', `/api/v1/applications/${first.id}/withdraw`, undefined, auth);
    // Resubmitting from the (masked) application snapshot, as the app's "修改后重新提交" does.
    const body = {
      idempotencyKey: 'again-1',
      childId: first.childId,
      stage: first.stage,
      districtCode: first.districtCode,
      nature: first.nature,
      schoolType: first.schoolType,
      schoolId: first.schoolId,
      source: first.source,
      upkeep: first.upkeep,
      materials: first.materials,
      notesAccepted: true,
    };
    expect(body.upkeep.guardians[0].phone).toContain('*');
    const r = await call('POST', '/api/v1/applications', body, { ...auth, 'Idempotency-Key': 'again-1' });
    expect([200, 201]).toContain(r.status);
    expect(await leaks(r.data)).toEqual([]);
    const stored = await server().deps.store.read((s) => s.applications.get(r.data.application.id));
    expect(stored!.upkeep).toMatchObject({ property: { unitNumber: FULL.unit }, guardians: [{ phone: FULL.phone }] });
  });
});

describe('stored client state is scoped per identity', () => {
  test('every session of one account carries the same draft scope, another account another one, and it names nobody', async () => {
    const session = async (identity: string) => {
      const begun = await call('POST', '/api/v1/face-verifications', {});
      server().dev!.face.complete(begun.data.verifyId, { identityId: identity });
      return (await call('POST', '/api/v1/session', { verificationId: begun.data.verificationId })).data;
    };
    const [a1, a2, b] = [await session('two-children'), await session('two-children'), await session('migrant')];
    expect(a1.draftScope).toMatch(/^[0-9a-f]{16}$/);
    expect(a2.draftScope).toBe(a1.draftScope);
    expect(b.draftScope).not.toBe(a1.draftScope);
    expect(a1.token).not.toBe(a2.token);
    expect(await leaks(a1)).toEqual([]);
  });
});

describe('reviewers too', () => {
  test('the review queue and detail carry the snapshot masked; the reveal is audited and scoped to the district', async () => {
    await server().dev!.qa.reset('submitted');
    const token = async (districtCode: string) => ({ Authorization: `Bearer ${(await issueStaffToken(server().deps, { name: '审核', role: 'reviewer', districtCode }, '2024-06-01T09:00:00+08:00')).token}` });
    const yubei = await token('500112');
    const queue = await call('GET', '/api/v1/staff/applications', undefined, yubei);
    expect(queue.data.applications.length).toBeGreaterThan(0);
    expect(await leaks(queue.data)).toEqual([]);
    const id = queue.data.applications[0].application.id;
    expect(await leaks((await call('GET', `/api/v1/staff/applications/${id}`, undefined, yubei)).data)).toEqual([]);
    expect((await call('POST', `/api/v1/staff/applications/${id}/reveal`, undefined, await token('500103'))).status).toBe(404);
    expect(await audits('review.reveal')).toHaveLength(0);
    const whole = await call('POST', `/api/v1/staff/applications/${id}/reveal`, undefined, yubei);
    expect(whole.data.application.upkeep).toMatchObject({ property: { unitNumber: FULL.unit }, guardians: [{ phone: FULL.phone }] });
    const logged = await audits('review.reveal');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actorKind: 'staff', subjectKind: 'application', subjectId: id });
    expect(await leaks(logged)).toEqual([]);
    // A parent token is not staff.
    expect((await call('POST', `/api/v1/staff/applications/${id}/reveal`, undefined, await login())).status).toBe(401);
  });
});
