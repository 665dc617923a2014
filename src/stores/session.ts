/**
 * Login state. A session survives a reload (kept through the bridge's storage) and, when the
 * server says it expired, the parent is sent to login and brought back to where they were.
 * The session's draftScope decides whose drafts the app reads and writes (persisted.ts): another
 * parent logging in on the same phone gets their own, and is not brought back to the first one's page.
 */
import { create } from 'zustand';
import type { Session } from '@contract/api';
import * as api from '@/services/api';
import { auth } from '@/services/auth';
import { clearDrafts, draftScope, DRAFT_KEY_PREFIX, loadJson, removeKey, saveJson, setDraftScope, setDraftScopeSource } from './persisted';

const SESSION_KEY = 'session';
// Kept exported here: the stores name their draft keys from it.
export { DRAFT_KEY_PREFIX };

interface SessionState {
  session: Session | null;
  restored: boolean;
  /** Where to return after a re-login (a page path with its query). */
  returnTo: string | null;
  /** Whose page returnTo is (the draftScope when the session expired): only that parent goes back to it. */
  returnScope: string | null;
  expiredNotice: boolean;
  restore(): Promise<void>;
  /** A session the server created (src/stores/login.ts): kept, and the return page checked against its parent. */
  signedIn(session: Session): Promise<void>;
  /** Ends the session and removes every draft on this device (extraKeys: drafts saved before the draft index existed). */
  logout(extraKeys?: string[]): Promise<void>;
  expire(returnTo: string | null): void;
  takeReturnTo(): string | null;
}

export const useSessionStore = create<SessionState>((set, get) => ({
  session: null,
  restored: false,
  returnTo: null,
  returnScope: null,
  expiredNotice: false,
  async restore() {
    if (get().restored) return;
    // A login in this visit is newer than anything saved.
    if (get().session || auth.token()) return set({ restored: true });
    const saved = await loadJson<{ session: Session | null; returnTo: string | null; returnScope?: string | null }>(SESSION_KEY);
    // Expiry is the server's to judge (a 401 brings the parent back through login to this page): the
    // phone's clock may be wrong, and judging by it logged parents out on every reload.
    // A session saved by an older build has no draftScope: its drafts could not be told apart, so log in again.
    const session = saved?.session && typeof saved.session.draftScope === 'string' ? saved.session : null;
    auth.setToken(session?.token ?? null);
    set({ session, restored: true, returnTo: saved?.returnTo ?? null, returnScope: saved?.returnScope ?? null });
  },
  async signedIn(session) {
    auth.setToken(session.token);
    // Another parent is not sent back to the page (and the child in its query) the first one left.
    const { returnTo, returnScope } = get();
    const ownReturn = returnScope === null || returnScope === session.draftScope ? returnTo : null;
    set({ session, expiredNotice: false, returnTo: ownReturn, returnScope: null });
    await saveJson(SESSION_KEY, { session, returnTo: ownReturn });
  },
  async logout(extraKeys = []) {
    await api.endSession();
    auth.setToken(null);
    set({ session: null, returnTo: null, returnScope: null });
    await removeKey(SESSION_KEY);
    // Drafts hold personal data: a shared phone must not keep them after logout.
    await clearDrafts(extraKeys);
    setDraftScope(null);
  },
  expire(returnTo) {
    auth.setToken(null);
    // The scope stays until someone logs in: what is typed meanwhile is still this parent's.
    const returnScope = draftScope();
    set({ session: null, returnTo, returnScope, expiredNotice: true });
    void saveJson(SESSION_KEY, { session: null, returnTo, returnScope });
  },
  takeReturnTo() {
    const target = get().returnTo;
    set({ returnTo: null });
    return target;
  },
}));

// Drafts follow the identity: every session that appears (login, restore) selects its account's
// drafts, and no draft is read or written before the saved session has been looked at.
useSessionStore.subscribe((state, previous) => {
  if (state.session && state.session !== previous.session) setDraftScope(state.session.draftScope);
});
setDraftScopeSource(() => useSessionStore.getState().restore());
