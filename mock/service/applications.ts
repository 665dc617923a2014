/**
 * Applications (Q18-Q27): idempotent submission with 不可兼报 and the district's windows, withdraw
 * while 待审核, resubmit after 补正, 入学确认 before the deadline; every status change through the
 * domain state machine, so the mock and the pages can never disagree.
 */
import type {
  Application,
  ApplicationResponse,
  ApplicationsResponse,
  LotteryOutcome,
  MaterialCode,
  ResubmitRequest,
  SchoolNature,
  SchoolType,
  Stage,
  StudentSource,
  SubmitApplicationRequest,
  UpkeepInfo,
} from '@contract/api';
import type { PhaseId } from '@contract/calendar';
import { maskName } from '@/domain/masking';
import { applyTransition, canApply, STATUS_INFO } from '@/domain/status';
import { formatMonthDayTime, toMs } from '@/domain/time';
import type { HostIdentity } from '../data/identities';
import { opensAt, ownApplication, ownChild, parentRequest } from './access';
import { calendarOf, nextId, serverNow, type ServiceContext } from './context';
import { autoDrawAt, outcomeOf } from './lottery';
import { checklistFor } from './materials';
import { districtsForYear, schoolsForYear } from './reference';
import { refuse } from './result';
import type { MockState } from './state';
import { upkeepFieldErrors } from './upkeep';
import { verificationFor } from './verification';

const STAGES: Stage[] = ['primary', 'junior'];
const SOURCES: StudentSource[] = ['localHukou', 'migrant', 'disabled', 'specialGroup'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function childApplications(state: MockState, childId: string): Application[] {
  return Object.values(state.applications).filter((a) => a.childId === childId);
}

/** File ids per material code: each must be one of this parent's uploads. */
function materialErrors(state: MockState, identity: HostIdentity, materials: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isObject(materials)) return errors;
  for (const [code, ids] of Object.entries(materials)) {
    const list = Array.isArray(ids) ? ids : [ids];
    if (list.some((id) => typeof id !== 'string' || state.uploads[id]?.identityId !== identity.id)) {
      errors[`materials.${code}`] = '图片已失效，请重新上传';
    }
  }
  return errors;
}

const has = (materials: Partial<Record<MaterialCode, string[]>>, code: MaterialCode) => (materials[code]?.length ?? 0) > 0;

/** The phase whose opening a "not yet open" refusal is about, for reopensAt. */
function windowPhase(nature: SchoolNature, publicFallback: boolean): PhaseId {
  if (nature === 'private') return 'privateRegistration';
  return publicFallback ? 'publicFallback' : 'registration';
}

interface Submission {
  application: Application;
  /** True when the idempotency key had been seen: the first result, answered again. */
  replayed: boolean;
}

