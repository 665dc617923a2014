/**
 * The parent's applications (个人中心 → 我的申请) and the actions on one (撤回, 补正, 入学确认).
 * A 补正 resubmission carries one idempotency key per attempt, kept in storage until answered,
 * for the same reason as the registration draft: a retry must never count twice. Its key starts
 * with DRAFT_KEY_PREFIX, so logout removes it with every other draft (persisted.ts's index).
 */
import { create } from 'zustand';
import type { Application } from '@contract/application';
import type { ApiError } from '@contract/errors';
import type { MaterialCode } from '@contract/materials';
import * as api from '@/services/api';
import { DRAFT_KEY_PREFIX, useSessionStore } from './session';
import { loadJson, onDraftScopeLeft, removeKey, saveJson } from './persisted';
import { isUncertain, newAttemptKey } from './attempts';

export const resubmitKey = (applicationId: string) => `${DRAFT_KEY_PREFIX}resubmit:${applicationId}`;

export interface ResubmitDraft {
  materials: Partial<Record<MaterialCode, string[]>>;
  attemptKey: string | null;
}

export type ActionOutcome = { ok: true; application: Application } | { ok: false; error: ApiError; uncertain: boolean };

interface ApplicationsState {
  list: Application[];
  loading: boolean;
  error: ApiError | null;
  byId: Record<string, Application>;
  busy: boolean;
  load(): Promise<void>;
  loadOne(id: string): Promise<{ ok: true; application: Application } | { ok: false; error: ApiError }>;
  withdraw(id: string): Promise<ActionOutcome>;
  confirm(id: string): Promise<ActionOutcome>;
  loadResubmit(id: string): Promise<ResubmitDraft>;
  saveResubmit(id: string, draft: ResubmitDraft): Promise<void>;
  resubmit(id: string): Promise<ActionOutcome>;
}

export const useApplicationsStore = create<ApplicationsState>((set, get) => {
  const remember = (application: Application) =>
    set((s) => ({
      byId: { ...s.byId, [application.id]: application },
      list: s.list.some((a) => a.id === application.id) ? s.list.map((a) => (a.id === application.id ? application : a)) : s.list,
    }));

  const act = async (id: string, run: () => Promise<{ ok: true; data: { application: Application } } | { ok: false; error: ApiError }>): Promise<ActionOutcome> => {
    if (get().busy) return { ok: false, error: { code: 'CONFLICT', message: '正在处理，请稍候' }, uncertain: false };
    set({ busy: true });
    const answer = await run();
    set({ busy: false });
    if (answer.ok) {
      remember(answer.data.application);
      return { ok: true, application: answer.data.application };
    }
    // A refusal may mean the status moved on (e.g. review started): fetch the truth.
    if (!isUncertain(answer.error.code)) void get().loadOne(id);
    return { ok: false, error: answer.error, uncertain: isUncertain(answer.error.code) };
  };

  return {
    list: [],
    loading: false,
    error: null,
    byId: {},
    busy: false,
    async load() {
      set({ loading: true, error: null });
      // A page opened first after a reload: the saved session must be back before asking.
      await useSessionStore.getState().restore();
      const answer = await api.applications();
      if (!answer.ok) return set({ loading: false, error: answer.error });
      const byId = { ...get().byId };
      for (const a of answer.data.applications) byId[a.id] = a;
      set({ loading: false, list: answer.data.applications, byId });
    },
    async loadOne(id) {
      await useSessionStore.getState().restore();
      const answer = await api.application(id);
      if (!answer.ok) return { ok: false, error: answer.error };
      remember(answer.data.application);
      return { ok: true, application: answer.data.application };
    },
    withdraw: (id) => act(id, () => api.withdraw(id)),
    confirm: (id) => act(id, () => api.confirm(id)),
    async loadResubmit(id) {
      return (await loadJson<ResubmitDraft>(resubmitKey(id))) ?? { materials: {}, attemptKey: null };
    },
    async saveResubmit(id, draft) {
      await saveJson(resubmitKey(id), draft);
    },
    async resubmit(id) {
      const draft = await get().loadResubmit(id);
      const attemptKey = draft.attemptKey ?? newAttemptKey();
      await get().saveResubmit(id, { ...draft, attemptKey });
      const outcome = await act(id, () => api.resubmit(id, { idempotencyKey: attemptKey, materials: draft.materials }));
      if (outcome.ok) await removeKey(resubmitKey(id));
      else if (!outcome.uncertain) await get().saveResubmit(id, { ...draft, attemptKey: null });
      return outcome;
    },
  };
});

// Another parent on this phone must not see the previous one's applications, even for a moment.
onDraftScopeLeft(() => useApplicationsStore.setState({ list: [], byId: {}, loading: false, error: null, busy: false }));
