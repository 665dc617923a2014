/**
 * The home page's phase card as the server judged it (types/home.ts), one per stage, district and
 * login state, so switching the stage tabs back shows the card already had while it is asked again.
 */
import { create } from 'zustand';
import type { ApiError } from '@contract/errors';
import type { HomeCardResponse, Stage } from '@contract/api';
import * as api from '@/services/api';

export interface HomeCardKey {
  stage: Stage;
  districtCode: string | null;
  signedIn: boolean;
}

const keyOf = ({ stage, districtCode, signedIn }: HomeCardKey) => `${stage}|${districtCode ?? ''}|${signedIn ? 1 : 0}`;

interface HomeCardState {
  cards: Record<string, HomeCardResponse>;
  /** The failure of the last request, for the key it was made for. */
  error: { key: string; error: ApiError } | null;
  load(key: HomeCardKey): Promise<void>;
  cardFor(key: HomeCardKey): HomeCardResponse | null;
  errorFor(key: HomeCardKey): ApiError | null;
}

let latest = 0;
/** Keys asked and not yet answered: the page's first show and its first effect ask once between them. */
const inFlight = new Set<string>();

export const useHomeCardStore = create<HomeCardState>((set, get) => ({
  cards: {},
  error: null,
  async load(key) {
    const k = keyOf(key);
    if (inFlight.has(k)) return;
    inFlight.add(k);
    const asked = ++latest;
    const answer = await api.homeCard({ stage: key.stage, districtCode: key.districtCode ?? undefined }).finally(() => inFlight.delete(k));
    // A tab switched meanwhile asked again: only the newest request may say it failed.
    if (!answer.ok) {
      if (asked === latest) set({ error: { key: k, error: answer.error } });
      return;
    }
    set((s) => ({ cards: { ...s.cards, [k]: answer.data }, error: s.error?.key === k ? null : s.error }));
  },
  cardFor(key) {
    return get().cards[keyOf(key)] ?? null;
  },
  errorFor(key) {
    const e = get().error;
    return e && e.key === keyOf(key) ? e.error : null;
  },
}));
