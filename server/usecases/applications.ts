/**
 * Applications (Q18-Q27): idempotent submission with 不可兼报 and the district's windows, withdraw
 * while 待审核, resubmit after 补正 (only what was asked), 入学确认 before the deadline; every
 * status change through the domain state machine, so the server and the pages never disagree.
 */
import type {
  Application,
  ApplicationResponse,
  ApplicationsResponse,
  HistoryEntry,
  LotteryOutcome,
  MaterialCode,
  PhaseId,
  ResubmitRequest,
  SchoolNature,
  SubmitApplicationRequest,
} from '@contract/api';
import { sha256hex } from '@/domain/lottery';
import { maskName } from '@/domain/masking';
import { canApply, STATUS_INFO } from '@/domain/status';
import { formatMonthDayTime, toMs } from '@/domain/time';
import { eligibleStage } from '@/domain/eligibility';
import { STAGE_NAMES } from '@/domain/labels';
import type { Repositories, StoredApplication } from '../ports/store';
import { ConstraintViolation } from '../ports/store';
import { calendarOf, opensAt, ownApplication, ownChild, parentRequest } from './access';
import { firstOpenInstant, phasePeriod } from '@/domain/calendar';
import type { Deps, RequestContext } from './context';
import { refuse, refuseFieldErrors } from './errors';
import { greenChannelReviewDueAt } from '@/domain/greenChannel';
import { nextId } from './ids';
import { canonicalJson, replayOrReserve } from './idempotency';
import { checklistFor } from './materials';
import { fileErrors, upkeepFieldErrors } from './upkeep';
import { move, transitionOf } from './transitions';
import { autoDrawAt, outcomeOf } from './lottery';

/**
 * What a parent sees of an application: the stored row without its owner, with its history
 * numbered in the order the store appended it (every adapter answers history in insertion order,
 * a store contract test holds them to it), so steps stamped at one instant still read in order.
 */
export function publicApplication(app: StoredApplication, history: HistoryEntry[]): Application {
  const { accountId: _owner, approvedChildName: _name, ...rest } = app;
  // Rows written before the green channel was recorded read as ordinary applications.
  return { ...rest, greenChannel: rest.greenChannel ?? false, history: history.map((h, i) => ({ ...h, seq: i + 1 })) };
}

export async function withHistory(repos: Repositories, app: StoredApplication): Promise<Application> {
  return publicApplication(app, await repos.applications.history(app.id));
}

const withoutUpdatedAt = ({ updatedAt: _sent, ...upkeep }: SubmitApplicationRequest['upkeep']) => upkeep;

/** The phase whose opening a "not yet open" refusal is about, for reopensAt. */
function windowPhase(nature: SchoolNature, publicFallback: boolean): PhaseId {
  if (nature === 'private') return 'privateRegistration';
  return publicFallback ? 'publicFallback' : 'registration';
}

