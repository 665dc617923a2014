/**
 * 我的材料 (Q16-Q18) per child: the chosen school type and student source, the server's checklist for
 * them, and the uploaded file ids per material. Choices and file ids are kept as a draft
 * (draft:materials:<childId>), so uploaded images stay attached after a reload.
 *
 * Journey II reuses it at registration:
 *   await useMaterialsStore.getState().load(childId, { districtCode, stage });
 *   useMaterialsStore.getState().choose(childId, { schoolType, source });   // refetches the checklist
 *   const files = useMaterialsStore.getState().files(childId);             // SubmitApplicationRequest.materials
 *   <Uploader fileIds={files[code] ?? []} onChange={(ids) => setFiles(childId, code, ids)} … />
 */
import { useEffect, useState } from 'react';
import { create } from 'zustand';
import type { MaterialChecklist, MaterialCode, SchoolType, Stage, StudentSource } from '@contract/api';
import type { ApiError } from '@contract/errors';
import * as api from '@/services/api';
import { DRAFT_KEY_PREFIX } from './session';
import { signedIn } from './children';
import { loadJson, onDraftScopeLeft, saveJson } from './persisted';

export const materialsDraftKey = (childId: string) => `${DRAFT_KEY_PREFIX}materials:${childId}`;

export interface MaterialsSelection {
  districtCode: string;
  stage: Stage;
  schoolType: SchoolType;
  source: StudentSource;
  files: Partial<Record<MaterialCode, string[]>>;
}

export interface MaterialsEntry {
  selection: MaterialsSelection;
  checklist: MaterialChecklist | null;
  loading: boolean;
  error: ApiError | null;
}

/** Defaults before the parent chooses: the commonest case (公办学位紧张, 本区县户籍). */
export const DEFAULT_SCHOOL_TYPE: SchoolType = 'publicTight';
export const DEFAULT_SOURCE: StudentSource = 'localHukou';

interface MaterialsState {
  entries: Record<string, MaterialsEntry>;
  /** Restores the draft (if any) and fetches the checklist; district and stage follow the caller. */
  load(childId: string, context: { districtCode: string; stage: Stage }): Promise<void>;
  choose(childId: string, patch: Partial<Pick<MaterialsSelection, 'schoolType' | 'source' | 'stage' | 'districtCode'>>): Promise<void>;
  setFiles(childId: string, code: MaterialCode, fileIds: string[]): void;
  files(childId: string): Partial<Record<MaterialCode, string[]>>;
  /** Forgets everything in memory (logout; the stored drafts are cleared by the session store). */
  reset(): void;
}

export const useMaterialsStore = create<MaterialsState>((set, get) => {
  const put = (childId: string, patch: Partial<MaterialsEntry>) => {
    const prev = get().entries[childId];
    set({ entries: { ...get().entries, [childId]: { ...(prev as MaterialsEntry), ...patch } } });
  };
  const persist = (childId: string) => void saveJson(materialsDraftKey(childId), get().entries[childId].selection);

  async function fetchChecklist(childId: string) {
    const { selection } = get().entries[childId];
    await signedIn();
    put(childId, { loading: true, error: null });
    const answer = await api.materials({ districtCode: selection.districtCode, stage: selection.stage, schoolType: selection.schoolType, source: selection.source, childId });
    // A slower answer for an earlier choice must not overwrite the current one.
    const now = get().entries[childId].selection;
    if (now.schoolType !== selection.schoolType || now.source !== selection.source || now.stage !== selection.stage || now.districtCode !== selection.districtCode) return;
    if (answer.ok) put(childId, { checklist: answer.data, loading: false });
    else put(childId, { loading: false, error: answer.error });
  }

  return {
    entries: {},
    reset() {
      set({ entries: {} });
    },
    async load(childId, context) {
      const saved = await loadJson<MaterialsSelection>(materialsDraftKey(childId));
      const selection: MaterialsSelection = {
        schoolType: saved?.schoolType ?? DEFAULT_SCHOOL_TYPE,
        source: saved?.source ?? DEFAULT_SOURCE,
        files: saved?.files ?? {},
        districtCode: context.districtCode,
        stage: context.stage,
      };
      put(childId, { selection, checklist: get().entries[childId]?.checklist ?? null, loading: false, error: null });
      persist(childId);
      await fetchChecklist(childId);
    },
    async choose(childId, patch) {
      put(childId, { selection: { ...get().entries[childId].selection, ...patch } });
      persist(childId);
      await fetchChecklist(childId);
    },
    setFiles(childId, code, fileIds) {
      const selection = get().entries[childId].selection;
      const files = { ...selection.files };
      if (fileIds.length) files[code] = fileIds;
      else delete files[code];
      put(childId, { selection: { ...selection, files } });
      persist(childId);
    },
    files(childId) {
      return get().entries[childId]?.selection.files ?? {};
    },
  };
});

/** The checklist query an upload limit is read from (a district's policy decides it, Q18). */
export interface UploadLimitQuery {
  districtCode: string;
  stage: Stage;
  schoolType?: SchoolType;
  source?: StudentSource;
}
export interface UploadLimit {
  maxBytes: number;
  maxImagesPerItem: number;
}

const limits = new Map<string, Promise<UploadLimit | null>>();

/**
 * The one byte limit of an image: the checklist's maxBytes for that district and stage (the same
 * number the materials pages pass to the Uploader and the Uploader to compressImage). Asked once.
 */
export function uploadLimit(q: UploadLimitQuery): Promise<UploadLimit | null> {
  const full = { districtCode: q.districtCode, stage: q.stage, schoolType: q.schoolType ?? DEFAULT_SCHOOL_TYPE, source: q.source ?? DEFAULT_SOURCE };
  const key = JSON.stringify(full);
  let known = limits.get(key);
  if (!known) {
    known = signedIn()
      .then(() => api.materials(full))
      .then((answer) => (answer.ok ? { maxBytes: answer.data.maxBytes, maxImagesPerItem: answer.data.maxImagesPerItem } : null));
    // A failed answer is not remembered: the next page asks again.
    void known.then((v) => v === null && limits.delete(key));
    limits.set(key, known);
  }
  return known;
}

/** React form of uploadLimit: null until known (or when it cannot be known yet). */
export function useUploadLimit(q: UploadLimitQuery | null): UploadLimit | null {
  const [limit, setLimit] = useState<UploadLimit | null>(null);
  const key = q ? JSON.stringify(q) : null;
  useEffect(() => {
    if (!q) return setLimit(null);
    let live = true;
    void uploadLimit(q).then((v) => live && setLimit(v));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the query's value
  }, [key]);
  return limit;
}

onDraftScopeLeft(() => useMaterialsStore.getState().reset());
