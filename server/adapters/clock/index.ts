/**
 * The development clock QA moves: server time = real time + offset, or frozen at an instant. It is
 * kept in the database (so a restart keeps it) and cached in this process; only development
 * servers have it, production reads the system clock.
 */
import { toIso } from '@/domain/time';
import type { Clock } from '../../ports/clock';
import type { Store } from '../../ports/store';

export interface ClockState {
  offsetMs: number;
  /** When set, time stands still at this epoch ms (tests use it for exact boundaries). */
  frozenAtMs?: number;
}

const KEY = 'qa:clock';

export interface DevClock extends Clock {
  set(now: string, frozen: boolean): Promise<void>;
  state(): ClockState;
  /** Loads the kept state (at start, after a reset). */
  load(): Promise<void>;
}

export function createDevClock(store: Store, defaultNow: string, realNowMs: () => number = Date.now): DevClock {
  let state: ClockState = { offsetMs: Date.parse(defaultNow) - realNowMs() };
  const ms = () => state.frozenAtMs ?? realNowMs() + state.offsetMs;
  return {
    now: () => toIso(ms()),
    realNowMs,
    state: () => state,
    async set(now, frozen) {
      const target = Date.parse(now);
      state = frozen ? { offsetMs: target - realNowMs(), frozenAtMs: target } : { offsetMs: target - realNowMs() };
      // The offset is kept, not the instant: an unfrozen clock goes on ticking across a restart.
      await store.transaction((repos) => repos.settings.put(KEY, state));
    },
    async load() {
      const saved = await store.read((repos) => repos.settings.get<ClockState>(KEY));
      state = saved ?? { offsetMs: Date.parse(defaultNow) - realNowMs() };
    },
  };
}

/** Production: the system clock. */
export const systemClock: Clock = { now: () => toIso(Date.now()), realNowMs: () => Date.now() };