export async function submit(deps: Deps, ctx: RequestContext, body: SubmitApplicationRequest): Promise<{ application: Application; replayed: boolean }> {
  const account = parentRequest(deps, ctx);
  const { idempotencyKey, ...rest } = body;
  const bodyHash = sha256hex(canonicalJson(rest));
  try {
    return await deps.store.transaction(async (repos) => {
      const { child, guardianship } = await ownChild(repos, account, body.childId);
      // Two submissions for one child (two phones, two guardians, or one double tap) serialise here;
      // the key is read after the lock, so a same-key twin sees the first one's result.
      await repos.children.lock(child.id);
      const seen = await replayOrReserve(repos, account, 'submit', idempotencyKey, bodyHash);
      if (seen) {
        const first = await repos.applications.get(seen);
        if (first) return { application: await withHistory(repos, first), replayed: true };
      }

      const fieldErrors: Record<string, string> = {};
      const district = deps.reference.district(deps.year, body.districtCode);
      if (!district) fieldErrors.districtCode = '请选择当前区域（孩子9月将就读学校所在的区县）';
      const school = deps.reference.school(deps.year, body.schoolId);
      if (!school) fieldErrors.schoolId = '请选择学校';
      else if (school.districtCode !== body.districtCode || school.stage !== body.stage || school.type !== body.schoolType || school.nature !== body.nature) {
        fieldErrors.schoolId = '所选学校与区县、学段或学校类型不符，请重新选择';
      }
      const age = eligibleStage(child.birthDate, deps.year);
      if (age.stage !== body.stage) fieldErrors.childId = age.note ?? `该子女不符合本次${STAGE_NAMES[body.stage]}的年龄要求`;
      if (!school || !district) refuse('VALIDATION', '请按提示修改后再提交', { fieldErrors });
      refuseFieldErrors(fieldErrors);

      const existing = await repos.applications.listByChild(child.id);
      // 不可兼报 and the windows (Q21, Q22), as the pages explain them.
      const can = canApply(existing, school.nature, ctx.now, deps.reference.calendar(deps.year), district.code);
      if (!can.ok) {
        const phase = windowPhase(school.nature, existing.some((a) => a.status === 'lotteryLost' || a.status === 'forfeited'));
        const reopensAt = can.code === 'OUTSIDE_WINDOW' ? opensAt(deps, ctx, phase, district.code) : undefined;
        refuse(can.code, can.message, reopensAt ? { reopensAt } : {});
      }

      Object.assign(fieldErrors, await upkeepFieldErrors(repos, account, body.upkeep, 'upkeep.'), await fileErrors(repos, account, body.materials, 'materials.'));
      const checklist = await checklistFor(deps, ctx, account, body, body.upkeep, guardianship.proofRequired);
      const files = await repos.uploads.getMany(Object.values(body.materials).flatMap((l) => l ?? []));
      for (const item of checklist.items) {
        const listed = body.materials[item.code] ?? [];
        const key = `materials.${item.code}`;
        if (item.state === 'required' && listed.length === 0 && !fieldErrors[key]) fieldErrors[key] = `请上传${item.name}`;
        if (listed.length > checklist.maxImagesPerItem) fieldErrors[key] = `${item.name}最多上传${checklist.maxImagesPerItem}张`;
      }
      // The district of the application decides the size limit, whichever district the upload named.
      for (const f of files) if (f.size > checklist.maxBytes) fieldErrors[`materials.${f.materialCode}`] = '图片超过本区县的大小限制，请重新上传';
      refuseFieldErrors(fieldErrors, '还有信息未填写或材料未上传，请按提示补充后再提交');

      // A withdrawn application of the child is submitted again (one 办件, one history), else a new one.
      const withdrawn = existing
        .filter((a) => a.status === 'withdrawn' && a.accountId === account.id)
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
      const id = withdrawn?.id ?? (await nextId(repos, deps, 'A'));
      const base: StoredApplication = {
        ...(withdrawn ?? {
          id,
          number: `RX${deps.year}${district.code}${id.slice(-6)}`,
          status: 'draft' as const,
          createdAt: ctx.now,
          reportCodeAvailable: false,
        }),
        accountId: account.id,
        approvedChildName: null,
        childId: child.id,
        childNameMasked: maskName(child.realName ?? child.birthCertificateName),
        stage: body.stage,
        districtCode: district.code,
        nature: school.nature,
        schoolType: school.type,
        schoolId: school.id,
        schoolName: school.name,
        source: body.source,
        materials: body.materials,
        // The snapshot is dated by the application, not by a time the client sent.
        upkeep: withoutUpdatedAt(body.upkeep),
        verification: (await deps.dataSharing.report(account.idNumber, ctx.now)).results,
        publicFallback: can.publicFallback,
        greenChannel: guardianship.verifiedPriority,
        updatedAt: ctx.now,
      };
      const action = school.nature === 'private' ? 'registerPrivate' : 'submit';
      let next: StoredApplication;
      // A new application's whole history is what this transaction writes (answered without reading it back).
      let created: HistoryEntry[] | null = null;
      try {
        const t = transitionOf(deps, base, action, 'parent', ctx.now);
        next = t.next;
        // 绿色通道: the shorter review promise (Q30) instead of the ordinary one.
        if (next.greenChannel && next.reviewDueAt) next = { ...next, reviewDueAt: greenChannelReviewDueAt(deps.reference.calendar(deps.year), ctx.now) };
        if (withdrawn) await repos.applications.update(next, [t.entry]);
        else {
          created = [{ at: ctx.now, from: null, to: 'draft', action: 'create', actor: 'parent' }, t.entry];
          await repos.applications.insert(next, created);
        }
      } catch (error) {
        if (error instanceof ConstraintViolation) refuse('CONFLICT', '该子女已有进行中的报名，公办、民办学校只能选择其一，不可兼报');
        const e = error as { error?: { code: string } };
        if (e.error?.code === 'OUTSIDE_WINDOW') {
          const reopensAt = opensAt(deps, ctx, windowPhase(school.nature, can.publicFallback), district.code);
          if (reopensAt) refuse('OUTSIDE_WINDOW', (error as Error).message, { reopensAt });
        }
        throw error;
      }
      await repos.idempotency.insert({ accountId: account.id, scope: 'submit', key: idempotencyKey, bodyHash, resultId: id, createdAt: ctx.now });
      return { application: created ? publicApplication(next, created) : await withHistory(repos, next), replayed: false };
    });
  } catch (error) {
    // A concurrent submit for the same child that got there first (the partial unique index).
    if (error instanceof ConstraintViolation) refuse('CONFLICT', '该子女已有进行中的报名，公办、民办学校只能选择其一，不可兼报');
    throw error;
  }
}

