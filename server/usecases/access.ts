/**
 * What every parent-facing operation checks before its own rules: the session, maintenance,
 * ownership of the child or application, and the calendar window (with when it reopens).
 */
import type { PhaseId, YearCalendar } from '@contract/calendar';
import { firstOpenInstant, formatOpening, maintenanceStatus, phaseName, phasePeriod, type Activity } from '@/domain/calendar';
import { formatDeadline, toMs } from '@/domain/time';
import type { AccountRecord, ChildRecord, GuardianshipRecord, Repositories, StoredApplication } from '../ports/store';
import type { Deps, RequestContext } from './context';
import { refuse } from './errors';

export const calendarOf = (deps: Deps): YearCalendar => deps.reference.calendar(deps.year);

export function requireAccount(ctx: RequestContext): AccountRecord {
  if (ctx.principal?.kind !== 'parent') refuse('UNAUTHENTICATED', '登录已过期，请重新刷脸登录，您填写的内容不会丢失');
  return ctx.principal.account;
}

export function requireNoMaintenance(deps: Deps, ctx: RequestContext, activity: Activity = 'general'): void {
  const status = maintenanceStatus(calendarOf(deps), ctx.now, activity);
  if (status.inMaintenance) {
    const retryAfter = Math.max(1, Math.ceil((toMs(status.reopensAt) - toMs(ctx.now)) / 1000));
    refuse('MAINTENANCE', `${status.message}。报名先后不影响录取结果，请在系统恢复后办理。`, { reopensAt: status.reopensAt, retryAfter });
  }
}

/** Session first (so an expired login is told as such), then maintenance. */
export function parentRequest(deps: Deps, ctx: RequestContext, activity: Activity = 'general'): AccountRecord {
  const account = requireAccount(ctx);
  requireNoMaintenance(deps, ctx, activity);
  return account;
}

export interface OwnChild {
  child: ChildRecord;
  guardianship: GuardianshipRecord;
}

/** The child, if this account holds it; another family's child is simply not found (no enumeration). */
export async function ownChild(repos: Repositories, account: AccountRecord, childId: string): Promise<OwnChild> {
  // Both read at once (one round trip); the child counts only with the guardianship.
  const [guardianship, found] = await Promise.all([repos.guardianships.get(childId, account.id), repos.children.get(childId)]);
  const child = guardianship ? found : null;
  if (!guardianship || !child) refuse('NOT_FOUND', '没有找到该子女，请返回“我的子女”重新选择');
  return { child, guardianship };
}

export async function ownApplication(repos: Repositories, account: AccountRecord, applicationId: string): Promise<StoredApplication> {
  const app = await repos.applications.get(applicationId);
  if (!app || app.accountId !== account.id) refuse('NOT_FOUND', '没有找到该办件，请在“我的申请”中重新打开');
  return app;
}

/**
 * Refuses unless `phase` is open for the district at the request's time: OUTSIDE_WINDOW with
 * reopensAt before it opens, DEADLINE_PASSED after it closed.
 */
export function requireWindow(deps: Deps, ctx: RequestContext, phase: PhaseId, districtCode: string | null, what?: string): void {
  const cal = calendarOf(deps);
  const period = phasePeriod(cal, phase, districtCode);
  const name = what ?? phaseName(cal, phase);
  const now = toMs(ctx.now);
  if (!period) refuse('OUTSIDE_WINDOW', `${name}未开放`);
  if (now < toMs(period.start)) {
    // Named and returned as the first instant a parent can act (a window opening at 00:00 inside
    // the nightly maintenance is usable from 08:00).
    const activity: Activity = phase === 'upkeep' ? 'upkeep' : 'general';
    refuse('OUTSIDE_WINDOW', `${name}尚未开始，将于 ${formatOpening(cal, period.start, activity)} 开放`, { reopensAt: firstOpenInstant(cal, period.start, activity) });
  }
  if (now >= toMs(period.end)) refuse('DEADLINE_PASSED', `${name}已于 ${formatDeadline(period.end)} 截止`);
}

/** When a refusal from a domain rule is "not yet open", the instant it opens (for reopensAt). */
export function opensAt(deps: Deps, ctx: RequestContext, phase: PhaseId, districtCode: string | null): string | undefined {
  const cal = calendarOf(deps);
  const period = phasePeriod(cal, phase, districtCode);
  if (!period) return undefined;
  return toMs(ctx.now) < toMs(period.start) ? firstOpenInstant(cal, period.start, phase === 'upkeep' ? 'upkeep' : 'general') : undefined;
}
