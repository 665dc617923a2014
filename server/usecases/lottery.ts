/**
 * Private-school admissions (Q21), commit–reveal: when private registration closes each school's
 * entrants are frozen under pseudonyms (a secret per-draw salt, so nobody can link them back) and
 * the list's commitment is published; the public randomness is fixed only afterwards, by two staff
 * entries of a designated public value that agree; the draw refuses to run without both. Everything
 * needed to recompute the draw is published. Twins registered together share one family group.
 * Schools whose applicants do not exceed their places admit everyone without a draw.
 */
import type { Application, ApplicationAction, LotteryCommitment, LotteryDraw, LotteryEntrant, LotteryOutcome, HistoryEntry } from '@contract/api';
import { phasePeriod } from '@/domain/calendar';
import { commitEntrants, drawLottery, lotteryOutcome, needsLottery, pseudonymFor, sha256hex, waitingPositionText } from '@/domain/lottery';
import { toIso, toMs } from '@/domain/time';
import type { LotteryCommitmentRecord, PatchOfApplication, Repositories, StoredApplication } from '../ports/store';
import { calendarOf } from './access';
import type { Deps, RequestContext } from './context';
import { refuse } from './errors';
import { transitionOf } from './transitions';
import { tell } from './messages';
import { messageKindOf } from '@/domain/messages';
import type { MessageKind } from '@contract/messages';
import { audit } from './audit';

/** The draw time on lottery day (the decision job runs then). */
export const AUTO_DRAW_HOUR = 10;

export function autoDrawAt(deps: Deps): string | null {
  const lottery = phasePeriod(calendarOf(deps), 'privateLottery');
  return lottery ? toIso(toMs(lottery.start) + AUTO_DRAW_HOUR * 3600_000) : null;
}

export const drawIdOf = (deps: Deps, schoolId: string) => `LD${deps.year}-${schoolId}`;

/** Verified policy priority draws in the first tier; a source ticked on a form alone does not. */
async function tierOf(repos: Repositories, app: StoredApplication): Promise<number> {
  if (app.source !== 'disabled' && app.source !== 'specialGroup') return 1;
  const g = await repos.guardianships.get(app.childId, app.accountId);
  return g?.verifiedPriority ? 0 : 1;
}

export interface FreezeSummary {
  schoolId: string;
  drawId: string;
  entrantCount: number;
  places: number;
  withoutLottery: boolean;
}

/** Freezes one school's entrants and records the commitment (at registration close). */
export async function freezeSchool(deps: Deps, repos: Repositories, schoolId: string, at: string): Promise<FreezeSummary | null> {
  if (await repos.lottery.commitment(schoolId)) return null;
  const school = deps.reference.school(deps.year, schoolId);
  if (!school || school.nature !== 'private') return null;
  const apps = (await repos.applications.listBySchool(schoolId, 'privateRegistered')).sort((a, b) => (a.id < b.id ? -1 : 1));
  const salt = bytesHex(deps.randomBytes(16));
  // One read for the school's children (not one per entrant: a city school has hundreds).
  const byId = new Map((await repos.children.getMany(apps.map((a) => a.childId))).map((c) => [c.id, c]));
  const children = new Map<string, { birthDate: string }>();
  for (const app of apps) {
    const child = byId.get(app.childId);
    if (child) children.set(app.id, child);
  }
  // Twins and multiple births of one family registered together: same guardian, same birth date.
  const familyKey = (app: StoredApplication) => `${app.accountId}|${children.get(app.id)?.birthDate ?? app.id}`;
  const familySize = new Map<string, number>();
  for (const app of apps) familySize.set(familyKey(app), (familySize.get(familyKey(app)) ?? 0) + 1);
  const entries: LotteryCommitmentRecord['entries'] = [];
  for (const app of apps) {
    const family = familySize.get(familyKey(app))! > 1 ? sha256hex(`${salt}|family|${familyKey(app)}`).slice(0, 16) : undefined;
    entries.push({ applicationId: app.id, pseudonym: pseudonymFor(app.id, salt), tier: await tierOf(repos, app), ...(family ? { familyGroup: family } : {}) });
  }
  // Applicants registered at the district's offline points enter the same draw under pseudonyms.
  const offline = deps.reference.offlineApplicants(schoolId);
  for (let i = 0; i < offline; i++) entries.push({ applicationId: null, pseudonym: pseudonymFor(`offline-${i + 1}`, salt), tier: 1 });
  const places = school.brochure?.places ?? school.places;
  const drawId = drawIdOf(deps, schoolId);
  const commitment = commitEntrants({ drawId, schoolId, places, entrants: entries.map(entrantOf), committedAt: at });
  await repos.lottery.insert({
    ...commitment,
    salt,
    entries,
    randomness: null,
    randomnessEntries: [],
    seed: null,
    order: null,
    drawnAt: null,
    withoutLottery: !needsLottery(entries.length, places),
  });
  return { schoolId, drawId, entrantCount: entries.length, places, withoutLottery: !needsLottery(entries.length, places) };
}

