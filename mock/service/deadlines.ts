/**
 * The deadline job: what the real server's scheduler would have done by now, run lazily before
 * every API operation (the mock has no background timer, and QA jumps the clock). Each step is
 * dated at its scheduled instant, not at the request that happened to trigger it.
 */
import { phasePeriod } from '@/domain/calendar';
import { applyTransition } from '@/domain/status';
import { toMs } from '@/domain/time';
import { calendarOf, serverNow, type ServiceContext } from './context';
import { autoDrawAt, decideSchool, schoolsAwaitingDecision } from './lottery';
import type { MockState } from './state';

const AWAITING_CONFIRMATION = new Set(['lotteryWon', 'admittedWithoutLottery', 'approved']);

/** Runs every step now due; returns how many applications it moved. Mutates state. */
export function runDeadlineJob(state: MockState, now: string): number {
  const cal = calendarOf(state);
  const t = toMs(now);
  let moved = 0;
  // 1. Private admissions are decided on lottery day even if nobody pressed the button.
  const drawAt = autoDrawAt(state);
  if (drawAt && t >= toMs(drawAt)) {
    for (const schoolId of schoolsAwaitingDecision(state)) {
      moved += decideSchool(state, schoolId, drawAt).applications.length;
    }
  }
  // 2. Unconfirmed admissions are forfeited at their deadline (6-20 18:00 for private places).
  for (const app of Object.values(state.applications)) {
    if (!AWAITING_CONFIRMATION.has(app.status) || !app.confirmBy || t < toMs(app.confirmBy)) continue;
    const r = applyTransition(app, 'forfeit', 'system', app.confirmBy, cal, '逾期未确认入学，视为自动放弃');
    if (r.ok) {
      state.applications[app.id] = r.application;
      moved++;
    }
  }
  // 3. Notices are issued to confirmed children once the notice period has begun.
  const notice = phasePeriod(cal, 'notice');
  if (notice && t >= toMs(notice.start)) {
    for (const app of Object.values(state.applications)) {
      if (app.status !== 'confirmed') continue;
      const r = applyTransition(app, 'issueNotice', 'system', now, cal, '电子入学通知书和报到码已发放');
      if (r.ok) {
        state.applications[app.id] = { ...r.application, reportCodeAvailable: true };
        moved++;
      }
    }
  }
  return moved;
}

function due(state: MockState, now: string): boolean {
  const t = toMs(now);
  const drawAt = autoDrawAt(state);
  if (drawAt && t >= toMs(drawAt) && schoolsAwaitingDecision(state).length > 0) return true;
  const notice = phasePeriod(calendarOf(state), 'notice');
  return Object.values(state.applications).some(
    (a) =>
      (AWAITING_CONFIRMATION.has(a.status) && a.confirmBy !== undefined && t >= toMs(a.confirmBy)) ||
      (a.status === 'confirmed' && notice !== null && t >= toMs(notice.start)),
  );
}

/** Reads first so that most requests cost no write. */
export async function settle(ctx: ServiceContext): Promise<void> {
  const needed = await ctx.store.read((state) => due(state, serverNow(ctx, state)));
  if (needed) await ctx.store.write((state) => runDeadlineJob(state, serverNow(ctx, state)));
}
