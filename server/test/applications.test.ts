/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/** Applications over HTTP: windows, maintenance, 不可兼报, idempotency, withdraw, review, confirm, deadlines. */
import { verifyDraw } from '@/domain/lottery';
import { verifyReportCode } from '@/domain/reportCode';
import { sampleUpkeep } from '../qa/scenarioKit';
import { submissionBody, type SubmissionOptions } from './submission';
import { buildCalendar2024 } from '../data/calendar2024';
import { batchOf, reviewDueAt } from '@/domain/calendar';
import { greenChannelReviewDueAt } from '@/domain/greenChannel';
import { toMs } from '@/domain/time';
import { setupServer, TINY_PNG } from './harness';

const { server, call, clock, login } = setupServer();
const CHILD = 'CH-two-children-primary';

async function upload(auth: Record<string, string>, code: string): Promise<string> {
  const r = await call('POST', '/api/v1/uploads', TINY_PNG, { ...auth, 'X-Material-Code': code });
  return r.data.fileId;
}

/** A complete public (500112-P-1 公办学位紧张) or private submission body for 王子涵. */
async function body(auth: Record<string, string>, key: string, schoolId = '500112-P-1', schoolType = 'publicTight') {
  const materials: Record<string, string[]> = {};
  const q = `districtCode=500112&stage=primary&schoolType=${schoolType}&source=localHukou`;
  const list = await call('GET', `/api/v1/materials?${q}`, undefined, auth);
  for (const item of list.data.items.filter((i: any) => i.state === 'required')) materials[item.code] = [await upload(auth, item.code)];
  return submissionBody({ idempotencyKey: key, materials, schoolId, schoolType: schoolType as SubmissionOptions['schoolType'] });
}

const submit = (auth: Record<string, string>, b: any) => call('POST', '/api/v1/applications', b, { ...auth, 'Idempotency-Key': b.idempotencyKey });

