/**
 * Staff, not QA, run review and draws (Q24, Q21): district reviewers see and act on their own
 * district only (another district's application is simply not found), lottery operators enter the
 * public randomness and run the draws. Every action goes to the append-only audit log.
 */
import type { MaterialCode } from '@contract/api';
import type { PublishedCommitment, ReviewRequest, StaffApplication, StaffMe } from '@contract/staff';
import type { ApplicationStatus, HistoryEntry } from '@contract/application';
import type { Repositories, StaffRecord, StoredApplication } from '../ports/store';
import type { Deps, RequestContext } from './context';
import { refuse } from './errors';
import { secretToken, tokenHash } from './ids';
import { publicApplication, withHistory } from './applications';
import { review, startReview } from './review';
import { reviewPromise } from '@/domain/review';
import { calendarOf } from './access';
import { audit } from './audit';
import { decided, decideSchool, enterRandomness, publicCommitment, publishedDraw, type DecisionSummary } from './lottery';
import { STAFF_TOKEN_PREFIX, type StaffRole } from '@contract/staff';

/** What a reviewer's queue holds by default: everything waiting for a reviewer's decision. */
const REVIEW_QUEUE: ApplicationStatus[] = ['submitted', 'underReview', 'resubmitted', 'correctionRequested'];
/** How much of the queue the overdue filter looks through (the oldest first). */
const OVERDUE_SCAN = 1000;

export function requireStaff(ctx: RequestContext, role?: StaffRole): StaffRecord {
  if (ctx.principal?.kind !== 'staff') refuse('UNAUTHENTICATED', '请使用有效的工作人员凭证');
  const staff = ctx.principal.staff;
  if (role && staff.role !== role) refuse('FORBIDDEN', role === 'reviewer' ? '只有区县审核人员可以审核办件' : '只有摇号工作人员可以录入随机数和摇号');
  return staff;
}

export const staffMe = (ctx: RequestContext): StaffMe => {
  const s = requireStaff(ctx);
  return { id: s.id, name: s.name, role: s.role, districtCode: s.districtCode };
};

/** The reviewer's own district's application, or not found. */
async function districtApplication(repos: Repositories, staff: StaffRecord, id: string): Promise<StoredApplication> {
  const app = await repos.applications.get(id);
  if (!app || app.districtCode !== staff.districtCode) refuse('NOT_FOUND', '没有找到该办件');
  return app;
}

async function staffView(deps: Deps, now: string, repos: Repositories, app: StoredApplication, history?: HistoryEntry[]): Promise<StaffApplication> {
  const guardians = await repos.guardianships.listByChild(app.childId);
  const own = guardians.find((g) => g.accountId === app.accountId);
  const promise = reviewPromise(app, now, calendarOf(deps));
  return {
    review: promise ? { dueAt: promise.dueAt, overdue: promise.overdue } : null,
    application: history ? publicApplication(app, history) : await withHistory(repos, app),
    guardianship: {
      source: own?.source ?? 'manual',
      relationship: own?.relationship ?? 'otherGuardian',
      relationshipProofRequired: own?.proofRequired ?? true,
      otherGuardians: guardians.filter((g) => g.accountId !== app.accountId).length,
      priorityVerified: own?.verifiedPriority ?? false,
    },
  };
}

export async function listForReview(deps: Deps, ctx: RequestContext, q: { status?: ApplicationStatus; overdue?: 'true' | 'false'; limit?: number }): Promise<{ applications: StaffApplication[] }> {
  const staff = requireStaff(ctx, 'reviewer');
  const cal = calendarOf(deps);
  return deps.store.read(async (repos) => {
    let apps = await repos.applications.listByDistrict(staff.districtCode!, q.status ? [q.status] : REVIEW_QUEUE, q.overdue ? OVERDUE_SCAN : q.limit ?? 50);
    // The queue is oldest first, so the overdue ones (the longest waiting) lead it.
    if (q.overdue) apps = apps.filter((a) => (reviewPromise(a, ctx.now, cal)?.overdue ?? false) === (q.overdue === 'true')).slice(0, q.limit ?? 50);
    const history = await repos.applications.historyOf(apps.map((a) => a.id));
    const out: StaffApplication[] = [];
    for (const app of apps) out.push(await staffView(deps, ctx.now, repos, app, history.get(app.id) ?? []));
    return { applications: out };
  });
}

