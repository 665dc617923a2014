/**
 * The application lifecycle (SPEC Q18-Q27): every status, every transition with who may make it
 * and when, 不可兼报 (one live application per child), and the parent's next step.
 * The mock server enforces exactly these rules and pages explain them, so they cannot disagree.
 * Maintenance is not checked here: the server gates every request with calendar.maintenanceStatus.
 */
import { ACTORS, APPLICATION_ACTIONS } from '@contract/enums';
import type { Actor, Application, ApplicationAction, ApplicationStatus, HistoryEntry } from '@contract/application';
import type { Period, PhaseId, YearCalendar } from '@contract/calendar';
import type { SchoolNature } from '@contract/district';
import { effectiveEnd, formatOpening, phaseDeadline, phasePeriod, reviewDueAt } from './calendar';
import { type Instant, formatDeadline, formatMonthDay, toMs } from './time';

import { ACTION_LABELS, ACTOR_NAMES, STATUS_INFO } from './labels';

export { STATUS_INFO, ACTION_LABELS, ACTOR_NAMES, type Tone } from './labels';
export { APPLICATION_STATUSES as ALL_STATUSES } from '@contract/enums';
export const ALL_ACTIONS = APPLICATION_ACTIONS;
export const ALL_ACTORS = ACTORS;

/** What a transition needs to know about an application. */
export interface TransitionSubject {
  status: ApplicationStatus;
  nature: SchoolNature;
  districtCode: string;
  publicFallback?: boolean;
  correction?: { dueAt?: string };
  confirmBy?: string;
}

export type RefusalCode = 'INVALID_TRANSITION' | 'DEADLINE_PASSED' | 'OUTSIDE_WINDOW' | 'FORBIDDEN';
export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
}
export type TransitionResult = { ok: true; status: ApplicationStatus; entry: HistoryEntry } | Refusal;

type Check = (s: TransitionSubject, now: number, cal: YearCalendar) => Refusal | null;

export interface TransitionRule {
  from: ApplicationStatus;
  action: ApplicationAction;
  to: ApplicationStatus;
  actors: Actor[];
  /** Only for this school nature; absent = both. */
  nature?: SchoolNature;
  /** Chinese: the calendar condition, for documentation and admin screens. */
  when: string;
  check?: Check;
}

const refuse = (code: RefusalCode, message: string): Refusal => ({ ok: false, code, message });

/** start <= now < end, with "not yet" and "too late" told apart. */
function inWindow(p: Period | null, name: string, now: number, cal: YearCalendar): Refusal | null {
  if (!p) return refuse('OUTSIDE_WINDOW', `${name}未开放`);
  if (now < toMs(p.start)) return refuse('OUTSIDE_WINDOW', `${name}尚未开始，开放时间为 ${formatOpening(cal, p.start)} 起`);
  if (now >= toMs(p.end)) return refuse('DEADLINE_PASSED', `${name}已于 ${formatDeadline(effectiveEnd(cal, p.end))} 截止`);
  return null;
}