describe('submission', () => {
  test('outside the district registration window: OUTSIDE_WINDOW with reopensAt and the opening time in Chinese', async () => {
    await clock('2024-06-05T10:00:00');
    const auth = await login();
    const r = await submit(auth, await body(auth, 'k1'));
    expect(r.status).toBe(409);
    expect(r.data.error).toMatchObject({ code: 'OUTSIDE_WINDOW', reopensAt: '2024-06-09T08:00:00+08:00' });
    expect(r.data.error.message).toBe('本区县正式网上报名尚未开始，开放时间为 6月9日 08:00 起');
  });

  test('during nightly maintenance: MAINTENANCE', async () => {
    await clock('2024-06-11T21:00:00');
    const auth = await login();
    const b = await body(auth, 'k1');
    await clock('2024-06-11T22:30:00');
    const r = await submit(auth, b);
    expect(r.status).toBe(503);
    expect(r.data.error).toMatchObject({ code: 'MAINTENANCE', reopensAt: '2024-06-12T08:00:00+08:00' });
  });

  test('the notes must be ticked; required materials are field errors per code; the school must match', async () => {
    // 渝中区 (batch 1) registers 6-03..6-08; property-fails' property check failed, so the certificate is required.
    await clock('2024-06-05T10:00:00');
    const auth = await login('property-fails');
    const b = {
      idempotencyKey: 'pf', childId: 'CH-property-fails-primary', stage: 'primary', districtCode: '500103', nature: 'public', schoolType: 'publicTight',
      schoolId: '500103-P-1', source: 'localHukou', upkeep: sampleUpkeep('property-fails'), materials: {}, notesAccepted: true,
    };
    const unticked = await submit(auth, { ...b, notesAccepted: false });
    expect(unticked.data.error.fieldErrors).toEqual({ notesAccepted: '请勾选“我已阅读以上申报须知，知晓并确认相关内容”' });
    const noFiles = await submit(auth, b);
    expect(noFiles.status).toBe(400);
    expect(noFiles.data.error.fieldErrors).toEqual({ 'materials.propertyCertificate': '请上传房屋产权证明（不动产权证书）' });
    const wrongSchool = await submit(auth, { ...b, schoolId: '500112-P-1' });
    expect(wrongSchool.data.error.fieldErrors.schoolId).toBe('所选学校与区县、学段或学校类型不符，请重新选择');
    const file = await upload(auth, 'propertyCertificate');
    const ok = await submit(auth, { ...b, materials: { propertyCertificate: [file] } });
    expect(ok.status).toBe(201);
    expect(ok.data.application.verification.find((v: any) => v.kind === 'property')).toMatchObject({ status: 'notMatched' });
  });

  test('绿色通道: a verified policy group\'s application is marked greenChannel and promised the shorter review', async () => {
    const cal = buildCalendar2024();
    const window = batchOf(cal, '500109')!.registration;
    await clock(`${window.start.slice(0, 10)}T10:00:00`);
    const auth = await login('disabled-child');
    const child = (await call('GET', '/api/v1/children', undefined, auth)).data.children[0];
    expect(child.greenChannel).toBe(true);
    const schools = (await call('GET', '/api/v1/districts/500109/schools?stage=junior', undefined, auth)).data.schools;
    const school = schools.find((x: any) => x.nature === 'public');
    const q = `districtCode=500109&stage=junior&schoolType=${school.type}&source=disabled&childId=${child.id}`;
    const materials: Record<string, string[]> = {};
    for (const item of (await call('GET', `/api/v1/materials?${q}`, undefined, auth)).data.items.filter((i: any) => i.state === 'required')) materials[item.code] = [await upload(auth, item.code)];
    const r = await submit(auth, {
      idempotencyKey: 'green', childId: child.id, stage: 'junior', districtCode: '500109', nature: 'public', schoolType: school.type, schoolId: school.id,
      source: 'disabled', upkeep: sampleUpkeep('disabled-child'), materials, notesAccepted: true,
    });
    expect(r.status).toBe(201);
    expect(r.data.application.greenChannel).toBe(true);
    expect(r.data.application.reviewDueAt).toBe(greenChannelReviewDueAt(cal, r.data.application.submittedAt));
    expect(toMs(r.data.application.reviewDueAt)).toBeLessThan(toMs(reviewDueAt(cal, r.data.application.submittedAt)));
  });

  test('a replayed submission returns the first application (200, same id); a second live one is 不可兼报', async () => {
    await clock('2024-06-11T10:00:00');
    const auth = await login();
    const b = await body(auth, 'same-key');
    const first = await submit(auth, b);
    expect(first.status).toBe(201);
    expect(first.data.application).toMatchObject({ status: 'submitted', schoolName: expect.stringContaining('渝北区'), childNameMasked: '王*涵', reviewDueAt: '2024-06-26T00:00:00+08:00' });
    expect(first.data.application.number).toMatch(/^RX2024500112\d{6}$/);
    const replay = await submit(auth, b);
    expect(replay.status).toBe(200);
    expect(replay.data.application.id).toBe(first.data.application.id);
    const second = await submit(auth, { ...b, idempotencyKey: 'other-key', schoolId: '500112-P-3', schoolType: 'publicNormal' });
    expect(second.status).toBe(409);
    expect(second.data.error.code).toBe('CONFLICT');
    expect(second.data.error.message).toContain('公办、民办学校只能选择其一，不可兼报');
    const list = await call('GET', '/api/v1/applications', undefined, auth);
    expect(list.data.applications).toHaveLength(1);
  });
});

