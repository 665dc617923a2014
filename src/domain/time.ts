/**
 * Instants and local dates in Asia/Shanghai.
 *
 * Convention for the whole domain: "now" and every instant come in as ISO-8601 strings with an
 * offset (e.g. "2024-06-20T18:00:00+08:00"); instants go out in the same form with +08:00.
 * Local dates are "YYYY-MM-DD".
 *
 * Why a fixed +08:00 instead of dayjs.tz: the timezone plugin needs Intl time-zone data, which
 * some mini-program JS engines lack, and Asia/Shanghai has had no DST since 1991, so a fixed
 * offset is exact for every date this module handles (a test checks it against dayjs.tz). The
 * arithmetic is plain Date in UTC shifted by the offset: no date library ships with the client.
 */
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

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall clock in Shanghai at `ms`, read from a Date shifted by the offset. */
function local(ms: number) {
  const d = new Date(ms + OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

const hhmm = (t: { hour: number; minute: number }) => `${pad(t.hour)}:${pad(t.minute)}`;

/** "2024-06-20T18:00:00+08:00" (whole seconds, as instants are written everywhere). */
export function toIso(ms: number): Instant {
  const t = local(ms);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${hhmm(t)}:${pad(t.second)}+08:00`;
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
  const t = local(ms);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
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
  const t = local(ms);
  return `${t.month}月${t.day}日 ${hhmm(t)}`;
}

/** "5月9日" */
export function formatMonthDay(ms: number): string {
  const t = local(ms);
  return `${t.month}月${t.day}日`;
}

/**
 * A deadline for parents. Periods are half-open, so an end at local midnight means "through the
 * previous day": shown as "7月15日（含当日）" rather than the confusing "7月16日 00:00".
 */
export function formatDeadline(iso: Instant): string {
  const ms = toMs(iso);
  const t = local(ms);
  if (t.hour === 0 && t.minute === 0 && t.second === 0) {
    return `${formatMonthDay(ms - DAY_MS)}（含当日）`;
  }
  return formatMonthDayTime(ms);
}

export const MS = { second: 1000, minute: 60_000, hour: 3_600_000, day: DAY_MS } as const;
