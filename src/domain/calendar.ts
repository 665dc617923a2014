/**
 * Calendar rules (SPEC Q8, Q9, Q22, Q24): which phase is open for a district, maintenance and
 * reopening, deadlines and countdowns, working days. Data comes from a YearCalendar (server);
 * nothing here knows a particular year except through that data.
 */
import type {
  DistrictBatch,
  MaintenanceScope,
  Period,
  PhaseId,
  YearCalendar,
} from '@contract/calendar';
import {
  type Instant,
  type LocalDate,
  MS,
  addDays,
  daysBetween,
  formatDeadline,
  formatMonthDayTime,
  localDateOf,
  localIso,
  localMidnightMs,
  localTimeMs,
  toIso,
  toMs,
  weekdayOf,
} from './time';

export type { Instant, LocalDate } from './time';

/** Half-open: start <= now < end. */
export function periodContains(p: Period, now: Instant): boolean {
  const t = toMs(now);
  return toMs(p.start) <= t && t < toMs(p.end);
}

export function batchOf(cal: YearCalendar, districtCode: string | null | undefined): DistrictBatch | null {
  if (!districtCode) return null;
  return cal.batches.find((b) => b.districtCode === districtCode) ?? null;
}

/**
 * The period of a phase as it applies to a district: upkeep and public registration follow the
 * district's batch; everything else (private registration, fallback, review...) is city-wide.
 * Without a district (or for one missing from the batches) the city-wide period is used.
 */
export function phasePeriod(cal: YearCalendar, phase: PhaseId, districtCode?: string | null): Period | null {
  const batch = batchOf(cal, districtCode);
  if (batch && phase === 'upkeep') return batch.upkeep;
  if (batch && phase === 'registration') return batch.registration;
  return cal.phases.find((p) => p.id === phase)?.period ?? null;
}

export function phaseName(cal: YearCalendar, phase: PhaseId): string {
  return cal.phases.find((p) => p.id === phase)?.name ?? phase;
}

export function isPhaseOpen(cal: YearCalendar, phase: PhaseId, districtCode: string | null | undefined, now: Instant): boolean {
  const p = phasePeriod(cal, phase, districtCode);
  return p !== null && periodContains(p, now);
}

/** Every phase open for the district at `now`, in calendar order. */
export function openPhases(cal: YearCalendar, districtCode: string | null | undefined, now: Instant): PhaseId[] {
  return cal.phases.map((p) => p.id).filter((id) => isPhaseOpen(cal, id, districtCode, now));
}

export interface PhaseEdge {
  phase: PhaseId;
  at: Instant;
}

/** The earliest phase start strictly after `now` for the district. */
export function nextOpening(cal: YearCalendar, districtCode: string | null | undefined, now: Instant): PhaseEdge | null {
  const t = toMs(now);
  let best: PhaseEdge | null = null;
  let bestMs = Infinity;
  for (const def of cal.phases) {
    const p = phasePeriod(cal, def.id, districtCode);
    if (!p) continue;
    const s = toMs(p.start);
    if (s > t && s < bestMs) {
      bestMs = s;
      best = { phase: def.id, at: toIso(s) };
    }
  }
  return best;
}

/** The earliest end among the phases open now. */
export function nextClosing(cal: YearCalendar, districtCode: string | null | undefined, now: Instant): PhaseEdge | null {
  let best: PhaseEdge | null = null;
  let bestMs = Infinity;
  for (const id of openPhases(cal, districtCode, now)) {
    const e = toMs(phasePeriod(cal, id, districtCode)!.end);
    if (e < bestMs) {
      bestMs = e;
      best = { phase: id, at: toIso(e) };
    }
  }
  return best;
}

// ---------------------------------------------------------------- maintenance

/** 'general' = browsing, registration, confirmation; 'upkeep' = 子女信息维护 (also blocked by upkeep-only days). */
export type Activity = 'general' | 'upkeep';

interface Window {
  start: number;
  end: number;
  reason: string;
  scope: MaintenanceScope | 'nightly';
}

function blocks(scope: MaintenanceScope, activity: Activity): boolean {
  return scope === 'all' || activity === 'upkeep';
}

