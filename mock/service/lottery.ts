/**
 * Private-school admissions (Q21): freeze the entrants (this module's real applications plus the
 * school's other applicants, simulated from data/schools privateDemand under pseudonyms), commit,
 * fix the public randomness, draw with the domain lottery, publish, and move every application.
 */
import type { Application } from '@contract/application';
import type { LotteryDraw, LotteryEntrant, LotteryOutcome } from '@contract/lottery';
import type { School } from '@contract/district';
import { phasePeriod } from '@/domain/calendar';
import { lotteryOutcome, pseudonymFor, runSchoolLottery, sha256hex } from '@/domain/lottery';
import { applyTransition } from '@/domain/status';
import { toIso, toMs } from '@/domain/time';
import { privateDemand } from '../data/schools';
import { calendarOf, serverNow, type ServiceContext } from './context';
import { schoolsForYear } from './reference';
import { refuse } from './result';
import type { MockState } from './state';

/** The mock's draw time on lottery day: the deadline job draws then if QA has not already. */
export const AUTO_DRAW_HOUR = 10;

export function autoDrawAt(state: MockState): string | null {
  const lottery = phasePeriod(calendarOf(state), 'privateLottery');
  return lottery ? toIso(toMs(lottery.start) + AUTO_DRAW_HOUR * 3600_000) : null;
}

/** Public randomness fixed after the commitment; deterministic here so QA and tests can replay a draw. */
export function defaultPublicRandomness(year: number, schoolId: string): string {
  return sha256hex(`cq-private-lottery|${year}|${schoolId}`).slice(0, 32);
}

const saltOf = (year: number, schoolId: string) => sha256hex(`cq-lottery-salt|${year}|${schoolId}`).slice(0, 16);

export function privateSchool(state: MockState, schoolId: string): School {
  const school = schoolsForYear(state.year).find((s) => s.id === schoolId);
  if (!school || school.type !== 'private') refuse('NOT_FOUND', '没有找到该民办学校');
  return school;
}

/** Schools with applications still waiting for their result. */
export function schoolsAwaitingDecision(state: MockState): string[] {
  const ids = Object.values(state.applications)
    .filter((a) => a.status === 'privateRegistered' && !state.privateAdmissions[a.schoolId])
    .map((a) => a.schoolId);
  return [...new Set(ids)].sort();
}

export interface DecisionSummary {
  schoolId: string;
  schoolName: string;
  places: number;
  entrantCount: number;
  withoutLottery: boolean;
  drawId: string | null;
  /** Real applications of this module moved by the decision. */
  applications: { id: string; status: Application['status']; rank: number | null }[];
}

/** Policy-priority applicants (disabled, special groups) draw in the first tier. */
const tierOf = (app: Application) => (app.source === 'disabled' || app.source === 'specialGroup' ? 0 : 1);

/**
 * Decides one private school at `at` (mutates state). Refuses if already decided, or (through the
 * domain state machine) if `at` is outside 6-20 00:00..18:00.
 */
export function decideSchool(state: MockState, schoolId: string, at: string, publicRandomness?: string): DecisionSummary {
  const school = privateSchool(state, schoolId);
  if (state.privateAdmissions[schoolId]) refuse('CONFLICT', `${school.name}已公布录取结果，不能重复摇号`);
  const cal = calendarOf(state);
  const apps = Object.values(state.applications)
    .filter((a) => a.schoolId === schoolId && a.status === 'privateRegistered')
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const salt = saltOf(state.year, schoolId);
  const pseudonyms: Record<string, string> = {};
  const entrants: LotteryEntrant[] = apps.map((app) => {
    pseudonyms[app.id] = pseudonymFor(app.id, salt);
    return { pseudonym: pseudonyms[app.id], tier: tierOf(app) };
  });
  const competitors = privateDemand[schoolId] ?? 0;
  for (let i = 0; i < competitors; i++) entrants.push({ pseudonym: pseudonymFor(`applicant-${i + 1}`, salt), tier: 1 });
  const places = school.brochure?.places ?? school.places;
  const registrationEnd = phasePeriod(cal, 'privateRegistration')?.end ?? at;
  const drawId = `LD${state.year}-${schoolId}`;
  const result = runSchoolLottery({
    drawId,
    schoolId,
    places,
    entrants,
    publicRandomness: publicRandomness ?? defaultPublicRandomness(state.year, schoolId),
    // The list is frozen when registration closes.
    committedAt: toMs(at) < toMs(registrationEnd) ? at : registrationEnd,
    drawnAt: at,
  });
  const admitted = new Set(result.admitted);
  const moved: DecisionSummary['applications'] = [];
  for (const app of apps) {
    const p = pseudonyms[app.id];
    const rank = result.draw ? result.draw.order.indexOf(p) + 1 : null;
    const action = result.withoutLottery ? 'admitWithoutLottery' : admitted.has(p) ? 'drawWon' : 'drawLost';
    const note = result.withoutLottery
      ? `报名人数（${entrants.length}人）未超过招生计划（${places}人），直接录取`
      : `电脑随机摇号第${rank}位（招生计划${places}人），${admitted.has(p) ? '录取' : `未录取，候补第${(rank ?? 0) - places}位`}`;
    const r = applyTransition(app, action, 'system', at, cal, note);
    if (!r.ok) refuse(r.code, r.message);
    const next = r.application;
    next.lottery = {
      rank: rank ?? 0,
      admitted: result.withoutLottery || admitted.has(p),
      ...(rank && rank > places ? { waitingPosition: rank - places } : {}),
      drawId: result.draw ? drawId : '',
    };
    state.applications[app.id] = next;
    moved.push({ id: app.id, status: next.status, rank });
  }
  if (result.draw) state.draws[drawId] = result.draw;
  state.privateAdmissions[schoolId] = { schoolId, salt, drawId: result.draw ? drawId : null, pseudonyms, decidedAt: at };
  return {
    schoolId,
    schoolName: school.name,
    places,
    entrantCount: entrants.length,
    withoutLottery: result.withoutLottery,
    drawId: result.draw ? drawId : null,
    applications: moved,
  };
}

/** QA: decide one school, or every school with waiting applications, at the server's time. */
export async function runLottery(ctx: ServiceContext, schoolId: unknown, publicRandomness: unknown): Promise<{ decisions: DecisionSummary[] }> {
  return ctx.store.write((state) => {
    const now = serverNow(ctx, state);
    const randomness = typeof publicRandomness === 'string' && publicRandomness ? publicRandomness : undefined;
    if (schoolId !== undefined && schoolId !== null && schoolId !== '') {
      if (typeof schoolId !== 'string') refuse('VALIDATION', '学校编号不正确', { fieldErrors: { schoolId: '学校编号不正确' } });
      return { decisions: [decideSchool(state, schoolId, now, randomness)] };
    }
    const waiting = schoolsAwaitingDecision(state);
    if (waiting.length === 0) refuse('CONFLICT', '没有等待摇号的民办学校报名');
    return { decisions: waiting.map((id) => decideSchool(state, id, now, randomness)) };
  });
}

/** What the parent sees for one private application. */
export function outcomeOf(state: MockState, app: Application): LotteryOutcome | null {
  const record = state.privateAdmissions[app.schoolId];
  const pseudonym = record?.pseudonyms[app.id];
  if (!record || !pseudonym) return null;
  const draw: LotteryDraw | null = record.drawId ? state.draws[record.drawId] ?? null : null;
  return lotteryOutcome(app.schoolId, pseudonym, draw);
}
