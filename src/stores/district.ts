/** The districts from the server and the parent's 当前区域 (Q12), kept across visits. */
import { create } from 'zustand';
import type { District, MunicipalPolicy } from '@contract/district';
import type { ApiError } from '@contract/errors';
import * as api from '@/services/api';
import { loadJson, saveJson } from './persisted';

const DISTRICT_KEY = 'currentDistrict';

interface DistrictState {
  districts: District[];
  /** 政策查看's municipal policy (市教委), served with the districts. */
  municipalPolicy: MunicipalPolicy | null;
  currentCode: string | null;
  loading: boolean;
  error: ApiError | null;
  load(): Promise<void>;
  /** The kept 当前区域 alone, without the list (the home page: the server names it on the card). */
  restoreChoice(): Promise<void>;
  choose(code: string): Promise<void>;
  current(): District | null;
}

export const useDistrictStore = create<DistrictState>((set, get) => ({
  districts: [],
  municipalPolicy: null,
  currentCode: null,
  loading: false,
  error: null,
  async load() {
    if (get().loading) return;
    set({ loading: true, error: null });
    const [answer, saved] = await Promise.all([api.districts(), loadJson<string>(DISTRICT_KEY)]);
    if (!answer.ok) {
      set({ loading: false, error: answer.error, currentCode: saved });
      return;
    }
    const known = answer.data.districts.some((d) => d.code === saved);
    set({ districts: answer.data.districts, municipalPolicy: answer.data.municipalPolicy, currentCode: known ? saved : null, loading: false });
  },
  async restoreChoice() {
    if (get().currentCode) return;
    const saved = await loadJson<string>(DISTRICT_KEY);
    // A choice made meanwhile is newer than the kept one.
    if (!get().currentCode && saved) set({ currentCode: saved });
  },
  async choose(code) {
    set({ currentCode: code });
    await saveJson(DISTRICT_KEY, code);
  },
  current() {
    return get().districts.find((d) => d.code === get().currentCode) ?? null;
  },
}));