/** Public registration: the district's batch; a 公办兜底 application also has 6-21..6-29 (Q22). */
const publicWindow: Check = (s, now, cal) => {
  const own = inWindow(phasePeriod(cal, 'registration', s.districtCode), '本区县正式网上报名', now, cal);
  if (!own || !s.publicFallback) return own;
  return inWindow(phasePeriod(cal, 'publicFallback'), '公办学校兜底报名', now, cal);
};
const privateWindow: Check = (_s, now, cal) => inWindow(phasePeriod(cal, 'privateRegistration'), '民办学校报名', now, cal);
const privateWithdrawWindow: Check = (_s, now, cal) => {
  const r = privateWindow(_s, now, cal);
  return r && r.code === 'DEADLINE_PASSED' ? refuse('DEADLINE_PASSED', '民办学校报名已截止，报名名单已锁定，不能撤回') : r;
};
/** Draw results between the close of private registration and the confirmation deadline. */
const drawWindow: Check = (_s, now, cal) => {
  const reg = phasePeriod(cal, 'privateRegistration');
  const conf = phasePeriod(cal, 'privateConfirmation');
  if (!reg || !conf) return refuse('OUTSIDE_WINDOW', '民办学校摇号未安排');
  if (now < toMs(reg.end)) return refuse('OUTSIDE_WINDOW', '民办学校报名截止后才能公布录取结果');
  if (now >= toMs(conf.end)) return refuse('DEADLINE_PASSED', '民办学校录取结果须在入学确认截止前公布');
  return null;
};
function confirmDeadline(s: TransitionSubject, cal: YearCalendar): string | null {
  if (s.status === 'lotteryWon' || s.status === 'admittedWithoutLottery') return phasePeriod(cal, 'privateConfirmation')?.end ?? null;
  return s.confirmBy ?? phasePeriod(cal, 'confirmation')?.end ?? null;
}
const beforeConfirmDeadline: Check = (s, now, cal) => {
  const d = confirmDeadline(s, cal);
  if (d && now >= toMs(d)) return refuse('DEADLINE_PASSED', `入学确认已于 ${formatDeadline(d)} 截止，逾期未确认视为自动放弃`);
  return null;
};
const afterConfirmDeadline: Check = (s, now, cal) => {
  const d = confirmDeadline(s, cal);
  if (!d || now < toMs(d)) return refuse('OUTSIDE_WINDOW', `入学确认截止时间${d ? `（${formatDeadline(d)}）` : ''}未到，不能视为放弃`);
  return null;
};
const beforeCorrectionDue: Check = (s, now) => {
  const due = s.correction?.dueAt;
  if (due && now >= toMs(due)) return refuse('DEADLINE_PASSED', `补正已于 ${formatDeadline(due)} 截止，请联系区县招生咨询电话`);
  return null;
};

const R = (from: ApplicationStatus, action: ApplicationAction, to: ApplicationStatus, actors: Actor[], when: string, check?: Check, nature?: SchoolNature): TransitionRule => ({
  from, action, to, actors, when, check, nature,
});

export const TRANSITIONS: TransitionRule[] = [
  R('draft', 'submit', 'submitted', ['parent'], '本区县报名批次内；公办兜底报名另可在6月21日至6月29日', publicWindow, 'public'),
  R('withdrawn', 'submit', 'submitted', ['parent'], '撤回后修改材料，报名时间内重新提交', publicWindow, 'public'),
  R('submitted', 'withdraw', 'withdrawn', ['parent'], '仅待审核时可撤回'),
  R('draft', 'registerPrivate', 'privateRegistered', ['parent'], '民办学校报名期间（6月17日至6月19日）', privateWindow, 'private'),
  R('withdrawn', 'registerPrivate', 'privateRegistered', ['parent'], '民办学校报名期间（6月17日至6月19日）', privateWindow, 'private'),
  R('privateRegistered', 'withdraw', 'withdrawn', ['parent'], '民办学校报名截止前（名单锁定前）', privateWithdrawWindow),
  R('submitted', 'startReview', 'underReview', ['reviewer', 'system'], '提交后'),
  R('resubmitted', 'startReview', 'underReview', ['reviewer', 'system'], '补正后复审'),
  R('underReview', 'requestCorrection', 'correctionRequested', ['reviewer'], '审核中发现材料有误'),
  R('resubmitted', 'requestCorrection', 'correctionRequested', ['reviewer'], '复审仍有问题'),
  R('correctionRequested', 'resubmit', 'resubmitted', ['parent'], '补正截止前', beforeCorrectionDue),
  R('underReview', 'approve', 'approved', ['reviewer'], '审核中'),
  R('resubmitted', 'approve', 'approved', ['reviewer'], '复审'),
  R('underReview', 'reject', 'rejected', ['reviewer'], '审核中'),
  R('resubmitted', 'reject', 'rejected', ['reviewer'], '复审'),
  R('privateRegistered', 'drawWon', 'lotteryWon', ['system'], '民办报名截止后、6月20日18:00前', drawWindow),
  R('privateRegistered', 'drawLost', 'lotteryLost', ['system'], '民办报名截止后、6月20日18:00前', drawWindow),
  R('privateRegistered', 'admitWithoutLottery', 'admittedWithoutLottery', ['system'], '报名人数不超过招生计划，民办报名截止后', drawWindow),
  R('lotteryWon', 'confirm', 'confirmed', ['parent'], '6月20日18:00前', beforeConfirmDeadline),
  R('admittedWithoutLottery', 'confirm', 'confirmed', ['parent'], '6月20日18:00前', beforeConfirmDeadline),
  R('lotteryWon', 'forfeit', 'forfeited', ['system'], '6月20日18:00起未确认', afterConfirmDeadline),
  R('admittedWithoutLottery', 'forfeit', 'forfeited', ['system'], '6月20日18:00起未确认', afterConfirmDeadline),
  R('approved', 'confirm', 'confirmed', ['parent'], '入学确认截止前（7月15日）', beforeConfirmDeadline),
  R('approved', 'forfeit', 'forfeited', ['system'], '入学确认截止后未确认', afterConfirmDeadline),
  R('confirmed', 'issueNotice', 'noticeIssued', ['system', 'reviewer'], '确认入学后'),
  R('noticeIssued', 'checkIn', 'checkedIn', ['teacher'], '9月报到时扫描报到码'),
];

