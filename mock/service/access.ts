/**
 * What every parent-facing API operation checks before its own rules: the session, maintenance,
 * ownership of the child or application, and the calendar window (with when it reopens).
 */
import type { Application } from '@contract/application';
import type { PhaseId } from '@contract/calendar';
import { phaseName, phasePeriod, type Activity } from '@/domain/calendar';
import { formatDeadline, formatMonthDayTime, toMs } from '@/domain/time';
import type { HostIdentity } from '../data/identities';
import { calendarOf, serverNow, type ServiceContext } from './context';
import { requireNoMaintenance } from './guards';
import { refuse } from './result';
import { requireIdentity } from './session';
import type { ChildRecord, MockState } from './state';

/** Session first (so an expired login is told as such), then maintenance. */
export function parentRequest(ctx: ServiceContext, state: MockState, authorization: string | null, activity: Activity = 'general'): HostIdentity {
  const identity = requireIdentity(ctx, state, authorization);
  requireNoMaintenance(ctx, state, activity);
  return identity;
}

/** The child, if it is this identity's; another family's child is simply not found (no enumeration). */
export function ownChild(state: MockState, identity: HostIdentity, childId: string): ChildRecord {
  const child = state.children[childId];
  if (!child || child.identityId !== identity.id) refuse('NOT_FOUND', '没有找到该子女，请返回“我的子女”重新选择');
  return child;
}

export function ownApplication(state: MockState, identity: HostIdentity, applicationId: string): Application {
  const app = state.applications[applicationId];
  const child = app ? state.children[app.childId] : undefined;
  if (!app || !child || child.identityId !== identity.id) refuse('NOT_FOUND', '没有找到该办件，请在“我的申请”中重新打开');
  return app;
}

/**
 * Refuses unless `phase` is open for the district at the server's time: OUTSIDE_WINDOW with
 * reopensAt before it opens, DEADLINE_PASSED after it closed.
 */
export function requireWindow(ctx: ServiceContext, state: MockState, phase: PhaseId, districtCode: string | null, what?: string): void {
  const cal = calendarOf(state);
  const period = phasePeriod(cal, phase, districtCode);
  const name = what ?? phaseName(cal, phase);
  const now = toMs(serverNow(ctx, state));
  if (!period) refuse('OUTSIDE_WINDOW', `${name}未开放`);
  if (now < toMs(period.start)) {
    refuse('OUTSIDE_WINDOW', `${name}尚未开始，将于 ${formatMonthDayTime(toMs(period.start))} 开放`, { reopensAt: period.start });
  }
  if (now >= toMs(period.end)) refuse('DEADLINE_PASSED', `${name}已于 ${formatDeadline(period.end)} 截止`);
}

/** When a refusal from a domain rule is "not yet open", the instant it opens (for reopensAt). */
export function opensAt(ctx: ServiceContext, state: MockState, phase: PhaseId, districtCode: string | null): string | undefined {
  const period = phasePeriod(calendarOf(state), phase, districtCode);
  if (!period) return undefined;
  return toMs(serverNow(ctx, state)) < toMs(period.start) ? period.start : undefined;
}