describe('withdraw, review, resubmit', () => {
  test('withdraw while 待审核, then submit again to the same 办件', async () => {
    await server().dev!.qa.reset('submitted');
    await clock('2024-06-11T11:00:00');
    const auth = await login();
    const [app] = (await call('GET', '/api/v1/applications', undefined, auth)).data.applications;
    const w = await call('POST', `/api/v1/applications/${app.id}/withdraw`, undefined, auth);
    expect(w.data.application.status).toBe('withdrawn');
    const again = await submit(auth, await body(auth, 'again'));
    expect(again.status).toBe(201);
    expect(again.data.application.id).toBe(app.id);
    expect(again.data.application.history.map((h: any) => h.to)).toEqual(['draft', 'submitted', 'withdrawn', 'submitted']);
  });

  test('withdraw while under review is refused', async () => {
    await server().dev!.qa.reset('submitted');
    await clock('2024-06-12T10:00:00');
    const auth = await login();
    const [app] = (await call('GET', '/api/v1/applications', undefined, auth)).data.applications;
    await call('POST', '/__qa/review', { applicationId: app.id, action: 'request-correction', reason: '户口簿不清晰', items: ['householdRegister'] });
    const r = await call('POST', `/api/v1/applications/${app.id}/withdraw`, undefined, auth);
    expect(r.status).toBe(409);
    expect(r.data.error).toMatchObject({ code: 'INVALID_TRANSITION', message: '当前办件状态为「待补正」，不能撤回' });
  });

  test('a reviewer acting on a withdrawn application is refused', async () => {
    await server().dev!.qa.reset('submitted');
    await clock('2024-06-11T11:00:00');
    const auth = await login();
    const [app] = (await call('GET', '/api/v1/applications', undefined, auth)).data.applications;
    await call('POST', `/api/v1/applications/${app.id}/withdraw`, undefined, auth);
    const r = await call('POST', '/__qa/review', { applicationId: app.id, action: 'approve' });
    expect(r.status).toBe(409);
    expect(r.data.error).toMatchObject({ code: 'INVALID_TRANSITION', message: '当前办件状态为「已撤回」，不能审核通过' });
  });

  test('after 补正 the parent re-uploads the item and resubmits; the old image is not accepted', async () => {
    await server().dev!.qa.reset('awaiting-correction');
    await clock('2024-06-12T11:00:00');
    const auth = await login();
    const [app] = (await call('GET', '/api/v1/applications', undefined, auth)).data.applications;
    expect(app.correction).toMatchObject({ items: ['householdRegister'] });
    const same = await call('POST', `/api/v1/applications/${app.id}/resubmit`, { idempotencyKey: 'r1', materials: {} }, auth);
    expect(same.data.error.fieldErrors['materials.householdRegister']).toBe('请按补正要求重新上传');
    const fresh = await upload(auth, 'householdRegister');
    const ok = await call('POST', `/api/v1/applications/${app.id}/resubmit`, { idempotencyKey: 'r2', materials: { householdRegister: [fresh] } }, { ...auth, 'Idempotency-Key': 'r2' });
    expect(ok.data.application.status).toBe('resubmitted');
    expect(ok.data.application.materials.householdRegister).toEqual([fresh]);
    const replay = await call('POST', `/api/v1/applications/${app.id}/resubmit`, { idempotencyKey: 'r2', materials: { householdRegister: [fresh] } }, { ...auth, 'Idempotency-Key': 'r2' });
    expect(replay.data.application.status).toBe('resubmitted');
    // The same key with another body is refused, never answered with the first result.
    const reused = await call('POST', `/api/v1/applications/${app.id}/resubmit`, { idempotencyKey: 'r2', materials: {} }, { ...auth, 'Idempotency-Key': 'r2' });
    expect(reused.status).toBe(409);
    const approved = await call('POST', '/__qa/review', { applicationId: app.id, action: 'approve' });
    expect(approved.data.application.status).toBe('approved');
    expect(approved.data.application.history.map((h: any) => h.action).slice(-2)).toEqual(['startReview', 'approve']);
    // 开始审核 and 审核通过 share one instant: the sequence, not the time, says which came first.
    const mine = (await call('GET', `/api/v1/applications/${app.id}`, undefined, auth)).data.application;
    const last = mine.history.slice(-2);
    expect(last[0].at).toBe(last[1].at);
    expect(last.map((h: any) => [h.seq, h.action])).toEqual([[mine.history.length - 1, 'startReview'], [mine.history.length, 'approve']]);
    expect(mine.history.map((h: any) => h.seq)).toEqual(mine.history.map((_: unknown, i: number) => i + 1));
    expect(mine.history.slice(0, 2).map((h: any) => h.action)).toEqual(['create', 'submit']);
  });
});