/** Reviewer: takes a waiting application into review (审核中) without deciding it; the decision comes later. */
export async function startReviewByStaff(deps: Deps, ctx: RequestContext, id: string): Promise<StaffApplication> {
  const staff = requireStaff(ctx, 'reviewer');
  return deps.store.transaction(async (repos) => {
    await startReview(deps, ctx, repos, { kind: 'staff', id: staff.id, districtCode: staff.districtCode }, id);
    return staffView(deps, ctx.now, repos, (await repos.applications.get(id))!);
  });
}

export async function getForReview(deps: Deps, ctx: RequestContext, id: string): Promise<StaffApplication> {
  const staff = requireStaff(ctx, 'reviewer');
  return deps.store.read(async (repos) => staffView(deps, ctx.now, repos, await districtApplication(repos, staff, id)));
}

export async function reviewByStaff(deps: Deps, ctx: RequestContext, id: string, body: ReviewRequest): Promise<StaffApplication> {
  const staff = requireStaff(ctx, 'reviewer');
  return deps.store.transaction(async (repos) => {
    const app = await districtApplication(repos, staff, id);
    if (body.priorityVerified) {
      const g = await repos.guardianships.get(app.childId, app.accountId);
      if (g && !g.verifiedPriority) {
        await repos.guardianships.update({ ...g, verifiedPriority: true });
        // The application shows the 绿色通道 from now on (its review is already under way).
        if (!app.greenChannel) await repos.applications.update({ ...app, greenChannel: true }, []);
        await audit(repos, ctx, { actorKind: 'staff', actorId: staff.id, action: 'review.priorityVerified', subjectKind: 'application', subjectId: app.id });
      }
    }
    await review(deps, ctx, repos, { kind: 'staff', id: staff.id, districtCode: staff.districtCode }, { applicationId: id, ...body });
    return staffView(deps, ctx.now, repos, (await repos.applications.get(id))!);
  });
}

/** A material image of an application in the reviewer's district (the file must be one it lists). */
export async function staffFile(deps: Deps, ctx: RequestContext, applicationId: string, fileId: string): Promise<{ bytes: Uint8Array; mime: string }> {
  const staff = requireStaff(ctx, 'reviewer');
  return deps.store.transaction(async (repos) => {
    const app = await districtApplication(repos, staff, applicationId);
    const listed = [...Object.values(app.materials), ...Object.values(app.upkeep.attachments)].some((ids) => (ids ?? []).includes(fileId));
    const meta = listed ? await repos.uploads.get(fileId) : null;
    const bytes = meta ? await repos.blobs.get(meta.sha256) : null;
    if (!meta || !bytes) refuse('NOT_FOUND', '图片不存在');
    await audit(repos, ctx, { actorKind: 'staff', actorId: staff.id, action: 'review.viewFile', subjectKind: 'application', subjectId: app.id, detail: { fileId, materialCode: meta.materialCode as MaterialCode } });
    return { bytes, mime: meta.mime };
  });
}

export const commitmentView = (c: Parameters<typeof publicCommitment>[0]): PublishedCommitment => ({ ...publicCommitment(c), decided: decided(c) });

/** Published to everyone: every frozen list's commitment (hash, count, time) and its state. */
export async function publishedCommitments(deps: Deps): Promise<{ commitments: PublishedCommitment[] }> {
  return deps.store.read(async (repos) => ({ commitments: (await repos.lottery.listCommitments()).map(commitmentView) }));
}

