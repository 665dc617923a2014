/**
 * "Overloaded" (429 + Retry-After) on every call of the enrolment API, against the mock server over
 * msw/node: each call waits at least the server's Retry-After, raises the queue notice, tries
 * again and gets the server's real answer. The table is typed over the calls of ./api.ts, so a new
 * API call does not compile until it is added here. (The browser suite shows the queue message on pages.)
 */
import { createMockServer } from '@mock/node';
import { qa } from '../../test/pageHarness';
import { routes } from '@contract/api';
import type { ApplicationResponse, Session } from '@contract/api';
import type { HostBridge } from '@contract/bridge';
import { createH5Bridge } from '@/bridge/h5';
import { createApiClient, type ApiClient, type ApiResult } from './http';
import * as enrolmentApi from './api';
import { createOverloadLimiter } from './overloadLimiter';

// The calls run on a client of this test's (its bridge records requests, its limiter waits on a
// simulated clock) instead of the module's.
let mockClient: ApiClient;
jest.mock('./client', () => ({ apiClient: { call: (...args: Parameters<ApiClient['call']>) => mockClient.call(...args) } }));
type EnrolmentApi = typeof enrolmentApi;

const ORIGIN = 'http://localhost';
const mock = createMockServer();

interface Ids {
  childId: string;
  applicationId: string;
}
type Row = { route: (ids: Ids) => string; run: (api: EnrolmentApi, ids: Ids) => Promise<ApiResult<unknown>> };

/** A face verification the dev host has completed, ready to be exchanged for a session. */
async function verified(api: EnrolmentApi): Promise<string> {
  const begun = await api.beginFaceVerification({});
  if (!begun.ok) throw new Error(begun.error.message);
  await qa('POST', '/host/face/complete', { verifyId: begun.data.verifyId });
  return begun.data.verificationId;
}

const CALLS: { [K in keyof EnrolmentApi]: Row } = {
  beginFaceVerification: { route: () => routes.faceVerifications, run: (api) => api.beginFaceVerification({}) },
  createSession: { route: () => routes.session, run: async (api) => api.createSession({ verificationId: await verified(api) }) },
  calendar: { route: () => routes.calendar, run: (api) => api.calendar() },
  homeCard: { route: () => routes.homeCard, run: (api) => api.homeCard({ stage: 'primary', districtCode: '500112' }) },
  time: { route: () => routes.time, run: (api) => api.time() },
  districts: { route: () => routes.districts, run: (api) => api.districts() },
  schools: { route: () => routes.schools('500112'), run: (api) => api.schools('500112', 'primary') },
  children: { route: () => routes.children, run: (api) => api.children() },
  addChild: { route: () => routes.children, run: (api) => api.addChild({ idNumber: '500112201801150026', name: '王小明', relationship: 'father' } as never) },
  updateChild: { route: (ids) => routes.child(ids.childId), run: (api, ids) => api.updateChild(ids.childId, { householdName: '王子涵' } as never) },
  revealChild: { route: (ids) => routes.revealChild(ids.childId), run: (api, ids) => api.revealChild(ids.childId) },
  upkeep: { route: (ids) => routes.revealUpkeep(ids.childId), run: (api, ids) => api.upkeep(ids.childId) },
  upkeepMasked: { route: (ids) => routes.upkeep(ids.childId), run: (api, ids) => api.upkeepMasked(ids.childId) },
  saveUpkeep: { route: (ids) => routes.upkeep(ids.childId), run: (api, ids) => api.saveUpkeep(ids.childId, {} as never) },
  materials: { route: () => routes.materials, run: (api, ids) => api.materials({ districtCode: '500112', stage: 'primary', schoolType: 'publicTight', source: 'local', childId: ids.childId } as never) },
  applications: { route: () => routes.applications, run: (api) => api.applications() },
  application: { route: (ids) => routes.application(ids.applicationId), run: (api, ids) => api.application(ids.applicationId) },
  submit: { route: () => routes.applications, run: (api) => api.submit({ idempotencyKey: 'overload-test-key' } as never) },
  withdraw: { route: (ids) => routes.withdraw(ids.applicationId), run: (api, ids) => api.withdraw(ids.applicationId) },
  resubmit: { route: (ids) => routes.resubmit(ids.applicationId), run: (api, ids) => api.resubmit(ids.applicationId, { idempotencyKey: 'overload-resubmit', materials: {} }) },
  confirm: { route: (ids) => routes.confirm(ids.applicationId), run: (api, ids) => api.confirm(ids.applicationId) },
  lottery: { route: (ids) => routes.lottery(ids.applicationId), run: (api, ids) => api.lottery(ids.applicationId) },
  notice: { route: (ids) => routes.notice(ids.applicationId), run: (api, ids) => api.notice(ids.applicationId) },
  reportCode: { route: (ids) => routes.reportCode(ids.childId), run: (api, ids) => api.reportCode(ids.childId) },
  publicKey: { route: () => routes.publicKey, run: (api) => api.publicKey() },
  messages: { route: () => routes.messages, run: (api) => api.messages() },
  unreadCount: { route: () => routes.unreadCount, run: (api) => api.unreadCount() },
  markMessageRead: { route: () => routes.messageRead('1'), run: (api) => api.markMessageRead('1') },
  setPushConsent: { route: () => routes.pushConsent, run: (api) => api.setPushConsent({ kinds: ['approved'] }) },
  endSession: { route: () => routes.session, run: (api) => api.endSession() },
};