describe('private lottery, confirmation deadline, fallback', () => {
  test('the published draw verifies with the domain verifyDraw and tells the child’s rank', async () => {
    await server().dev!.qa.reset('private-registered');
    await clock('2024-06-20T09:00:00');
    const run = await call('POST', '/__qa/lottery', {});
    expect(run.status).toBe(200);
    const [decision] = run.data.decisions;
    expect(decision.withoutLottery).toBe(false);
    expect(decision.entrantCount).toBeGreaterThan(decision.places);
    const auth = await login();
    const [app] = (await call('GET', '/api/v1/applications', undefined, auth)).data.applications;
    const outcome = (await call('GET', `/api/v1/applications/${app.id}/lottery`, undefined, auth)).data;
    expect(verifyDraw(outcome.draw)).toEqual({ valid: true });
    expect(outcome.rank).toBe(outcome.draw.order.indexOf(outcome.pseudonym) + 1);
    expect(outcome.admitted).toBe(outcome.rank <= outcome.draw.places);
    expect(app.status).toBe(outcome.admitted ? 'lotteryWon' : 'lotteryLost');
    expect(JSON.stringify(outcome.draw)).not.toContain('王子涵');
    const again = await call('POST', '/__qa/lottery', { schoolId: app.schoolId });
    expect(again.data.error.code).toBe('CONFLICT');
  });

  test('confirmation at 17:59:59 succeeds; one second after 18:00 it is DEADLINE_PASSED and the place forfeited', async () => {
    await server().dev!.qa.reset('private-admitted');
    await clock('2024-06-20T18:00:01');
    const auth = await login();
    const [app] = (await call('GET', '/api/v1/applications', undefined, auth)).data.applications;
    expect(app.status).toBe('forfeited');
    expect(app.history.at(-1)).toMatchObject({ action: 'forfeit', actor: 'system', at: '2024-06-20T18:00:00+08:00' });
    const late = await call('POST', `/api/v1/applications/${app.id}/confirm`, undefined, auth);
    expect(late.status).toBe(409);
    expect(late.data.error).toMatchObject({ code: 'DEADLINE_PASSED', message: '入学确认已于 6月20日 18:00 截止，逾期未确认视为自动放弃' });

    await server().dev!.qa.reset('private-admitted');
    await clock('2024-06-20T17:59:59');
    const auth2 = await login();
    const ok = await call('POST', `/api/v1/applications/${app.id}/confirm`, undefined, auth2);
    expect(ok.data.application.status).toBe('confirmed');
  });

  test('the public fallback is open after a loss, and only then', async () => {
    await server().dev!.qa.reset('private-lottery-lost');
    await clock('2024-06-21T10:00:00');
    const auth = await login();
    const r = await submit(auth, await body(auth, 'fb', '500112-P-3', 'publicNormal'));
    expect(r.status).toBe(201);
    expect(r.data.application).toMatchObject({ status: 'submitted', publicFallback: true, nature: 'public' });
    // Without a private loss, 6-21 is past 渝北区's batch: refused.
    await server().dev!.qa.reset('fresh');
    await clock('2024-06-21T10:00:00');
    const auth2 = await login();
    const refused = await submit(auth2, await body(auth2, 'fb2', '500112-P-3', 'publicNormal'));
    expect(refused.data.error.code).toBe('DEADLINE_PASSED');
  });

  test('a private registration outside 6-17..6-19 is refused with reopensAt', async () => {
    await clock('2024-06-11T10:00:00');
    const auth = await login();
    const r = await submit(auth, await body(auth, 'p', '500112-P-6', 'private'));
    expect(r.data.error).toMatchObject({ code: 'OUTSIDE_WINDOW', reopensAt: '2024-06-17T08:00:00+08:00' });
  });
});

