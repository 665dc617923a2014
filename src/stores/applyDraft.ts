/**
 * The registration draft (幼升小/小升初在线申报), one per stage, kept through the bridge's storage
 * so nothing a parent entered is lost on a reload, a timeout or a 401 re-login.
 *
 * Submission safety: the draft carries the idempotency key of the current attempt. It is created
 * before the first request and kept until the server gives a definite answer, so a double tap or a
 * retry after a timeout replays the same key and the server returns the first result instead of
 * creating a second application.
 */
import { create } from 'zustand';
import type { Application } from '@contract/application';
import type { Stage } from '@contract/calendar';
import type { UpkeepInfo } from '@contract/child';
import type { SchoolNature, SchoolType } from '@contract/district';
import type { ApiError } from '@contract/errors';
import type { MaterialCode, StudentSource } from '@contract/materials';
import * as api from '@/services/api';
import { DRAFT_KEY_PREFIX } from './session';
import { loadJson, onDraftScopeLeft, removeKey, saveJson } from './persisted';
import { isUncertain, newAttemptKey } from './attempts';

export interface ApplyDraft {
  stage: Stage;
  districtCode: string | null;
  childId: string | null;
  nature: SchoolNature | null;
  schoolType: SchoolType | null;
  schoolId: string | null;
  source: StudentSource;
  upkeep: UpkeepInfo | null;
  /** The upkeep came from 子女信息维护 with 一键引用 (Q25). */
  upkeepQuoted: boolean;
  materials: Partial<Record<MaterialCode, string[]>>;
  /** The parent ticked "我已阅读以上申报须知，知晓并确认相关内容" for this school type. */
  notesAccepted: boolean;
  /** The parent opened and read the private school's 招生简章. */
  brochureRead: boolean;
  /** Idempotency key of the submission attempt in flight or unanswered; null = none yet. */
  attemptKey: string | null;
  /** A withdrawn application this draft continues (Q18), for display. */
  fromApplicationId: string | null;
}

export const draftKey = (stage: Stage) => `${DRAFT_KEY_PREFIX}apply:${stage}`;
/** Every key this store writes, for logout (drafts hold personal data). */
export const APPLY_DRAFT_KEYS = [draftKey('primary'), draftKey('junior')];

export function emptyDraft(stage: Stage): ApplyDraft {
  return {
    stage,
    districtCode: null,
    childId: null,
    nature: null,
    schoolType: null,
    schoolId: null,
    source: 'localHukou',
    upkeep: null,
    upkeepQuoted: false,
    materials: {},
    notesAccepted: false,
    brochureRead: false,
    attemptKey: null,
    fromApplicationId: null,
  };
}

export type SubmitOutcome =
  | { kind: 'submitted'; application: Application }
  /** The server refused: nothing was created, the draft is intact, a new attempt gets a new key. */
  | { kind: 'refused'; error: ApiError }
  /** No answer: it may or may not have gone through; retrying is safe (same key). */
  | { kind: 'unknown'; error: ApiError }
  | { kind: 'busy' };

interface ApplyDraftState {
  draft: ApplyDraft | null;
  loaded: boolean;
  submitting: boolean;
  /** The last submission that went through, for the result page. */
  lastSubmitted: Application | null;
  load(stage: Stage): Promise<ApplyDraft>;
  update(patch: Partial<ApplyDraft>): Promise<void>;
  /** Starts over (keeps the stage); e.g. after a successful submission. */
  clear(stage: Stage): Promise<void>;
  /** Turns a withdrawn application back into an editable draft (Q18). */
  fromApplication(app: Application): Promise<void>;
  submit(): Promise<SubmitOutcome>;
}

/** Changing what is applied for invalidates the tick (notes differ per type) and any attempt key. */
const RESETS_CONSENT: ReadonlyArray<keyof ApplyDraft> = ['districtCode', 'childId', 'nature', 'schoolType', 'schoolId', 'stage'];