/** The maintenance window containing `t`, if any. */
function windowAt(cal: YearCalendar, t: number, activity: Activity): Window | null {
  const date = localDateOf(t);
  for (const day of cal.maintenanceDays) {
    if (day.date === date && blocks(day.scope, activity)) {
      return { start: localMidnightMs(day.date), end: localMidnightMs(addDays(day.date, 1)), reason: day.reason, scope: day.scope };
    }
  }
  const n = cal.nightly;
  // A nightly window starting on `d` covers d from..(d+1) to; check the one from yesterday and today.
  for (const d of [addDays(date, -1), date]) {
    if (d < n.firstDate || d > n.lastDate) continue;
    const start = localTimeMs(d, n.from);
    const end = localTimeMs(n.to > n.from ? d : addDays(d, 1), n.to);
    if (start <= t && t < end) return { start, end, reason: '每日例行系统维护', scope: 'nightly' };
  }
  return null;
}

export type MaintenanceStatus =
  | { inMaintenance: false }
  | {
      inMaintenance: true;
      reason: string;
      /** When the service is usable again (overlapping windows merged). */
      reopensAt: Instant;
      /** e.g. "系统维护中，将于 5月9日 08:00 恢复" */
      message: string;
    };

/**
 * Whether `activity` is blocked by maintenance at `now`, and when it reopens. Windows that touch
 * (5-09 22:00 night, 5-10 all day, 5-10 night) are chained so the reopening instant is the real one.
 */
export function maintenanceStatus(cal: YearCalendar, now: Instant, activity: Activity = 'general'): MaintenanceStatus {
  const first = windowAt(cal, toMs(now), activity);
  if (!first) return { inMaintenance: false };
  let end = first.end;
  for (let i = 0; i < 1000; i++) {
    const next = windowAt(cal, end, activity);
    if (!next) break;
    end = next.end;
  }
  const reason = first.scope === 'nightly' ? first.reason : first.reason;
  return {
    inMaintenance: true,
    reason,
    reopensAt: toIso(end),
    message: `系统维护中，将于 ${formatMonthDayTime(end)} 恢复`,
  };
}

/**
 * The last usable instant before `end`: when a period ends inside maintenance (registration ends
 * 6-30 00:00 but the system closes 6-29 22:00), parents must be told the earlier time.
 */
export function effectiveEnd(cal: YearCalendar, end: Instant, activity: Activity = 'general'): Instant {
  let t = toMs(end);
  for (let i = 0; i < 1000; i++) {
    const w = windowAt(cal, t - 1, activity);
    if (!w) break;
    t = w.start;
  }
  return toIso(t);
}

/**
 * The first instant at or after `at` when a parent can actually act: `at` itself, or the end of the
 * maintenance covering it (a window opening at 6-03 00:00 is usable from 6-03 08:00). Every time the
 * module names as "opens at" / "come back at" goes through here, so it never names a closed moment.
 */
export function firstOpenInstant(cal: YearCalendar, at: Instant, activity: Activity = 'general'): Instant {
  const m = maintenanceStatus(cal, at, activity);
  return m.inMaintenance ? m.reopensAt : toIso(toMs(at));
}

/** firstOpenInstant as parents read it: "6月3日 08:00". */
export function formatOpening(cal: YearCalendar, at: Instant, activity: Activity = 'general'): string {
  return formatMonthDayTime(toMs(firstOpenInstant(cal, at, activity)));
}

/** "5月13日 08:00 至 5月18日 22:00": from the first usable instant to the last (maintenance-aware). */
export function periodText(cal: YearCalendar, p: Period, activity: Activity = 'general'): string {
  return `${formatOpening(cal, p.start, activity)} 至 ${formatDeadline(effectiveEnd(cal, p.end, activity))}`;
}

export interface PhaseDeadline {
  phase: PhaseId;
  /** The period end (exclusive). */
  end: Instant;
  /** The end moved back to the start of maintenance that covers it. */
  effectiveEnd: Instant;
  /** Chinese, e.g. "6月29日 22:00" or "7月15日（含当日）". */
  text: string;
}

