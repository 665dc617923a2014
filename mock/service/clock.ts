import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { ClockState } from './state';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TZ = 'Asia/Shanghai';

/** The server's "now" as an ISO string in Asia/Shanghai (+08:00). */
export function nowIso(clock: ClockState, realNowMs: number): string {
  const ms = clock.frozenAt ? Date.parse(clock.frozenAt) : realNowMs + clock.offsetMs;
  return dayjs(ms).tz(TZ).format('YYYY-MM-DDTHH:mm:ss.SSSZ');
}

/** Sets the clock to `now`; unless frozen it keeps ticking from there. */
export function setClock(now: string, realNowMs: number, frozen: boolean): ClockState {
  const target = Date.parse(now);
  if (Number.isNaN(target)) throw new Error('invalid instant');
  return frozen ? { offsetMs: target - realNowMs, frozenAt: new Date(target).toISOString() } : { offsetMs: target - realNowMs };
}
