/** What every service operation works with: the store, the real clock, and derived "now". */
import type { YearCalendar } from '@contract/calendar';
import { calendarForYear } from './reference';
import { nowIso } from './clock';
import type { MockStore } from './store';
import type { MockState } from './state';

export interface ServiceContext {
  store: MockStore;
  realNow: () => number;
}

export const serverNow = (ctx: ServiceContext, state: MockState): string => nowIso(state.clock, ctx.realNow());

export const calendarOf = (state: MockState): YearCalendar => calendarForYear(state.year);

/** Readable ids: prefix + year + zero-padded sequence, unique within the state. */
export function nextId(state: MockState, prefix: string): string {
  state.sequence += 1;
  return `${prefix}${state.year}${String(state.sequence).padStart(6, '0')}`;
}