export function phaseDeadline(cal: YearCalendar, phase: PhaseId, districtCode?: string | null): PhaseDeadline | null {
  const p = phasePeriod(cal, phase, districtCode);
  if (!p) return null;
  const eff = effectiveEnd(cal, p.end, phase === 'upkeep' ? 'upkeep' : 'general');
  return { phase, end: toIso(toMs(p.end)), effectiveEnd: eff, text: formatDeadline(eff) };
}

// ---------------------------------------------------------------- countdown

export interface Countdown {
  passed: boolean;
  totalMs: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** "还剩 2天 3小时 4分 5秒" or "已截止" */
  text: string;
}

export function countdown(deadline: Instant, now: Instant): Countdown {
  const total = toMs(deadline) - toMs(now);
  if (total <= 0) return { passed: true, totalMs: 0, days: 0, hours: 0, minutes: 0, seconds: 0, text: '已截止' };
  const days = Math.floor(total / MS.day);
  const hours = Math.floor((total % MS.day) / MS.hour);
  const minutes = Math.floor((total % MS.hour) / MS.minute);
  const seconds = Math.floor((total % MS.minute) / MS.second);
  const text = `还剩 ${days > 0 ? `${days}天 ` : ''}${hours}小时 ${minutes}分 ${seconds}秒`;
  return { passed: false, totalMs: total, days, hours, minutes, seconds, text };
}

// ---------------------------------------------------------------- working days

/** Make-up days (调休) win over weekends; holidays are never working days. */
export function isWorkingDay(cal: YearCalendar, date: LocalDate): boolean {
  if (cal.makeUpWorkdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const wd = weekdayOf(date);
  return wd !== 0 && wd !== 6;
}

/** The n-th working day after `date` (the start day itself never counts). n <= 0 returns `date`. */
export function addWorkingDays(cal: YearCalendar, date: LocalDate, n: number): LocalDate {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
}

export function workingDaysBetween(cal: YearCalendar, from: LocalDate, to: LocalDate): number {
  let count = 0;
  for (let i = 1; i <= daysBetween(from, to); i++) if (isWorkingDay(cal, addDays(from, i))) count++;
  return count;
}

/**
 * Review deadline (Q24): the end of the `reviewWorkingDays`-th working day after the submission
 * day, as an exclusive instant (local midnight after it).
 */
export function reviewDueAt(cal: YearCalendar, submittedAt: Instant): Instant {
  const due = addWorkingDays(cal, localDateOf(toMs(submittedAt)), cal.reviewWorkingDays);
  return localIso(addDays(due, 1));
}

// ---------------------------------------------------------------- batches

export interface BatchOptions {
  upkeep: Period;
  registration: Period;
  /** Number of batches, default 4. */
  batches?: number;
}

function slice(p: Period, k: number, n: number): Period {
  const first = localDateOf(toMs(p.start));
  const days = Math.round((toMs(p.end) - toMs(p.start)) / MS.day);
  const from = Math.floor((k * days) / n);
  const to = Math.floor(((k + 1) * days) / n);
  // The first slice keeps the exact start and the last the exact end, so batches never leak out.
  return {
    start: k === 0 ? toIso(toMs(p.start)) : localIso(addDays(first, from)),
    end: k === n - 1 ? toIso(toMs(p.end)) : localIso(addDays(first, to)),
  };
}

/**
 * Spreads districts over consecutive batches (in the given order: district i goes to batch
 * floor(i * n / count)), each batch getting a consecutive slice of whole days of the city-wide
 * upkeep and registration periods. Deterministic; every window lies inside the city-wide period.
 */
export function generateDistrictBatches(districtCodes: string[], opts: BatchOptions): DistrictBatch[] {
  const n = Math.max(1, Math.min(opts.batches ?? 4, districtCodes.length || 1));
  return districtCodes.map((code, i) => {
    const k = Math.floor((i * n) / districtCodes.length);
    return { districtCode: code, batch: k + 1, upkeep: slice(opts.upkeep, k, n), registration: slice(opts.registration, k, n) };
  });
}
