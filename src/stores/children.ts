/**
 * 我的子女 (Q13, Q14): the children found through birth records plus those added by hand.
 * Reused by registration (journey II): `useChildrenStore.getState().load()` then `.byId(childId)`.
 *
 *   load(force?)            fetch the list (once, unless forced)
 *   add(req)                手动新增; answers the API result so pages can show fieldErrors
 *   setRealName(id, name)   户口簿姓名 when it differs from the birth certificate (null clears it)
 *   reveal(id)              the full ID number for the 显示 toggle (never stored)
 *   addDraft / loadAddDraft / updateAddDraft / clearAddDraft   the 手动新增 draft (draft:child-add)
 *   reset()                 forget everything in memory (logout)
 */
import { create } from 'zustand';
import type { AddChildRequest, Child } from '@contract/api';
import type { ApiError } from '@contract/errors';
import type { ApiResult } from '@/services';
import * as api from '@/services/api';
import { useSessionStore, DRAFT_KEY_PREFIX } from './session';
import { loadJson, onDraftScopeLeft, removeKey, saveJson } from './persisted';

/**
 * The saved session (token) is restored before the first API call of a page opened directly or
 * after a reload; idempotent. Shared by the journey's stores.
 */
export const signedIn = () => useSessionStore.getState().restore();

/** 手动新增 form as typed, kept under draft:child-add so a reload or a killed app loses nothing. */
export interface AddChildDraft {
  name: string;
  idNumber: string;
  relationship: AddChildRequest['relationship'] | null;
}
export const ADD_CHILD_DRAFT_KEY = `${DRAFT_KEY_PREFIX}child-add`;
const EMPTY_ADD_DRAFT: AddChildDraft = { name: '', idNumber: '', relationship: null };

interface ChildrenState {
  children: Child[];
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  load(force?: boolean): Promise<void>;
  add(req: AddChildRequest): Promise<ApiResult<Child>>;
  setRealName(childId: string, realName: string | null): Promise<ApiResult<Child>>;
  reveal(childId: string): Promise<string | null>;
  byId(childId: string | null | undefined): Child | null;
  addDraft: AddChildDraft;
  addDraftLoaded: boolean;
  loadAddDraft(): Promise<void>;
  updateAddDraft(patch: Partial<AddChildDraft>): void;
  clearAddDraft(): Promise<void>;
  /** Forgets everything in memory (logout; the stored drafts are cleared by the session store). */
  reset(): void;
}

export const useChildrenStore = create<ChildrenState>((set, get) => ({
  children: [],
  loaded: false,
  loading: false,
  error: null,
  async load(force = false) {
    if (get().loading || (get().loaded && !force)) return;
    set({ loading: true, error: null });
    await signedIn();
    const answer = await api.children();
    if (!answer.ok) return set({ loading: false, error: answer.error });
    set({ children: answer.data.children, loaded: true, loading: false });
  },
  async add(req) {
    await signedIn();
    const answer = await api.addChild(req);
    if (answer.ok) set({ children: [...get().children.filter((c) => c.id !== answer.data.id), answer.data] });
    return answer;
  },
  async setRealName(childId, realName) {
    await signedIn();
    const answer = await api.updateChild(childId, { realName });
    if (answer.ok) set({ children: get().children.map((c) => (c.id === childId ? answer.data : c)) });
    return answer;
  },
  async reveal(childId) {
    await signedIn();
    const answer = await api.revealChild(childId);
    return answer.ok ? answer.data.idNumber : null;
  },
  byId(childId) {
    return get().children.find((c) => c.id === childId) ?? null;
  },
  addDraft: EMPTY_ADD_DRAFT,
  addDraftLoaded: false,
  async loadAddDraft() {
    const saved = await loadJson<AddChildDraft>(ADD_CHILD_DRAFT_KEY);
    set({ addDraft: { ...EMPTY_ADD_DRAFT, ...saved }, addDraftLoaded: true });
  },
  updateAddDraft(patch) {
    const next = { ...get().addDraft, ...patch };
    set({ addDraft: next });
    void saveJson(ADD_CHILD_DRAFT_KEY, next);
  },
  async clearAddDraft() {
    set({ addDraft: EMPTY_ADD_DRAFT });
    await removeKey(ADD_CHILD_DRAFT_KEY);
  },
  reset() {
    set({ children: [], loaded: false, loading: false, error: null, addDraft: EMPTY_ADD_DRAFT, addDraftLoaded: false });
  },
}));

/** The name to show: the 户口簿 name when the parent corrected it, else the birth-certificate name. */
export const displayName = (child: Child) => child.realName || child.birthCertificateName;

// The children list and the manual-add form in memory are the previous identity's.
onDraftScopeLeft(() => useChildrenStore.getState().reset());