export async function submit(ctx: ServiceContext, authorization: string | null, body: Partial<SubmitApplicationRequest>, headerKey: string | null): Promise<Submission> {
  return ctx.store.write((state) => {
    const identity = parentRequest(ctx, state, authorization);
    const key = headerKey ?? body.idempotencyKey;
    if (typeof key !== 'string' || !key) refuse('VALIDATION', '请求缺少幂等键，请刷新后重新提交', { fieldErrors: { idempotencyKey: '缺少幂等键' } });
    const scoped = `${identity.id}:submit:${key}`;
    const seen = state.idempotency[scoped];
    if (seen && state.applications[seen]) return { application: state.applications[seen], replayed: true };

    if (body.notesAccepted !== true) {
      refuse('VALIDATION', '请先阅读申报须知，并勾选“我已阅读以上申报须知，知晓并确认相关内容”', {
        fieldErrors: { notesAccepted: '请勾选“我已阅读以上申报须知，知晓并确认相关内容”' },
      });
    }
    const child = ownChild(state, identity, String(body.childId ?? ''));
    const fieldErrors: Record<string, string> = {};
    const stage = body.stage as Stage;
    if (!STAGES.includes(stage)) fieldErrors.stage = '请选择幼升小或小升初';
    else if (child.eligibleStage !== stage) fieldErrors.childId = child.eligibilityNote ?? `该子女不符合本次${stage === 'primary' ? '幼升小' : '小升初'}的年龄要求`;
    const district = districtsForYear(state.year).find((d) => d.code === body.districtCode);
    if (!district) fieldErrors.districtCode = '请选择当前区域（孩子9月将就读学校所在的区县）';
    const school = schoolsForYear(state.year).find((s) => s.id === body.schoolId);
    if (!school) fieldErrors.schoolId = '请选择学校';
    else if (school.districtCode !== body.districtCode || school.stage !== stage || school.type !== body.schoolType || school.nature !== body.nature) {
      fieldErrors.schoolId = '所选学校与区县、学段或学校类型不符，请重新选择';
    }
    if (!SOURCES.includes(body.source as StudentSource)) fieldErrors.source = '请选择生源类型';
    if (Object.keys(fieldErrors).length > 0 || !school || !district) refuse('VALIDATION', '请按提示修改后再提交', { fieldErrors });

    const now = serverNow(ctx, state);
    const cal = calendarOf(state);
    const nature = school.nature;
    const existing = childApplications(state, child.id);
    // 不可兼报 and the windows (Q21, Q22), as the pages explain them.
    const can = canApply(existing, nature, now, cal, district.code);
    if (!can.ok) {
      const phase = windowPhase(nature, existing.some((a) => a.status === 'lotteryLost' || a.status === 'forfeited'));
      const reopensAt = can.code === 'OUTSIDE_WINDOW' ? opensAt(ctx, state, phase, district.code) : undefined;
      refuse(can.code, can.message, reopensAt ? { reopensAt } : {});
    }

    const materials = (isObject(body.materials) ? body.materials : {}) as Partial<Record<MaterialCode, string[]>>;
    Object.assign(fieldErrors, upkeepFieldErrors(state, identity, body.upkeep, 'upkeep.'), materialErrors(state, identity, materials));
    const checklist = checklistFor(state, identity, { districtCode: district.code, stage, schoolType: school.type, source: body.source as StudentSource }, body.upkeep as UpkeepInfo);
    for (const item of checklist.items) {
      if (item.state === 'required' && !has(materials, item.code) && !fieldErrors[`materials.${item.code}`]) {
        fieldErrors[`materials.${item.code}`] = `请上传${item.name}`;
      }
      if ((materials[item.code]?.length ?? 0) > checklist.maxImagesPerItem) {
        fieldErrors[`materials.${item.code}`] = `${item.name}最多上传${checklist.maxImagesPerItem}张`;
      }
    }
    if (Object.keys(fieldErrors).length > 0) refuse('VALIDATION', '还有信息未填写或材料未上传，请按提示补充后再提交', { fieldErrors });

    // A withdrawn application of the child is submitted again (one 办件, one history), else a new one.
    const withdrawn = existing.filter((a) => a.status === 'withdrawn').sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
    const id = withdrawn?.id ?? nextId(state, 'A');
    const draft: Application = {
      ...(withdrawn ?? {
        id,
        number: `RX${state.year}${district.code}${String(state.sequence).padStart(6, '0')}`,
        status: 'draft',
        history: [{ at: now, from: null, to: 'draft', action: 'create', actor: 'parent' }],
        createdAt: now,
        reportCodeAvailable: false,
      }),
      childId: child.id,
      childNameMasked: maskName(child.realName ?? child.birthCertificateName),
      stage,
      districtCode: district.code,
      nature,
      schoolType: school.type as SchoolType,
      schoolId: school.id,
      schoolName: school.name,
      source: body.source as StudentSource,
      materials,
      upkeep: body.upkeep as UpkeepInfo,
      verification: verificationFor(identity, now),
      publicFallback: can.publicFallback,
      updatedAt: now,
    };
    const r = applyTransition(draft, nature === 'private' ? 'registerPrivate' : 'submit', 'parent', now, cal);
    if (!r.ok) {
      const reopensAt = r.code === 'OUTSIDE_WINDOW' ? opensAt(ctx, state, windowPhase(nature, can.publicFallback), district.code) : undefined;
      refuse(r.code, r.message, reopensAt ? { reopensAt } : {});
    }
    state.applications[id] = r.application;
    state.idempotency[scoped] = id;
    return { application: r.application, replayed: false };
  });
}

export async function list(ctx: ServiceContext, authorization: string | null): Promise<ApplicationsResponse> {
  return ctx.store.read((state) => {
    const identity = parentRequest(ctx, state, authorization);
    const mine = Object.values(state.applications).filter((a) => state.children[a.childId]?.identityId === identity.id);
    return { applications: mine.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1)) };
  });
}

export async function get(ctx: ServiceContext, authorization: string | null, id: string): Promise<ApplicationResponse> {
  return ctx.store.read((state) => ({ application: ownApplication(state, parentRequest(ctx, state, authorization), id) }));
}