export const useApplyDraftStore = create<ApplyDraftState>((set, get) => ({
  draft: null,
  loaded: false,
  submitting: false,
  lastSubmitted: null,
  async load(stage) {
    const current = get().draft;
    if (current && current.stage === stage) return current;
    const saved = await loadJson<ApplyDraft>(draftKey(stage));
    const draft = saved ? { ...emptyDraft(stage), ...saved, stage } : emptyDraft(stage);
    set({ draft, loaded: true });
    return draft;
  },
  async update(patch) {
    const current = get().draft;
    if (!current) return;
    const next: ApplyDraft = { ...current, ...patch };
    const changedTarget = RESETS_CONSENT.some((k) => k in patch && patch[k] !== current[k]);
    if (changedTarget) {
      if (!('notesAccepted' in patch)) next.notesAccepted = false;
      if (!('brochureRead' in patch) && (patch.schoolId !== undefined || patch.nature !== undefined)) next.brochureRead = false;
    }
    // Any edit after an answered attempt starts a new attempt; an unanswered one keeps its key.
    set({ draft: next });
    await saveJson(draftKey(next.stage), next);
  },
  async clear(stage) {
    set({ draft: emptyDraft(stage) });
    await removeKey(draftKey(stage));
  },
  async fromApplication(app) {
    // The application answers its upkeep masked; the form needs whole values, which only the
    // (audited) upkeep reveal gives. Without an answer the masked snapshot stays, and the form asks.
    const revealed = await api.upkeep(app.childId);
    const upkeep = revealed.ok && revealed.data.upkeep ? revealed.data.upkeep : app.upkeep;
    const draft: ApplyDraft = {
      ...emptyDraft(app.stage),
      districtCode: app.districtCode,
      childId: app.childId,
      nature: app.nature,
      schoolType: app.schoolType,
      schoolId: app.schoolId,
      source: app.source,
      upkeep,
      upkeepQuoted: false,
      materials: app.materials,
      fromApplicationId: app.id,
    };
    set({ draft });
    await saveJson(draftKey(app.stage), draft);
  },
  async submit() {
    const draft = get().draft;
    // A second tap while the first request is in flight does nothing.
    if (!draft || get().submitting) return { kind: 'busy' };
    if (!draft.notesAccepted) {
      return { kind: 'refused', error: { code: 'VALIDATION', message: '请先阅读申报须知并勾选“我已阅读以上申报须知，知晓并确认相关内容”' } };
    }
    const { districtCode, childId, nature, schoolType, schoolId, upkeep } = draft;
    if (!districtCode || !childId || !nature || !schoolType || !schoolId || !upkeep) {
      return { kind: 'refused', error: { code: 'VALIDATION', message: '报名信息不完整，请返回补充后再提交' } };
    }
    set({ submitting: true });
    // The key is saved before the request leaves, so even a crash mid-request replays it.
    const attemptKey = draft.attemptKey ?? newAttemptKey();
    const withKey = { ...draft, attemptKey };
    set({ draft: withKey });
    await saveJson(draftKey(draft.stage), withKey);
    const answer = await api.submit({
      idempotencyKey: attemptKey,
      childId,
      stage: draft.stage,
      districtCode,
      nature,
      schoolType,
      schoolId,
      source: draft.source,
      upkeep,
      materials: draft.materials,
      notesAccepted: true,
    });
    if (answer.ok) {
      set({ submitting: false, lastSubmitted: answer.data.application, draft: emptyDraft(draft.stage) });
      await removeKey(draftKey(draft.stage));
      return { kind: 'submitted', application: answer.data.application };
    }
    if (isUncertain(answer.error.code)) {
      set({ submitting: false });
      return { kind: 'unknown', error: answer.error };
    }
    const refused = { ...withKey, attemptKey: null };
    set({ submitting: false, draft: refused });
    await saveJson(draftKey(draft.stage), refused);
    return { kind: 'refused', error: answer.error };
  },
}));

// The draft in memory is the previous identity's: the next load reads the new one's from storage.
onDraftScopeLeft(() => useApplyDraftStore.setState({ draft: null, loaded: false, submitting: false, lastSubmitted: null }));