export async function publishedDrawById(deps: Deps, drawId: string) {
  return deps.store.read(async (repos) => {
    const c = await repos.lottery.byDrawId(drawId);
    const draw = c ? publishedDraw(c) : null;
    if (!draw) refuse('NOT_FOUND', '该摇号尚未进行或不存在');
    return draw;
  });
}

export async function enterRandomnessAsStaff(deps: Deps, ctx: RequestContext, schoolId: string, value: string): Promise<{ commitment: PublishedCommitment; entries: number }> {
  const staff = requireStaff(ctx, 'lotteryOperator');
  const { record, mismatch } = await deps.store.transaction((repos) => enterRandomness(ctx, repos, staff.id, schoolId, value));
  // Told after the cleared entries are kept: both operators enter the value again.
  if (mismatch) refuse('CONFLICT', '两次录入的随机数不一致，已清空，请两名工作人员重新录入');
  return { commitment: commitmentView(record), entries: record.randomnessEntries.length };
}

export async function drawAsStaff(deps: Deps, ctx: RequestContext, schoolId: string): Promise<DecisionSummary> {
  const staff = requireStaff(ctx, 'lotteryOperator');
  return deps.store.transaction(async (repos) => {
    const result = await decideSchool(deps, repos, schoolId, ctx.now);
    await audit(repos, ctx, { actorKind: 'staff', actorId: staff.id, action: result.withoutLottery ? 'lottery.admitAll' : 'lottery.draw', subjectKind: 'lottery', subjectId: result.drawId ?? schoolId, detail: { entrants: result.entrantCount, places: result.places } });
    return result;
  });
}

export async function auditEntries(deps: Deps, ctx: RequestContext, q: { subjectId?: string; limit?: number }) {
  const staff = requireStaff(ctx);
  return deps.store.read(async (repos) => {
    if (staff.role === 'reviewer') {
      // A reviewer reads the log of their own district's applications only.
      if (!q.subjectId) refuse('VALIDATION', '请指定办件编号', { fieldErrors: { subjectId: '请指定办件编号' } });
      await districtApplication(repos, staff, q.subjectId);
    }
    const entries = await repos.audit.list({ subjectId: q.subjectId, limit: q.limit ?? 100 });
    return { entries: entries.map(({ at, actorKind, actorId, action, subjectKind, subjectId, beforeStatus, afterStatus }) => ({ at, actorKind, actorId, action, subjectKind, subjectId, beforeStatus, afterStatus })) };
  });
}

/** The CLI's: a new staff token (shown once; only its hash is kept). */
export async function issueStaffToken(deps: Deps, input: { name: string; role: StaffRole; districtCode: string | null }, now: string): Promise<{ id: string; token: string }> {
  if (input.role === 'reviewer' && (!input.districtCode || !deps.reference.district(deps.year, input.districtCode))) {
    throw new Error('a reviewer needs the district code (--district) of an education unit of this year');
  }
  const token = `${STAFF_TOKEN_PREFIX}${secretToken(deps, 24)}`;
  return deps.store.transaction(async (repos) => {
    const id = `ST${String(await repos.settings.next('seq:staff')).padStart(5, '0')}`;
    await repos.staff.insert({ id, name: input.name, role: input.role, districtCode: input.role === 'reviewer' ? input.districtCode : null, tokenHash: tokenHash(token), createdAt: now, revokedAt: null });
    await repos.audit.append({ at: now, actorKind: 'system', actorId: 'staff-cli', action: 'staff.issue', subjectKind: 'staff', subjectId: id, beforeStatus: null, afterStatus: null, detail: { role: input.role, districtCode: input.districtCode }, traceId: 'cli' });
    return { id, token };
  });
}

/** The staff member behind a bearer token, unless revoked. */
export async function staffOfToken(deps: Deps, bearer: string): Promise<StaffRecord | null> {
  if (!bearer.startsWith(STAFF_TOKEN_PREFIX)) return null;
  const staff = await deps.store.read((repos) => repos.staff.byTokenHash(tokenHash(bearer)));
  return staff && !staff.revokedAt ? staff : null;
}