export async function list(deps: Deps, ctx: RequestContext): Promise<ApplicationsResponse> {
  const account = parentRequest(deps, ctx);
  return deps.store.read(async (repos) => {
    const mine = await repos.applications.listByAccount(account.id);
    const history = await repos.applications.historyOf(mine.map((a) => a.id));
    const sorted = mine.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
    return { applications: sorted.map((a) => publicApplication(a, history.get(a.id) ?? [])) };
  });
}

export async function get(deps: Deps, ctx: RequestContext, id: string): Promise<ApplicationResponse> {
  const account = parentRequest(deps, ctx);
  return deps.store.read(async (repos) => ({ application: await withHistory(repos, await ownApplication(repos, account, id)) }));
}

/** Q18: only while 待审核 (or a private registration before the list is frozen). */
export async function withdraw(deps: Deps, ctx: RequestContext, id: string): Promise<ApplicationResponse> {
  const account = parentRequest(deps, ctx);
  return deps.store.transaction(async (repos) => {
    const app = await ownApplication(repos, account, id);
    await repos.children.lock(app.childId);
    // A retried request after a lost answer: already done, answer the same.
    if (app.status === 'withdrawn') return { application: await withHistory(repos, app) };
    if (app.status === 'underReview') refuse('INVALID_TRANSITION', '审核已开始，不能撤回。如需修改材料，请等待审核人员发起补正');
    const next = await move(deps, repos, app, 'withdraw', 'parent', ctx.now);
    return { application: await withHistory(repos, next) };
  });
}

