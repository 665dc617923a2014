/**
 * 子女信息维护 (Q10, Q11, Q15, Q23) per child: the server's copy, the shared-data tags, and the
 * parent's draft. The draft is saved through the bridge on every change (key draft:upkeep:<childId>),
 * so a reload or a killed app resumes it, uploaded file ids included.
 *
 * Journey II reuses it for 一键引用 at registration:
 *   await useUpkeepStore.getState().load(childId);
 *   const info = useUpkeepStore.getState().forRegistration(childId); // saved upkeep, else the draft
 *
 *   load(childId)            server copy + local draft (a draft with unsaved changes wins)
 *   update(childId, fn)      change the draft (fn gets a copy to mutate) and persist it
 *   attach(childId, code, ids)  set the uploaded file ids of one material
 *   save(childId)            PUT to the server; on success the draft is clean again
 *   discard(childId)         drop unsaved changes
 */
import { create } from 'zustand';
import type { MaterialCode, UpkeepInfo, UpkeepResponse, VerificationResult } from '@contract/api';
import type { ApiError } from '@contract/errors';
import type { ApiResult } from '@/services';
import * as api from '@/services/api';
import { DRAFT_KEY_PREFIX } from './session';
import { signedIn } from './children';
import { loadJson, onDraftScopeLeft, removeKey, saveJson } from './persisted';

export const upkeepDraftKey = (childId: string) => `${DRAFT_KEY_PREFIX}upkeep:${childId}`;

export function emptyUpkeep(): UpkeepInfo {
  return {
    householdAddress: { text: '' },
    residenceAddress: { text: '' },
    property: { kind: 'certificate', unitNumber: '', ownerName: '', address: '' },
    guardians: [{ name: '', relationship: 'mother', phone: '' }],
    attachments: {},
    householdHeadIsOtherGuardian: false,
  };
}

export interface UpkeepEntry {
  /** What the form shows: the saved copy, or the parent's unsaved changes. */
  draft: UpkeepInfo;
  saved: UpkeepInfo | null;
  verification: VerificationResult[];
  /** The draft differs from what the server has. */
  dirty: boolean;
  loaded: boolean;
  error: ApiError | null;
}

interface StoredDraft {
  info: UpkeepInfo;
  dirty: boolean;
}

interface UpkeepState {
  entries: Record<string, UpkeepEntry>;
  load(childId: string): Promise<void>;
  update(childId: string, change: (draft: UpkeepInfo) => void): void;
  attach(childId: string, materialCode: MaterialCode, fileIds: string[]): void;
  save(childId: string): Promise<ApiResult<UpkeepResponse>>;
  discard(childId: string): Promise<void>;
  forRegistration(childId: string): UpkeepInfo | null;
  /** Forgets everything in memory (logout; the stored drafts are cleared by the session store). */
  reset(): void;
}

const blankEntry = (): UpkeepEntry => ({ draft: emptyUpkeep(), saved: null, verification: [], dirty: false, loaded: false, error: null });
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export const useUpkeepStore = create<UpkeepState>((set, get) => {
  const put = (childId: string, patch: Partial<UpkeepEntry>) =>
    set({ entries: { ...get().entries, [childId]: { ...(get().entries[childId] ?? blankEntry()), ...patch } } });

  return {
    entries: {},
    reset() {
      set({ entries: {} });
    },
    async load(childId) {
      await signedIn();
      const [answer, stored] = await Promise.all([api.upkeep(childId), loadJson<StoredDraft>(upkeepDraftKey(childId))]);
      const saved = answer.ok ? answer.data.upkeep : get().entries[childId]?.saved ?? null;
      const verification = answer.ok ? answer.data.verification : get().entries[childId]?.verification ?? [];
      // Unsaved typing beats the server copy: nothing the parent typed is ever lost.
      const useStored = stored?.info && (stored.dirty || !saved);
      const draft = useStored ? { ...emptyUpkeep(), ...stored!.info } : saved ? clone(saved) : emptyUpkeep();
      put(childId, { draft, saved, verification, dirty: Boolean(useStored && stored!.dirty), loaded: true, error: answer.ok ? null : answer.error });
    },
    update(childId, change) {
      const draft = clone(get().entries[childId]?.draft ?? emptyUpkeep());
      change(draft);
      put(childId, { draft, dirty: true });
      void saveJson(upkeepDraftKey(childId), { info: draft, dirty: true } satisfies StoredDraft);
    },
    attach(childId, materialCode, fileIds) {
      get().update(childId, (d) => {
        if (fileIds.length) d.attachments[materialCode] = fileIds;
        else delete d.attachments[materialCode];
      });
    },
    async save(childId) {
      await signedIn();
      const entry = get().entries[childId] ?? blankEntry();
      const answer = await api.saveUpkeep(childId, entry.draft);
      if (answer.ok) {
        const saved = answer.data.upkeep ?? entry.draft;
        put(childId, { saved, draft: clone(saved), verification: answer.data.verification, dirty: false, error: null });
        await saveJson(upkeepDraftKey(childId), { info: saved, dirty: false } satisfies StoredDraft);
      }
      return answer;
    },
    async discard(childId) {
      const saved = get().entries[childId]?.saved ?? null;
      put(childId, { draft: saved ? clone(saved) : emptyUpkeep(), dirty: false });
      await removeKey(upkeepDraftKey(childId));
    },
    forRegistration(childId) {
      const entry = get().entries[childId];
      if (!entry) return null;
      return entry.saved ?? (entry.dirty ? entry.draft : null);
    },
  };
});

onDraftScopeLeft(() => useUpkeepStore.getState().reset());
