/**
 * The server's clock and the year's calendar. The phone's clock may be wrong (SPEC Q8), so every
 * rule is judged at serverNow(): the server time plus the time elapsed on this device since.
 */
import { create } from 'zustand';
import type { YearCalendar } from '@contract/calendar';
import type { ApiError } from '@contract/errors';
import * as api from '@/services/api';

interface ClockState {
  calendar: YearCalendar | null;
  /** serverTime - device time at the moment of the answer, in ms. */
  offsetMs: number;
  loading: boolean;
  error: ApiError | null;
  load(force?: boolean): Promise<void>;
  serverNow(): string;
}

export const useClockStore = create<ClockState>((set, get) => ({
  calendar: null,
  offsetMs: 0,
  loading: false,
  error: null,
  async load(force = false) {
    if (get().loading || (get().calendar && !force)) return;
    set({ loading: true, error: null });
    const sentAt = Date.now();
    const answer = await api.calendar();
    if (!answer.ok) {
      set({ loading: false, error: answer.error });
      return;
    }
    // Half the round trip approximates when the server read its clock.
    const midpoint = sentAt + (Date.now() - sentAt) / 2;
    set({ calendar: answer.data.calendar, offsetMs: Date.parse(answer.data.serverTime) - midpoint, loading: false });
  },
  serverNow() {
    return new Date(Date.now() + get().offsetMs).toISOString();
  },
}));