/** The actions that can ever leave `status` (for buttons and admin tools). */
export function actionsFrom(status: ApplicationStatus, actor?: Actor): ApplicationAction[] {
  return [...new Set(TRANSITIONS.filter((r) => r.from === status && (!actor || r.actors.includes(actor))).map((r) => r.action))];
}

/**
 * Applies `action` by `actor` at `now`. Never throws for any (status, action, actor): either the
 * new status with its history entry, or a typed refusal with a Chinese message.
 * Order of refusals: no such transition, wrong actor, then the calendar.
 */
export function transition(
  s: TransitionSubject,
  action: ApplicationAction,
  actor: Actor,
  now: Instant,
  cal: YearCalendar,
  note?: string,
): TransitionResult {
  const label = STATUS_INFO[s.status]?.label ?? String(s.status);
  const actionLabel = ACTION_LABELS[action] ?? String(action);
  const candidates = TRANSITIONS.filter((r) => r.from === s.status && r.action === action);
  if (candidates.length === 0) return refuse('INVALID_TRANSITION', `当前办件状态为「${label}」，不能${actionLabel}`);
  const rule = candidates.find((r) => !r.nature || r.nature === s.nature);
  if (!rule) {
    return refuse('INVALID_TRANSITION', s.nature === 'private' ? '民办学校请在民办学校报名期间报名' : '公办学校请通过正式网上报名提交');
  }
  if (!rule.actors.includes(actor)) return refuse('FORBIDDEN', `${ACTOR_NAMES[actor] ?? '该用户'}不能${actionLabel}`);
  let t: number;
  try {
    t = toMs(now);
  } catch {
    return refuse('INVALID_TRANSITION', '时间无效');
  }
  const r = rule.check?.(s, t, cal);
  if (r) return r;
  const entry: HistoryEntry = { at: now, from: s.status, to: rule.to, action, actor };
  if (note) entry.note = note;
  return { ok: true, status: rule.to, entry };
}

/**
 * transition() on a whole Application: appends history and fills the derived dates
 * (submittedAt and reviewDueAt on submission, confirmBy on approval or private admission).
 */
export function applyTransition(
  app: Application,
  action: ApplicationAction,
  actor: Actor,
  now: Instant,
  cal: YearCalendar,
  note?: string,
): { ok: true; application: Application } | Refusal {
  const r = transition(app, action, actor, now, cal, note);
  if (!r.ok) return r;
  const seq = app.history.reduce((max, h) => Math.max(max, h.seq), 0) + 1;
  const next: Application = { ...app, status: r.status, history: [...app.history, { ...r.entry, seq }], updatedAt: now };
  if (action === 'submit' || action === 'registerPrivate') {
    next.submittedAt = now;
    if (action === 'submit') next.reviewDueAt = reviewDueAt(cal, now);
  }
  if (action === 'approve') next.confirmBy = phasePeriod(cal, 'confirmation')?.end;
  if (r.status === 'lotteryWon' || r.status === 'admittedWithoutLottery') next.confirmBy = phasePeriod(cal, 'privateConfirmation')?.end;
  if (action === 'resubmit') next.correction = undefined;
  return { ok: true, application: next };
}

// ---------------------------------------------------------------- 不可兼报

/** Statuses that hold the child's one application (Q21). Drafts, withdrawn and ended ones do not. */
export const liveStatuses: ReadonlySet<ApplicationStatus> = new Set<ApplicationStatus>([
  'submitted',
  'underReview',
  'correctionRequested',
  'resubmitted',
  'approved',
  'privateRegistered',
  'lotteryWon',
  'admittedWithoutLottery',
  'confirmed',
  'noticeIssued',
  'checkedIn',
]);

export function isLive(status: ApplicationStatus): boolean {
  return liveStatuses.has(status);
}