/** Q18: only while 待审核 (or a private registration before the list is frozen). */
export async function withdraw(ctx: ServiceContext, authorization: string | null, id: string): Promise<ApplicationResponse> {
  return ctx.store.write((state) => {
    const app = ownApplication(state, parentRequest(ctx, state, authorization), id);
    // A retried request after a lost answer: already done, answer the same.
    if (app.status === 'withdrawn') return { application: app };
    const r = applyTransition(app, 'withdraw', 'parent', serverNow(ctx, state), calendarOf(state));
    if (!r.ok) {
      const message = app.status === 'underReview' ? '审核已开始，不能撤回。如需修改材料，请等待审核人员发起补正' : r.message;
      refuse(r.code, message);
    }
    state.applications[id] = r.application;
    return { application: r.application };
  });
}

/** After 补正 (Q18): every requested item re-uploaded. */
export async function resubmit(ctx: ServiceContext, authorization: string | null, id: string, body: Partial<ResubmitRequest>, headerKey: string | null): Promise<ApplicationResponse & { replayed: boolean }> {
  return ctx.store.write((state) => {
    const identity = parentRequest(ctx, state, authorization);
    const app = ownApplication(state, identity, id);
    const key = headerKey ?? body.idempotencyKey;
    if (typeof key !== 'string' || !key) refuse('VALIDATION', '请求缺少幂等键，请刷新后重新提交', { fieldErrors: { idempotencyKey: '缺少幂等键' } });
    const scoped = `${identity.id}:resubmit:${id}:${key}`;
    if (state.idempotency[scoped]) return { application: app, replayed: true };
    if (app.status !== 'correctionRequested') {
      refuse('INVALID_TRANSITION', `当前办件状态为「${STATUS_INFO[app.status].label}」，只有收到补正通知后才能提交补正材料`);
    }
    const materials = (isObject(body.materials) ? body.materials : {}) as Partial<Record<MaterialCode, string[]>>;
    const fieldErrors = materialErrors(state, identity, materials);
    for (const code of app.correction?.items ?? []) {
      const before = app.materials[code] ?? [];
      const after = materials[code] ?? [];
      if (after.length === 0) fieldErrors[`materials.${code}`] = '请按补正要求重新上传';
      else if (after.every((f) => before.includes(f))) fieldErrors[`materials.${code}`] = '请上传新的图片，不能使用原来的图片';
    }
    if (Object.keys(fieldErrors).length > 0) refuse('VALIDATION', '请按补正要求重新上传材料', { fieldErrors });
    const r = applyTransition({ ...app, materials: { ...app.materials, ...materials } }, 'resubmit', 'parent', serverNow(ctx, state), calendarOf(state));
    if (!r.ok) refuse(r.code, r.message);
    state.applications[id] = r.application;
    state.idempotency[scoped] = id;
    return { application: r.application, replayed: false };
  });
}

/** 入学确认 before the deadline; one second late answers DEADLINE_PASSED. */
export async function confirm(ctx: ServiceContext, authorization: string | null, id: string): Promise<ApplicationResponse> {
  return ctx.store.write((state) => {
    const app = ownApplication(state, parentRequest(ctx, state, authorization), id);
    if (app.status === 'confirmed') return { application: app };
    const forfeit = app.status === 'forfeited' ? app.history.find((h) => h.action === 'forfeit') : undefined;
    if (forfeit) refuse('DEADLINE_PASSED', `入学确认已于 ${formatMonthDayTime(toMs(forfeit.at))} 截止，逾期未确认视为自动放弃`);
    const r = applyTransition(app, 'confirm', 'parent', serverNow(ctx, state), calendarOf(state));
    if (!r.ok) refuse(r.code, r.message);
    const next = { ...r.application, reportCodeAvailable: true };
    state.applications[id] = next;
    return { application: next };
  });
}

export async function lottery(ctx: ServiceContext, authorization: string | null, id: string): Promise<LotteryOutcome> {
  return ctx.store.read((state) => {
    const app = ownApplication(state, parentRequest(ctx, state, authorization), id);
    if (app.nature !== 'private') refuse('NOT_FOUND', '公办学校报名不参加摇号');
    const outcome = outcomeOf(state, app);
    if (!outcome) {
      const at = autoDrawAt(state);
      refuse('OUTSIDE_WINDOW', `录取结果尚未公布，将于 ${at ? formatMonthDayTime(toMs(at)) : '6月20日'} 前后公布`, at ? { reopensAt: at } : {});
    }
    return outcome;
  });
}