const entrantOf = (e: LotteryCommitmentRecord['entries'][number]): LotteryEntrant => ({
  pseudonym: e.pseudonym,
  tier: e.tier,
  ...(e.familyGroup ? { familyGroup: e.familyGroup } : {}),
});

const bytesHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** Every private school with registrations is frozen (the job at registration close). */
export async function freezeAll(deps: Deps, repos: Repositories, at: string): Promise<FreezeSummary[]> {
  const out: FreezeSummary[] = [];
  for (const schoolId of await repos.applications.schoolsWithStatus('privateRegistered')) {
    const frozen = await freezeSchool(deps, repos, schoolId, at);
    if (frozen) out.push(frozen);
  }
  return out;
}

export function publicCommitment(c: LotteryCommitmentRecord): LotteryCommitment & { withoutLottery: boolean; randomnessFixed: boolean } {
  return {
    drawId: c.drawId,
    schoolId: c.schoolId,
    places: c.places,
    listCommitment: c.listCommitment,
    entrantCount: c.entrantCount,
    committedAt: c.committedAt,
    withoutLottery: c.withoutLottery,
    randomnessFixed: c.randomness !== null,
  };
}

export function publishedDraw(c: LotteryCommitmentRecord): LotteryDraw | null {
  if (c.withoutLottery || !c.randomness || !c.seed || !c.order || !c.drawnAt) return null;
  return {
    drawId: c.drawId,
    schoolId: c.schoolId,
    places: c.places,
    listCommitment: c.listCommitment,
    entrantCount: c.entrantCount,
    committedAt: c.committedAt,
    publicRandomness: c.randomness,
    seed: c.seed,
    drawnAt: c.drawnAt,
    order: c.order,
    entrants: [...c.entries].map(entrantOf).sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0)),
  };
}

export const decided = (c: LotteryCommitmentRecord) => c.drawnAt !== null;

/**
 * Staff enter the designated public value (e.g. the day's published lottery number) for a
 * school's committed list; two different staff entering the same value fix it. Refused before
 * the commitment exists, after it is fixed, or by the same staff twice. A second entry that
 * disagrees clears both (kept: the answer says so, and both enter again).
 */