/** After 补正 (Q18): every requested item re-uploaded, and nothing else changed. */
export async function resubmit(deps: Deps, ctx: RequestContext, id: string, body: ResubmitRequest): Promise<ApplicationResponse> {
  const account = parentRequest(deps, ctx);
  const bodyHash = sha256hex(canonicalJson({ id, materials: body.materials }));
  return deps.store.transaction(async (repos) => {
    const app = await ownApplication(repos, account, id);
    await repos.children.lock(app.childId);
    if (await replayOrReserve(repos, account, 'resubmit', body.idempotencyKey, bodyHash)) return { application: await withHistory(repos, app) };
    if (app.status !== 'correctionRequested') {
      refuse('INVALID_TRANSITION', `当前办件状态为「${STATUS_INFO[app.status].label}」，只有收到补正通知后才能提交补正材料`);
    }
    const asked = new Set<MaterialCode>(app.correction?.items ?? []);
    const fieldErrors = await fileErrors(repos, account, body.materials, 'materials.');
    for (const code of Object.keys(body.materials) as MaterialCode[]) {
      if (!asked.has(code)) fieldErrors[`materials.${code}`] = '只能重新上传审核人员要求补正的材料';
    }
    for (const code of asked) {
      const before = app.materials[code] ?? [];
      const after = body.materials[code] ?? [];
      if (after.length === 0) fieldErrors[`materials.${code}`] = '请按补正要求重新上传';
      else if (after.every((f) => before.includes(f))) fieldErrors[`materials.${code}`] = '请上传新的图片，不能使用原来的图片';
    }
    refuseFieldErrors(fieldErrors, '请按补正要求重新上传材料');
    const { next, entry } = transitionOf(deps, { ...app, materials: { ...app.materials, ...body.materials } }, 'resubmit', 'parent', ctx.now);
    await repos.applications.update(next, [entry]);
    await repos.idempotency.insert({ accountId: account.id, scope: 'resubmit', key: body.idempotencyKey, bodyHash, resultId: id, createdAt: ctx.now });
    return { application: await withHistory(repos, next) };
  });
}

/** 入学确认 before the deadline; one second late answers DEADLINE_PASSED. */
export async function confirm(deps: Deps, ctx: RequestContext, id: string): Promise<ApplicationResponse> {
  const account = parentRequest(deps, ctx);
  return deps.store.transaction(async (repos) => {
    const app = await ownApplication(repos, account, id);
    await repos.children.lock(app.childId);
    if (app.status === 'confirmed') return { application: await withHistory(repos, app) };
    if (app.status === 'forfeited') {
      const forfeit = (await repos.applications.history(app.id)).find((h) => h.action === 'forfeit');
      if (forfeit) refuse('DEADLINE_PASSED', `入学确认已于 ${formatMonthDayTime(toMs(forfeit.at))} 截止，逾期未确认视为自动放弃`);
    }
    const { next, entry } = transitionOf(deps, app, 'confirm', 'parent', ctx.now);
    const confirmed = { ...next, reportCodeAvailable: true };
    await repos.applications.update(confirmed, [entry]);
    // Confirmed once notices have begun: the next notice run is now, not at the period's start.
    const notices = phasePeriod(calendarOf(deps), 'notice');
    if (notices && toMs(ctx.now) >= toMs(notices.start)) {
      await repos.jobs.schedule({ id: `job-issueNotices-${ctx.now}`, kind: 'issueNotices', key: ctx.now, runAt: ctx.now, payload: {} });
    }
    return { application: await withHistory(repos, confirmed) };
  });
}

export async function lottery(deps: Deps, ctx: RequestContext, id: string): Promise<LotteryOutcome> {
  const account = parentRequest(deps, ctx);
  return deps.store.read(async (repos) => {
    const app = await ownApplication(repos, account, id);
    if (app.nature !== 'private') refuse('NOT_FOUND', '公办学校报名不参加摇号');
    const outcome = await outcomeOf(repos, app);
    if (!outcome) {
      const drawAt = autoDrawAt(deps);
      const at = drawAt ? firstOpenInstant(calendarOf(deps), drawAt) : null;
      refuse('OUTSIDE_WINDOW', `录取结果尚未公布，将于 ${at ? formatMonthDayTime(toMs(at)) : '6月20日'} 前后公布`, at ? { reopensAt: at } : {});
    }
    return outcome;
  });
}