export type CanApply =
  | { ok: true; publicFallback: boolean }
  | { ok: false; code: 'CONFLICT' | 'OUTSIDE_WINDOW' | 'DEADLINE_PASSED'; message: string };

/**
 * Whether a child may start an application of `nature` now (Q21, Q22). `existing` are the
 * child's applications; `districtCode` picks the district's batch window (city-wide if omitted).
 */
export function canApply(
  existing: ReadonlyArray<Pick<Application, 'status' | 'nature'> & Partial<Pick<Application, 'schoolName'>>>,
  nature: SchoolNature,
  now: Instant,
  cal: YearCalendar,
  districtCode?: string,
): CanApply {
  const live = existing.find((a) => isLive(a.status));
  if (live) {
    const what = `${live.nature === 'private' ? '民办' : '公办'}${live.schoolName ? `·${live.schoolName}` : ''}（${STATUS_INFO[live.status].label}）`;
    return { ok: false, code: 'CONFLICT', message: `该子女已有进行中的报名：${what}。公办、民办学校只能选择其一，不可兼报` };
  }
  const t = toMs(now);
  if (nature === 'private') {
    if (existing.some((a) => a.nature === 'private' && (a.status === 'lotteryLost' || a.status === 'forfeited'))) {
      return { ok: false, code: 'CONFLICT', message: '该子女已参加过民办学校招生，不能再次报名民办学校；可报名公办学校' };
    }
    const r = inWindow(phasePeriod(cal, 'privateRegistration'), '民办学校报名', t, cal);
    return r ? { ok: false, code: r.code as 'OUTSIDE_WINDOW' | 'DEADLINE_PASSED', message: r.message } : { ok: true, publicFallback: false };
  }
  const lostPrivate = existing.some((a) => a.nature === 'private' && (a.status === 'lotteryLost' || a.status === 'forfeited'));
  if (lostPrivate) {
    const fb = inWindow(phasePeriod(cal, 'publicFallback'), '公办学校兜底报名', t, cal);
    if (!fb) return { ok: true, publicFallback: true };
    const own = inWindow(phasePeriod(cal, 'registration', districtCode), '本区县正式网上报名', t, cal);
    if (!own) return { ok: true, publicFallback: true };
    return { ok: false, code: fb.code as 'OUTSIDE_WINDOW' | 'DEADLINE_PASSED', message: fb.message };
  }
  const r = inWindow(phasePeriod(cal, 'registration', districtCode), '本区县正式网上报名', t, cal);
  return r ? { ok: false, code: r.code as 'OUTSIDE_WINDOW' | 'DEADLINE_PASSED', message: r.message } : { ok: true, publicFallback: false };
}

// ---------------------------------------------------------------- next step

export interface NextAction {
  /** Chinese: what happens next, for 办件详情. */
  text: string;
  /** Who acts next. */
  who: Actor | 'none';
  /** The parent's action, when the parent acts next. */
  action: ApplicationAction | null;
  deadline: Instant | null;
  /** e.g. "6月20日 18:00" */
  deadlineText: string | null;
}

function dl(cal: YearCalendar, phase: PhaseId, districtCode?: string): { deadline: string; deadlineText: string } | null {
  const d = phaseDeadline(cal, phase, districtCode);
  return d ? { deadline: d.effectiveEnd, deadlineText: d.text } : null;
}

const at = (iso: string | undefined) => (iso ? { deadline: iso, deadlineText: formatDeadline(iso) } : { deadline: null, deadlineText: null });