export async function enterRandomness(
  ctx: RequestContext,
  repos: Repositories,
  staffId: string,
  schoolId: string,
  value: string,
): Promise<{ record: LotteryCommitmentRecord; mismatch: boolean }> {
  const c = await repos.lottery.commitment(schoolId);
  if (!c) refuse('CONFLICT', '该校报名名单尚未锁定并公布承诺值，不能录入随机数');
  if (c.withoutLottery) refuse('CONFLICT', '该校报名人数未超过招生计划，无需摇号');
  if (c.randomness) refuse('CONFLICT', '该校摇号随机数已确定，不能修改');
  if (toMs(ctx.now) <= toMs(c.committedAt)) refuse('CONFLICT', '随机数须在名单承诺值公布之后产生');
  if (c.randomnessEntries.some((e) => e.staffId === staffId)) refuse('CONFLICT', '您已录入过随机数，须由另一名工作人员复核录入');
  const entries = [...c.randomnessEntries, { staffId, value, at: ctx.now }];
  if (entries.length === 2 && entries[0].value !== entries[1].value) {
    const cleared = { ...c, randomnessEntries: [] };
    await repos.lottery.update(cleared);
    await audit(repos, ctx, { actorKind: 'staff', actorId: staffId, action: 'lottery.randomnessMismatch', subjectKind: 'lottery', subjectId: c.drawId });
    return { record: cleared, mismatch: true };
  }
  const next: LotteryCommitmentRecord = { ...c, randomnessEntries: entries, randomness: entries.length === 2 ? value : null };
  await repos.lottery.update(next);
  await audit(repos, ctx, {
    actorKind: 'staff',
    actorId: staffId,
    action: next.randomness ? 'lottery.randomnessFixed' : 'lottery.randomnessEntered',
    subjectKind: 'lottery',
    subjectId: c.drawId,
    detail: { value },
  });
  return { record: next, mismatch: false };
}

export interface DecisionSummary {
  schoolId: string;
  schoolName: string;
  places: number;
  entrantCount: number;
  withoutLottery: boolean;
  drawId: string | null;
  applications: { id: string; status: Application['status']; rank: number | null }[];
}

