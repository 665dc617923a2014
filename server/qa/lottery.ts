/**
 * The lottery as development plays it: a simulated lottery office of two operators enters the
 * day's public value (so QA can draw without two staff logins), and QA may name the value.
 * Recorded in the audit log like any staff entry. Production has no such office: staff enter it.
 */
import { phasePeriod } from '@/domain/calendar';
import { drawLottery, sha256hex } from '@/domain/lottery';
import { toMs } from '@/domain/time';
import type { LotteryCommitmentRecord, Repositories } from '../ports/store';
import { calendarOf } from '../usecases/access';
import type { Deps, RequestContext } from '../usecases/context';
import { refuse } from '../usecases/errors';
import { decideAll, decideSchool, decided, enterRandomness, freezeAll, type DecisionSummary } from '../usecases/lottery';
import { qaContext, type QaDeps } from './context';

export const SIM_OPERATORS = ['sim-operator-1', 'sim-operator-2'] as const;

/** The simulated day's public value: deterministic, so QA and tests can replay a draw. */
export function defaultPublicRandomness(year: number): string {
  return sha256hex(`cq-private-lottery|${year}`).slice(0, 32);
}

async function enterAsOffice(ctx: RequestContext, repos: Repositories, schoolId: string, value: string, read?: LotteryCommitmentRecord): Promise<void> {
  const c = read ?? (await repos.lottery.commitment(schoolId));
  if (!c || c.withoutLottery || c.randomness || c.randomnessEntries.length > 0) return;
  for (const staffId of SIM_OPERATORS) await enterRandomness(ctx, repos, staffId, schoolId, value);
}

/** The dev hook of the decision job: every undecided draw gets the simulated day's value. */
export async function simulatedOfficeBeforeDecide(deps: Deps, repos: Repositories, at: string): Promise<void> {
  const ctx: RequestContext = { now: at, realNowMs: Date.now(), traceId: 'sim-lottery-office', principal: null };
  for (const c of await repos.lottery.listCommitments()) {
    if (!decided(c)) await enterAsOffice(ctx, repos, c.schoolId, defaultPublicRandomness(deps.year), c);
  }
}

export async function enterRandomnessAsOffice(q: QaDeps, schoolId: string, value: string): Promise<void> {
  await q.deps.store.transaction((repos) => enterAsOffice(qaContext(q), repos, schoolId, value));
}

/** A public value under which the application loses its school's committed draw (dry runs). */
export async function losingRandomness(q: QaDeps, schoolId: string, applicationId: string): Promise<string> {
  return q.deps.store.read(async (repos) => {
    const c = await repos.lottery.commitment(schoolId);
    const entry = c?.entries.find((e) => e.applicationId === applicationId);
    if (!c || !entry) throw new Error('not frozen');
    for (let n = 1; n < 200; n++) {
      const r = drawLottery(c, c.entries, `qa-${n}`, c.committedAt);
      if (r.ok && r.draw.order.indexOf(entry.pseudonym) >= c.places) return `qa-${n}`;
    }
    throw new Error('no losing draw found');
  });
}

/**
 * POST /__qa/lottery: freezes what registration close would have frozen, has the simulated office
 * enter the value (QA's, or the day's), and decides one school or every waiting one.
 */
export async function runLotteryAsQa(q: QaDeps, schoolId: string | undefined, publicRandomness: string | undefined): Promise<{ decisions: DecisionSummary[] }> {
  const ctx = qaContext(q);
  const registrationEnd = phasePeriod(calendarOf(q.deps), 'privateRegistration')?.end;
  if (!registrationEnd || toMs(ctx.now) < toMs(registrationEnd)) refuse('OUTSIDE_WINDOW', '民办学校报名尚未截止，报名名单锁定后才能摇号');
  return q.deps.store.transaction(async (repos) => {
    await freezeAll(q.deps, repos, registrationEnd);
    const value = publicRandomness ?? defaultPublicRandomness(q.deps.year);
    if (schoolId) {
      await enterAsOffice(ctx, repos, schoolId, value);
      return { decisions: [await decideSchool(q.deps, repos, schoolId, ctx.now)] };
    }
    for (const c of await repos.lottery.listCommitments()) if (!decided(c)) await enterAsOffice(ctx, repos, c.schoolId, value);
    const { decided: decisions } = await decideAll(q.deps, repos, ctx.now);
    if (decisions.length === 0) refuse('CONFLICT', '没有等待摇号的民办学校报名');
    return { decisions };
  });
}
