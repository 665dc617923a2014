/**
 * Instants and local dates in Asia/Shanghai.
 *
 * Convention for the whole domain: "now" and every instant come in as ISO-8601 strings with an
 * offset (e.g. "2024-06-20T18:00:00+08:00"); instants go out in the same form with +08:00.
 * Local dates are "YYYY-MM-DD".
 *
 * Why a fixed +08:00 instead of dayjs.tz: the timezone plugin needs Intl time-zone data, which
 * some mini-program JS engines lack, and Asia/Shanghai has had no DST since 1991, so a fixed
 * offset is exact for every date this module handles (a test checks it against dayjs.tz).
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export const SHANGHAI_OFFSET_MINUTES = 480;
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

export type Instant = string;
export type LocalDate = string;

/** Epoch ms of an ISO instant; throws on garbage because "now" always comes from code, not a parent. */
export function toMs(iso: Instant): number {
  // Date.parse reads ISO 8601 with an offset natively (ES5 format), several times faster than dayjs.
  const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`invalid instant: ${iso}`);
  return ms;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const SHANGHAI_OFFSET = `${SHANGHAI_OFFSET_MINUTES < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(SHANGHAI_OFFSET_MINUTES) / 60))}:${pad2(Math.abs(SHANGHAI_OFFSET_MINUTES) % 60)}`;

/** The instant at Shanghai's offset, to the second (what dayjs's `YYYY-MM-DDTHH:mm:ssZ` gives, without dayjs: the server calls it on every request). */
export function toIso(ms: number): Instant {
  if (!Number.isFinite(ms)) return dayjs(ms).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DDTHH:mm:ssZ');
  const d = new Date(ms + SHANGHAI_OFFSET_MINUTES * 60_000);
  const year = d.getUTCFullYear();
  if (year < 1000 || year > 9999) return dayjs(ms).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DDTHH:mm:ssZ');
  return `${year}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}${SHANGHAI_OFFSET}`;
}

function parseDate(date: LocalDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`invalid local date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Epoch ms of local midnight starting `date`. */
export function localMidnightMs(date: LocalDate): number {
  const [y, mo, d] = parseDate(date);
  return Date.UTC(y, mo - 1, d) - OFFSET_MS;
}

/** Epoch ms of local "HH:mm" on `date`. */
export function localTimeMs(date: LocalDate, hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`invalid local time: ${hhmm}`);
  return localMidnightMs(date) + (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

export function localIso(date: LocalDate, hhmm = '00:00'): Instant {
  return toIso(localTimeMs(date, hhmm));
}

export function localDateOf(ms: number): LocalDate {
  const d = new Date(ms + OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return localDateOf(localMidnightMs(date) + n * DAY_MS);
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  const [y, mo, d] = parseDate(date);
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((localMidnightMs(to) - localMidnightMs(from)) / DAY_MS);
}

/** "5月9日 08:00" */
export function formatMonthDayTime(ms: number): string {
  const d = dayjs(ms).utcOffset(SHANGHAI_OFFSET_MINUTES);
  return `${d.month() + 1}月${d.date()}日 ${d.format('HH:mm')}`;
}

/** "5月9日" */
export function formatMonthDay(ms: number): string {
  const d = dayjs(ms).utcOffset(SHANGHAI_OFFSET_MINUTES);
  return `${d.month() + 1}月${d.date()}日`;
}

/**
 * A deadline for parents. Periods are half-open, so an end at local midnight means "through the
 * previous day": shown as "7月15日（含当日）" rather than the confusing "7月16日 00:00".
 */
export function formatDeadline(iso: Instant): string {
  const ms = toMs(iso);
  const d = dayjs(ms).utcOffset(SHANGHAI_OFFSET_MINUTES);
  if (d.hour() === 0 && d.minute() === 0 && d.second() === 0) {
    return `${formatMonthDay(ms - DAY_MS)}（含当日）`;
  }
  return formatMonthDayTime(ms);
}

export const MS = { second: 1000, minute: 60_000, hour: 3_600_000, day: DAY_MS } as const;