/** Decides one frozen school at `at`: everyone admitted, or the draw with the fixed randomness. */
export async function decideSchool(deps: Deps, repos: Repositories, schoolId: string, at: string, read?: LotteryCommitmentRecord): Promise<DecisionSummary> {
  const school = deps.reference.school(deps.year, schoolId);
  if (!school || school.nature !== 'private') refuse('NOT_FOUND', '没有找到该民办学校');
  // `read`: the school's record as this transaction just read it (decideAll), not read again.
  const c = read && read.schoolId === schoolId ? read : await repos.lottery.commitment(schoolId);
  if (!c) refuse('CONFLICT', `${school.name}的报名名单尚未锁定，不能摇号`);
  if (decided(c)) refuse('CONFLICT', `${school.name}已公布录取结果，不能重复摇号`);
  let order: string[];
  let record: LotteryCommitmentRecord;
  if (c.withoutLottery) {
    order = c.entries.map((e) => e.pseudonym);
    record = { ...c, drawnAt: at };
  } else {
    if (!c.randomness) refuse('CONFLICT', `${school.name}的摇号随机数尚未由两名工作人员录入确定，不能摇号`);
    const r = drawLottery(c, c.entries.map(entrantOf), c.randomness, at);
    if (!r.ok) refuse('CONFLICT', r.message);
    order = r.draw.order;
    record = { ...c, seed: r.draw.seed, order, drawnAt: at };
  }
  await repos.lottery.update(record);
  const rankOf = new Map(order.map((p, i) => [p, i + 1]));
  // The state machine decides once per outcome (the three moves depend on the status and nature
  // alone, both the same for every entrant); the school's entrants then move in one set-based
  // write of small patches, each row only while it is still privateRegistered.
  const outcomes = new Map<ApplicationAction, { patch: Omit<PatchOfApplication, 'lottery'>; entry: HistoryEntry }>();
  const outcomeOf = (action: ApplicationAction) => {
    let o = outcomes.get(action);
    if (!o) {
      const subject = { status: 'privateRegistered', nature: 'private' } as StoredApplication;
      const { next, entry } = transitionOf(deps, subject, action, 'system', at);
      const patch: Omit<PatchOfApplication, 'lottery'> = { status: next.status };
      for (const [k, v] of Object.entries(next) as Array<[keyof StoredApplication, unknown]>) {
        if (v !== undefined && v !== (subject as unknown as Record<string, unknown>)[k]) (patch as Record<string, unknown>)[k] = v;
      }
      o = { patch, entry };
      outcomes.set(action, o);
    }
    return o;
  };
  const items: Array<{ id: string; patch: PatchOfApplication; entry: HistoryEntry }> = [];
  const planned = new Map<string, DecisionSummary['applications'][number]>();
  for (const entry of c.entries) {
    if (!entry.applicationId) continue;
    const rank = rankOf.get(entry.pseudonym) ?? 0;
    const admitted = c.withoutLottery || rank <= c.places;
    const action: ApplicationAction = c.withoutLottery ? 'admitWithoutLottery' : admitted ? 'drawWon' : 'drawLost';
    const note = c.withoutLottery
      ? `报名人数（${c.entrantCount}人）未超过招生计划（${c.places}人），直接录取`
      : `电脑随机摇号第${rank}位（招生计划${c.places}人），${admitted ? '录取' : `未录取，${waitingPositionText(rank - c.places).short}（排在招生计划之后，不影响报名公办学校）`}`;
    const { patch, entry: h } = outcomeOf(action);
    const lottery: StoredApplication['lottery'] = { rank, admitted, ...(admitted ? {} : { waitingPosition: rank - c.places }), drawId: c.withoutLottery ? '' : c.drawId };
    items.push({ id: entry.applicationId, patch: { ...patch, lottery }, entry: { ...h, note } });
    planned.set(entry.applicationId, { id: entry.applicationId, status: patch.status, rank: c.withoutLottery ? null : rank });
  }
  const movedIds = await repos.applications.patchMany('privateRegistered', items);
  const moved = movedIds.map((id) => planned.get(id)!);
  // Each family is told its result in the decision's transaction (issue 15), grouped by kind.
  const byKind = new Map<MessageKind, Array<{ applicationId: string; detail: { deadline?: string; waitingPosition?: number } }>>();
  const patchOf = new Map(items.map((i) => [i.id, i]));
  for (const id of movedIds) {
    const item = patchOf.get(id)!;
    const kind = messageKindOf(item.entry.action, item.patch.lottery ?? undefined);
    if (!kind) continue;
    const detail = kind === 'admitted' ? (item.patch.confirmBy ? { deadline: item.patch.confirmBy } : {}) : item.patch.lottery?.waitingPosition ? { waitingPosition: item.patch.lottery.waitingPosition } : {};
    byKind.set(kind, [...(byKind.get(kind) ?? []), { applicationId: id, detail }]);
  }
  for (const [kind, list] of byKind) await tell(repos, kind, at, list);
  return { schoolId, schoolName: school.name, places: c.places, entrantCount: c.entrantCount, withoutLottery: c.withoutLottery, drawId: c.withoutLottery ? null : c.drawId, applications: moved };
}

/** Every frozen school not decided yet, skipping those still waiting for their randomness. */
export async function decideAll(deps: Deps, repos: Repositories, at: string): Promise<{ decided: DecisionSummary[]; waiting: string[] }> {
  const out: DecisionSummary[] = [];
  const waiting: string[] = [];
  for (const c of await repos.lottery.listCommitments()) {
    if (decided(c)) continue;
    if (!c.withoutLottery && !c.randomness) {
      waiting.push(c.schoolId);
      continue;
    }
    out.push(await decideSchool(deps, repos, c.schoolId, at, c));
  }
  return { decided: out, waiting };
}

/** What the parent sees for one private application, once its school is decided. */
export async function outcomeOf(repos: Repositories, app: StoredApplication): Promise<LotteryOutcome | null> {
  const c = await repos.lottery.commitment(app.schoolId);
  const entry = c?.entries.find((e) => e.applicationId === app.id);
  if (!c || !entry || !decided(c)) return null;
  return lotteryOutcome(app.schoolId, entry.pseudonym, publishedDraw(c));
}