export function nextAction(
  app: Pick<Application, 'status' | 'nature' | 'districtCode' | 'publicFallback' | 'correction' | 'confirmBy' | 'reviewDueAt'>,
  now: Instant,
  cal: YearCalendar,
): NextAction {
  const none = { deadline: null, deadlineText: null };
  const regPhase: PhaseId = app.publicFallback ? 'publicFallback' : 'registration';
  const reg = dl(cal, regPhase, app.districtCode) ?? none;
  const passed = (d: string | null) => d !== null && toMs(now) >= toMs(d);
  switch (app.status) {
    case 'draft':
      if (app.nature === 'private') {
        const p = dl(cal, 'privateRegistration') ?? none;
        return { text: `请阅读招生简章和申报须知，勾选确认后提交民办学校报名，截止时间${p.deadlineText}`, who: 'parent', action: 'registerPrivate', ...p };
      }
      return { text: `请阅读申报须知，勾选"我已阅读以上申报须知，知晓并确认相关内容"后确认提交，截止时间${reg.deadlineText}`, who: 'parent', action: 'submit', ...reg };
    case 'submitted':
      return { text: '等待审核。审核开始前如需修改材料，可撤回后重新提交', who: 'reviewer', action: null, ...at(app.reviewDueAt) };
    case 'withdrawn':
      if (passed(reg.deadline)) return { text: '已撤回，报名时间已截止，如有需要请联系区县招生咨询电话', who: 'none', action: null, ...none };
      return { text: `已撤回。可修改材料后重新提交，截止时间${reg.deadlineText}`, who: 'parent', action: app.nature === 'private' ? 'registerPrivate' : 'submit', ...reg };
    case 'underReview':
      return { text: '正在审核，请留意审核结果和补正通知', who: 'reviewer', action: null, ...at(app.reviewDueAt) };
    case 'correctionRequested':
      return {
        text: `审核人员要求补正：${app.correction?.reason ?? '请按要求重新上传材料'}。请重新上传后提交`,
        who: 'parent',
        action: 'resubmit',
        ...at(app.correction?.dueAt),
      };
    case 'resubmitted':
      return { text: '补正材料已提交，等待复审', who: 'reviewer', action: null, ...at(app.reviewDueAt) };
    case 'approved': {
      const d = at(app.confirmBy ?? phasePeriod(cal, 'confirmation')?.end);
      // After the deadline, until the forfeit job has run: what has happened, not "wait".
      if (passed(d.deadline)) return { text: `入学确认已于${d.deadlineText}截止，逾期未确认视为放弃该学位。如有疑问，请拨打区县招生咨询电话`, who: 'none', action: null, ...d };
      return { text: `审核通过，请在${d.deadlineText}前完成入学确认，逾期未确认视为放弃该学位`, who: 'parent', action: 'confirm', ...d };
    }
    case 'rejected':
      return { text: '审核未通过。如有疑问，请拨打区县招生咨询电话', who: 'none', action: null, ...none };
    case 'privateRegistered':
      return { text: '已报名，等待录取结果：报名人数不超过招生计划的直接录取，超过的于6月20日电脑随机摇号', who: 'system', action: null, ...none };
    case 'lotteryWon':
    case 'admittedWithoutLottery': {
      const d = at(phasePeriod(cal, 'privateConfirmation')?.end);
      if (passed(d.deadline)) return { text: `入学确认已于${d.deadlineText}截止，未确认的视为自动放弃民办学校学位`, who: 'none', action: null, ...d };
      return { text: `已被民办学校录取，请在${d.deadlineText}前完成入学确认，未确认的视为自动放弃`, who: 'parent', action: 'confirm', ...d };
    }
    case 'lotteryLost':
    case 'forfeited': {
      if (app.nature !== 'private') {
        const by = app.confirmBy ?? phasePeriod(cal, 'confirmation')?.end;
        return { text: `未在${by ? formatDeadline(by) : '截止时间'}前完成入学确认，视为放弃该学位。如有疑问，请拨打区县招生咨询电话`, who: 'none', action: null, ...none };
      }
      const fb = dl(cal, 'publicFallback') ?? none;
      if (passed(fb.deadline)) return { text: '公办学校兜底报名已截止，请拨打区县招生咨询电话', who: 'none', action: null, ...none };
      const head = app.status === 'lotteryLost' ? '未被民办学校录取' : '逾期未确认，视为放弃民办学校学位';
      const period = phasePeriod(cal, 'publicFallback');
      const window = period ? `${formatMonthDay(toMs(period.start))}至${fb.deadlineText}` : `${fb.deadlineText}前`;
      return { text: `${head}。请于${window}报名公办学校（公办兜底）`, who: 'parent', action: 'submit', ...fb };
    }
    case 'confirmed': {
      const d = dl(cal, 'notice') ?? none;
      return { text: `已确认入学，电子入学通知书和报到码将于${d.deadlineText ?? '7月20日'}前发放`, who: 'system', action: null, ...d };
    }
    case 'noticeIssued':
      return { text: '可下载电子入学通知书；9月报到时请出示「我的子女」中的报到码', who: 'teacher', action: null, ...none };
    case 'checkedIn':
      return { text: '已完成报到', who: 'none', action: null, ...none };
  }
}