describe('notice and report code', () => {
  test('notice JSON, notice.pdf and a report code that verifies with the published key', async () => {
    await server().dev!.qa.reset('confirmed-with-notice');
    await clock('2024-07-16T10:00:00');
    const auth = await login();
    const [app] = (await call('GET', '/api/v1/applications', undefined, auth)).data.applications;
    expect(app).toMatchObject({ status: 'noticeIssued', reportCodeAvailable: true });
    const notice = (await call('GET', `/api/v1/applications/${app.id}/notice`, undefined, auth)).data;
    expect(notice).toMatchObject({ applicationNumber: app.number, childName: '王子涵', childNameMasked: '王*涵', childIdMasked: '5001**********004X', reportDate: '2024-08-30' });
    const pdf = await call('GET', `/api/v1/applications/${app.id}/notice.pdf`, undefined, auth);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder('latin1').decode(pdf.data.slice(0, 5))).toBe('%PDF-');
    const code = (await call('GET', `/api/v1/children/${CHILD}/report-code`, undefined, auth)).data;
    const key = (await call('GET', '/api/v1/report-code/public-key')).data;
    expect(key).toEqual({ year: 2024, publicKey: code.publicKey });
    expect(verifyReportCode(code.code, key.publicKey, 2024)).toMatchObject({ valid: true, payload: { app: app.number, child: '王子涵', childId: '**************004X' } });
    // The 报到码 is dated as the notice: issued with it, not at the earlier confirmation.
    const issued = app.history.find((h: any) => h.action === 'issueNotice').at;
    expect(app.history.find((h: any) => h.action === 'confirm').at).not.toBe(issued);
    expect(notice.issuedAt).toBe(issued);
    expect(code.payload.issuedAt).toBe(issued);
    expect(notice.reportCode.payload.issuedAt).toBe(issued);
  });

  test('before confirmation there is no notice', async () => {
    await server().dev!.qa.reset('approved-awaiting-confirmation');
    await clock('2024-06-14T10:00:00');
    const auth = await login();
    const [app] = (await call('GET', '/api/v1/applications', undefined, auth)).data.applications;
    const r = await call('GET', `/api/v1/applications/${app.id}/notice`, undefined, auth);
    expect(r.data.error.message).toBe('当前办件状态为「审核通过，待确认」，确认入学后才能查看电子入学通知书');
    expect((await call('GET', `/api/v1/children/${CHILD}/report-code`, undefined, auth)).status).toBe(404);
  });
});

describe('QA API', () => {
  test('faults answer the chosen failure for a route a number of times, then clear', async () => {
    const auth = await login();
    await call('POST', '/__qa/faults', { route: '/api/v1/children', kind: 'overloaded', times: 1 });
    const hit = await call('GET', '/api/v1/children', undefined, auth);
    expect(hit.status).toBe(429);
    expect(hit.data.error.code).toBe('OVERLOADED');
    expect((await call('GET', '/api/v1/children', undefined, auth)).status).toBe(200);
    await call('POST', '/__qa/faults', { kind: 'error500' });
    expect((await call('GET', '/api/v1/applications', undefined, auth)).status).toBe(500);
    await call('DELETE', '/__qa/faults');
    expect((await call('GET', '/api/v1/applications', undefined, auth)).status).toBe(200);
    const bad = await call('POST', '/__qa/faults', { kind: 'meteor' });
    expect(bad.status).toBe(400);
  });

  test('identities and scenarios are listed with Chinese descriptions', async () => {
    const ids = (await call('GET', '/__qa/identities')).data.identities;
    expect(ids.map((i: any) => i.id)).toContain('anti-abuse');
    expect(Object.keys(ids[0]).sort()).toEqual(['description', 'id', 'label']);
    const scenarios = (await call('GET', '/__qa/scenarios')).data.scenarios.map((s: any) => s.name);
    expect(scenarios).toEqual(expect.arrayContaining(['fresh', 'registration-open', 'awaiting-correction', 'private-lottery-lost', 'private-admitted', 'approved-awaiting-confirmation', 'confirmed-with-notice']));
  });

  test('registration-open: upkeep kept earlier is there to reuse', async () => {
    await server().dev!.qa.reset('registration-open');
    const auth = await login();
    const r = await call('POST', `/api/v1/children/${CHILD}/upkeep/reveal`, undefined, auth);
    expect(r.data.upkeep.property.unitNumber).toBe('500112003012GB00231F00030501');
    expect((await call('GET', '/api/v1/time')).data.serverTime.startsWith('2024-06-11T10:00')).toBe(true);
  });
});
