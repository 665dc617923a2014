/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/** The home card over HTTP: judged at the server's time, for the district asked, led by the parent's own applications. */
import { setupServer } from './harness';

const { server, call, clock, login } = setupServer();
const CARD = '/api/v1/home-card';

describe('GET /api/v1/home-card', () => {
  test("follows the district asked for: 渝北 on 5-20 waits for its own registration, and names the district", async () => {
    await clock('2024-05-20T10:00:00');
    const r = await call('GET', `${CARD}?stage=primary&districtCode=500112`);
    expect(r.status).toBe(200);
    expect(r.data.districtName).toBe('渝北区');
    expect(r.data.card.title).toBe('正式网上报名尚未开始');
    expect(r.data.card.detail + r.data.card.nextStep).toContain('6月9日 08:00');
    expect(r.data.card).not.toHaveProperty('maintenance');
    expect(Date.parse(r.data.serverTime)).toBe(Date.parse('2024-05-20T10:00:00+08:00'));
    // Nothing changes by time alone for weeks: the card is asked again at the longest age.
    expect(Date.parse(r.data.refreshAt) - Date.parse(r.data.serverTime)).toBe(10 * 60_000);
  });

  test('is asked again at the instant a window opens, and then says it is open', async () => {
    await clock('2024-06-09T07:58:00');
    const before = await call('GET', `${CARD}?stage=primary&districtCode=500112`);
    expect(before.data.card.phase).not.toBe('registration');
    expect(Date.parse(before.data.refreshAt)).toBe(Date.parse('2024-06-09T08:00:00+08:00'));
    await clock('2024-06-09T08:00:00');
    const after = await call('GET', `${CARD}?stage=primary&districtCode=500112`);
    expect(after.data.card.phase).toBe('registration');
    expect(after.data.card.action).toEqual({ label: expect.any(String), target: 'apply' });
  });

  test('without a district, or with one that is not this year’s, follows the city-wide calendar', async () => {
    await clock('2024-06-05T10:00:00');
    for (const path of [`${CARD}?stage=primary`, `${CARD}?stage=primary&districtCode=999999`]) {
      const r = await call('GET', path);
      expect(r.status).toBe(200);
      expect(r.data.districtName).toBeNull();
      expect(r.data.card.phase).toBe('registration');
    }
  });

  test("leads with the parent's waiting 补正 only for that parent", async () => {
    await server().dev!.qa.reset('awaiting-correction');
    const auth = await login('two-children');
    const mine = await call('GET', `${CARD}?stage=primary&districtCode=500112`, undefined, auth);
    expect(mine.status).toBe(200);
    expect(mine.data.card.action).toEqual({ label: '去补正', target: 'application' });
    expect(mine.data.card.applicationId).toEqual(expect.any(String));
    expect(`${mine.data.card.detail}${mine.data.card.nextStep}`).toContain('户口簿照片不清晰');
    const anyone = await call('GET', `${CARD}?stage=primary&districtCode=500112`);
    expect(anyone.data.card.applicationId).toBeNull();
    expect(JSON.stringify(anyone.data)).not.toContain('户口簿照片不清晰');
  });

  test('answers during maintenance, with when the service reopens', async () => {
    await clock('2024-05-08T23:00:00');
    const r = await call('GET', `${CARD}?stage=primary`);
    expect(r.status).toBe(200);
    expect(r.data.card.tone).toBe('maintenance');
    expect(r.data.card.nextStep).toContain('5月9日 08:00');
    expect(Date.parse(r.data.refreshAt)).toBe(Date.parse(r.data.serverTime) + 10 * 60_000);
  });

  test('a token that opens no session is refused as expired, not answered as anonymous', async () => {
    const r = await call('GET', `${CARD}?stage=primary`, undefined, { Authorization: `Bearer ${'x'.repeat(32)}` });
    expect(r.status).toBe(401);
    expect(r.data.error.code).toBe('UNAUTHENTICATED');
  });

  test.each([
    ['no stage', `${CARD}`],
    ['an unknown stage', `${CARD}?stage=senior`],
    ['a district code that is not one', `${CARD}?stage=primary&districtCode=yubei`],
    ['an unknown parameter', `${CARD}?stage=primary&idNumber=500112198001010011`],
  ])('refuses %s with 400', async (_what, path) => {
    const r = await call('GET', path);
    expect(r.status).toBe(400);
    expect(r.data.error.code).toBe('VALIDATION');
  });
});
