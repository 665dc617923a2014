import { routes, type ApplicationsResponse } from '@contract/api';
// The calls' own module: the api index re-exports them through getters a spy cannot replace.
import * as api from '@/services/api/applications';
import { auth } from '@/services/auth';
import { uploadImage, useMockHost } from '../../test/pageHarness';
import { resubmitKey, useApplicationsStore } from './applications';
import { draftKeys, loadJson } from './persisted';

describe('applications store: 补正 resubmission safety', () => {
  const mock = useMockHost();
  beforeEach(() => useApplicationsStore.setState({ list: [], byId: {}, busy: false, error: null }));
  afterEach(() => jest.restoreAllMocks());

  async function awaitingCorrection() {
    await mock.reset('awaiting-correction');
    await mock.login('two-children');
    const list = await mock.api<ApplicationsResponse>('GET', routes.applications);
    const app = list.data.applications[0];
    const fileId = await uploadImage(auth.token()!, 'householdRegister');
    const store = useApplicationsStore.getState();
    await store.saveResubmit(app.id, { materials: { householdRegister: [fileId] }, attemptKey: null });
    return { app, fileId };
  }

  it('keeps the 补正 draft under a draft: key that logout can find', async () => {
    const { app, fileId } = await awaitingCorrection();
    expect(await draftKeys()).toContain(resubmitKey(app.id));
    expect(await useApplicationsStore.getState().loadResubmit(app.id)).toEqual({ materials: { householdRegister: [fileId] }, attemptKey: null });
  });

  it('replays the same key after an unanswered attempt, so the retry counts once, then forgets the draft', async () => {
    const { app, fileId } = await awaitingCorrection();
    const sent = jest.spyOn(api, 'resubmit');
    await mock.qa('POST', '/__qa/faults', { route: 'resubmit', kind: 'error500', times: 1 });

    const first = await useApplicationsStore.getState().resubmit(app.id);
    expect(first).toMatchObject({ ok: false, uncertain: true });
    const kept = await loadJson<{ attemptKey: string | null }>(resubmitKey(app.id));
    expect(kept?.attemptKey).toEqual(expect.any(String));

    const second = await useApplicationsStore.getState().resubmit(app.id);
    expect(second.ok).toBe(true);
    if (second.ok) expect(second.application.status).toBe('resubmitted');
    expect(sent).toHaveBeenCalledTimes(2);
    expect(sent.mock.calls[1][1].idempotencyKey).toBe(sent.mock.calls[0][1].idempotencyKey);
    expect(sent.mock.calls[1][1].idempotencyKey).toBe(kept?.attemptKey);

    // The same answer again for a third replay of that key: no second resubmission in the history.
    const replay = await api.resubmit(app.id, { idempotencyKey: kept!.attemptKey!, materials: { householdRegister: [fileId] } });
    expect(replay.ok).toBe(true);
    // The key with another body is refused (409), never answered as if it were the first request.
    const reused = await api.resubmit(app.id, { idempotencyKey: kept!.attemptKey!, materials: {} });
    expect(!reused.ok && reused.error.code).toBe('CONFLICT');
    const after = await mock.api<ApplicationsResponse>('GET', routes.applications);
    expect(after.data.applications[0].history.filter((h) => h.to === 'resubmitted')).toHaveLength(1);
    expect(await loadJson(resubmitKey(app.id))).toBeNull();
    expect(await draftKeys()).not.toContain(resubmitKey(app.id));
  });

  it('after a refusal keeps the re-uploaded materials and starts the next attempt with a new key', async () => {
    const { app } = await awaitingCorrection();
    // A photo id the server does not know (e.g. expired on the server): this attempt is refused.
    const fileId = 'UP-unknown';
    await useApplicationsStore.getState().saveResubmit(app.id, { materials: { householdRegister: [fileId] }, attemptKey: 'refused-attempt' });

    const outcome = await useApplicationsStore.getState().resubmit(app.id);
    expect(outcome).toMatchObject({ ok: false, uncertain: false });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const kept = await useApplicationsStore.getState().loadResubmit(app.id);
    expect(kept).toEqual({ materials: { householdRegister: [fileId] }, attemptKey: null });
  });
});