describe('overloaded on every API call', () => {
  let token: string | null = null;
  let ids: Ids;
  const sent: string[] = [];
  const waits: number[] = [];
  const queue: boolean[] = [];
  let clock = Date.parse('2024-07-20T02:00:00Z');
  const h5 = createH5Bridge({ origin: ORIGIN });
  const bridge: HostBridge = { ...h5, request: (req) => (sent.push(req.url), h5.request(req)) };
  // Simulated waiting: the limiter's sleeps move this clock instead of the test's.
  const limiter = createOverloadLimiter({ onQueue: (w) => queue.push(w), now: () => clock, sleep: async (ms) => void (waits.push(ms), (clock += ms)) });
  mockClient = createApiClient({ bridge: () => bridge, token: () => token, onUnauthenticated: () => undefined, onQueue: () => undefined, limiter });
  const api = enrolmentApi;

  beforeAll(async () => {
    mock.server.listen({ onUnhandledRequest: 'error' });
    await mock.reset('confirmed-with-notice');
    await qa('POST', '/__qa/identity', { id: 'two-children' });
    const session = await api.createSession({ verificationId: await verified(api) });
    if (!session.ok) throw new Error(session.error.message);
    token = (session.data as Session).token;
    const apps = await api.applications();
    const first = apps.ok ? apps.data.applications[0] : undefined;
    if (!first) throw new Error('scenario has no application');
    ids = { childId: first.childId, applicationId: first.id };
  });
  afterAll(() => mock.server.close());

  it.each(Object.keys(CALLS) as Array<keyof EnrolmentApi & string>)('%s waits the Retry-After, shows the queue notice and gets the real answer', async (name) => {
    const row = CALLS[name];
    const route = row.route(ids);
    await qa('POST', '/__qa/faults', { route, kind: 'overloaded', times: 1 });
    sent.length = 0;
    waits.length = 0;
    queue.length = 0;
    clock += 120000; // a quiet spell since the previous call's overload
    const result = await row.run(api, ids);
    const state = await qa('GET', '/__qa/state');
    expect(state.faults).toEqual([]); // the 429 was served to this call
    expect(sent.filter((url) => url.startsWith(route)).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(10000); // Retry-After: 10
    expect(queue).toEqual([true, false]);
    expect(result.ok || result.error.code).not.toBe('OVERLOADED');
    if (name === 'application') expect(result.ok && (result.data as ApplicationResponse).application.id).toBe(ids.applicationId);
  });
});
