/**
 * The home page's phase card (SPEC Q8, Q9, Q19–Q27): one rule deciding what a parent is told on
 * arrival. It follows the parent's district (its own upkeep and registration batch, never the
 * city-wide period) and, when the parent has applications, leads with what one of them needs now
 * (补正, 入学确认, a lottery result, a notice ready…). Every time it names is a moment the parent can
 * act (firstOpenInstant), and no sentence is said twice on one card.
 */
import type { Application, ApplicationStatus } from '@contract/application';
import type { PhaseId, Stage, YearCalendar } from '@contract/calendar';
import type { HomeCard as WireHomeCard, HomeCardTarget } from '@contract/home';
import { formatOpening, maintenanceStatus, type MaintenanceStatus, nextClosing, nextOpening, periodContains, phaseDeadline, phaseName, phasePeriod } from './calendar';
import { isLive, nextAction } from './status';
import { STAGE_APPLY_ENTRY, STATUS_INFO } from './labels';
import { type Instant, formatMonthDay, formatMonthDayTime, toIso, toMs } from './time';

export const REASSURANCE = '报名先后不影响录取结果，请错峰办理。';

export type { HomeCardTarget };

/** The card as the server sends it (types/home.ts), with the maintenance state it was judged in. */
export interface HomeCard extends WireHomeCard {
  maintenance: MaintenanceStatus;
}

export type CardApplication = Pick<
  Application,
  'id' | 'childId' | 'childNameMasked' | 'schoolName' | 'status' | 'nature' | 'districtCode' | 'publicFallback' | 'correction' | 'confirmBy' | 'reviewDueAt' | 'updatedAt'
>;

export interface HomeCardInput {
  calendar: YearCalendar;
  stage: Stage;
  districtCode: string | null | undefined;
  now: Instant;
  /** The parent's applications; null when unknown (not logged in, or not loaded). */
  applications?: ReadonlyArray<CardApplication> | null;
}

// ---------------------------------------------------------------- the application a card leads with

/** Lower is more urgent: the parent's own actions with a deadline first, then news, then waiting. */
const URGENCY: Record<ApplicationStatus, number> = {
  correctionRequested: 0,
  lotteryWon: 1,
  admittedWithoutLottery: 1,
  approved: 2,
  lotteryLost: 3,
  forfeited: 3,
  noticeIssued: 4,
  draft: 5,
  withdrawn: 6,
  privateRegistered: 7,
  resubmitted: 8,
  underReview: 8,
  submitted: 8,
  confirmed: 9,
  rejected: 10,
  checkedIn: 11,
};

const LEAD_TITLE: Record<ApplicationStatus, string> = {
  draft: '报名尚未提交',
  submitted: '报名已提交，等待审核',
  withdrawn: '报名已撤回',
  underReview: '报名正在审核',
  correctionRequested: '请补正报名材料',
  resubmitted: '补正材料已提交，等待复审',
  approved: '审核通过，请确认入学',
  rejected: '审核未通过',
  privateRegistered: '民办学校已报名，等待录取结果',
  lotteryWon: '摇号录取，请确认入学',
  admittedWithoutLottery: '直接录取，请确认入学',
  lotteryLost: '未被民办学校录取',
  forfeited: '逾期未确认，视为放弃',
  confirmed: '已确认入学',
  noticeIssued: '电子入学通知书已发放',
  checkedIn: '已完成报到',
};

/** Per child, the application that tells its story: the live one, else the latest. */
function currentPerChild(apps: ReadonlyArray<CardApplication>): CardApplication[] {
  const byChild = new Map<string, CardApplication>();
  for (const a of apps) {
    const seen = byChild.get(a.childId);
    const better = !seen || (isLive(a.status) && !isLive(seen.status)) || (isLive(a.status) === isLive(seen.status) && toMs(a.updatedAt) > toMs(seen.updatedAt));
    if (better) byChild.set(a.childId, a);
  }
  return [...byChild.values()];
}

export function leadApplication(apps: ReadonlyArray<CardApplication>): CardApplication | null {
  const current = currentPerChild(apps);
  current.sort((a, b) => URGENCY[a.status] - URGENCY[b.status] || toMs(b.updatedAt) - toMs(a.updatedAt));
  return current[0] ?? null;
}

function actionFor(app: CardApplication, parentActs: boolean): HomeCard['action'] {
  switch (app.status) {
    case 'correctionRequested':
      return { label: '去补正', target: 'application' };
    case 'approved':
    case 'lotteryWon':
    case 'admittedWithoutLottery':
      return parentActs ? { label: '去确认入学', target: 'application' } : { label: '查看办件', target: 'application' };
    case 'lotteryLost':
    case 'forfeited':
      return parentActs ? { label: '报名公办学校', target: 'apply' } : { label: '查看办件', target: 'application' };
    case 'noticeIssued':
      return { label: '查看入学通知书', target: 'notice' };
    default:
      return { label: '查看办件', target: 'application' };
  }
}

function applicationCard(cal: YearCalendar, app: CardApplication, now: Instant, maintenance: MaintenanceStatus): HomeCard {
  const next = nextAction(app, now, cal);
  const parentActs = next.who === 'parent';
  const school = app.schoolName ? `（${app.schoolName}）` : '';
  return {
    phase: null,
    title: `${app.childNameMasked}：${LEAD_TITLE[app.status]}`,
    detail: `办件状态：${STATUS_INFO[app.status].label}${school}。`,
    nextStep: `${next.text}。`.replace(/。。$/, '。'),
    // Only the parent's own deadlines: a reviewer's due date is not the parent's to meet.
    deadline: parentActs ? next.deadline : null,
    deadlineText: parentActs && next.deadlineText ? `截止时间：${next.deadlineText}` : null,
    maintenance,
    reassurance: null,
    tone: parentActs ? 'active' : app.status === 'rejected' || app.status === 'checkedIn' ? 'closed' : 'waiting',
    applicationId: app.id,
    action: actionFor(app, parentActs),
  };
}

// ---------------------------------------------------------------- the phase, for the district

/** The windows in which a parent without an application can start something, most important first. */
const STARTABLE: PhaseId[] = ['registration', 'privateRegistration', 'upkeep'];

function phaseCard(cal: YearCalendar, stage: Stage, districtCode: string | null | undefined, now: Instant, maintenance: MaintenanceStatus): HomeCard {
  const entry = STAGE_APPLY_ENTRY[stage];
  const t = toMs(now);
  const where = districtCode ? '本区县' : '全市';
  const base = { maintenance, applicationId: null };
  const period = (id: PhaseId) => phasePeriod(cal, id, districtCode);
  const opening = (id: PhaseId) => formatOpening(cal, period(id)!.start, id === 'upkeep' ? 'upkeep' : 'general');
  const deadlineOf = (id: PhaseId) => phaseDeadline(cal, id, districtCode)!;
  const chooseDistrict = districtCode ? '' : '请先选择当前区域，查看本区县的办理时间。';

  // Without a district its public batch is unknown; the city-wide private window is certain.
  const order: PhaseId[] = districtCode ? STARTABLE : ['privateRegistration', 'registration', 'upkeep'];
  const open = order.filter((id) => period(id) && periodContains(period(id)!, now));
  const headline = open[0];
  if (headline) {
    const dl = deadlineOf(headline);
    const privateToo = headline === 'registration' && open.includes('privateRegistration');
    const detail: Record<string, string> = {
      registration: `${where}正式网上报名已开放${privateToo ? '，民办学校报名同期进行' : ''}，公办、民办只能选择其一。`,
      privateRegistration: '民办学校报名已开放，有意愿就读民办学校的，请先阅读学校招生简章（招生计划、条件、收费）；公办、民办只能选择其一。',
      upkeep: `${where}子女信息维护已开放：请提前维护子女的户籍、居住地址、房产和监护人联系方式，报名时可一键引用。`,
    };
    const nextStep: Record<string, string> = {
      registration: `进入「${entry}」选择学校并提交报名。`,
      privateRegistration: `进入「${entry}」选择民办学校报名。`,
      upkeep: '进入「子女信息维护」完善信息。',
    };
    return {
      ...base,
      phase: headline,
      title: `${phaseName(cal, headline)}进行中`,
      detail: detail[headline],
      nextStep: `${chooseDistrict}${nextStep[headline]}`,
      deadline: dl.effectiveEnd,
      deadlineText: `截止时间：${dl.text}`,
      reassurance: headline === 'upkeep' ? null : REASSURANCE,
      tone: 'active',
      action: !districtCode ? { label: '选择当前区域', target: 'district' } : headline === 'upkeep' ? { label: '子女信息维护', target: 'upkeep' } : { label: entry, target: 'apply' },
    };
  }

  // Nothing to start now: the next window ahead, saying what has just closed.
  const ahead = STARTABLE.filter((id) => period(id) && t < toMs(period(id)!.start)).sort((a, b) => toMs(period(a)!.start) - toMs(period(b)!.start));
  const closedUpkeep = period('upkeep') && t >= toMs(period('upkeep')!.end) ? `${where}子女信息维护已于${deadlineOf('upkeep').text}截止。` : '';
  const next = ahead[0];
  if (next) {
    const opens = opening(next);
    const name = phaseName(cal, next);
    const scope = next === 'privateRegistration' ? '全市' : where;
    return {
      ...base,
      phase: null,
      title: `${name}尚未开始`,
      detail: `${closedUpkeep}${scope}${name}将于 ${opens} 开始。`,
      nextStep: `${chooseDistrict}${next === 'upkeep' ? '请准备好户口簿、房产等材料，届时进行子女信息维护。' : `请于 ${opens} 后进入「${entry}」办理。`}`,
      deadline: null,
      deadlineText: null,
      reassurance: REASSURANCE,
      tone: 'waiting',
      action: districtCode ? null : { label: '选择当前区域', target: 'district' },
    };
  }

  // Every window to start something has closed; results and notices may still be under way.
  const fb = phasePeriod(cal, 'publicFallback');
  const notice = phasePeriod(cal, 'notice');
  if (notice && t < toMs(notice.end)) {
    const reg = deadlineOf('registration');
    const fallback =
      fb && t < toMs(fb.end)
        ? `未被民办学校录取的，可于${t < toMs(fb.start) ? `${formatMonthDay(toMs(fb.start))}至${phaseDeadline(cal, 'publicFallback')!.text}` : `${phaseDeadline(cal, 'publicFallback')!.text}前`}报名公办学校（公办兜底）。`
        : '';
    const confirm = phaseDeadline(cal, 'confirmation');
    return {
      ...base,
      phase: null,
      title: `${where}网上报名已结束`,
      detail: `${where}正式网上报名已于${reg.text}截止。${fallback}`,
      nextStep: `已报名的，请在「我的申请」查看审核结果${confirm ? `，审核通过的须于${confirm.text}前完成入学确认` : ''}。未报名的，请拨打区县招生咨询电话。`,
      deadline: null,
      deadlineText: null,
      reassurance: null,
      tone: 'closed',
      action: null,
    };
  }
  return {
    ...base,
    phase: null,
    title: `${cal.year}年义务教育招生工作已结束`,
    detail: '如有疑问，请拨打区县招生咨询电话。',
    nextStep: '可在「我的申请」查看办件结果，在「我的子女」查看报到码。',
    deadline: null,
    deadlineText: null,
    reassurance: null,
    tone: 'closed',
    action: null,
  };
}

/**
 * What the home card says at `now`: maintenance (and when it reopens) first; then what the parent's
 * most urgent application needs; otherwise the district's phase (its own window), what comes next
 * and when, or that it is over. Pure text the page renders as is.
 */
export function homeCard({ calendar: cal, stage, districtCode, now, applications }: HomeCardInput): HomeCard {
  const maintenance = maintenanceStatus(cal, now);
  const lead = applications ? leadApplication(applications) : null;
  if (maintenance.inMaintenance) {
    const reopens = formatMonthDayTime(toMs(maintenance.reopensAt));
    return {
      phase: null,
      title: '系统维护中',
      detail: maintenance.message,
      nextStep: lead ? `请于 ${reopens} 后再来办理：${lead.childNameMasked}，${LEAD_TITLE[lead.status]}。` : `请于 ${reopens} 后再来办理。`,
      deadline: null,
      deadlineText: null,
      maintenance,
      reassurance: REASSURANCE,
      tone: 'maintenance',
      applicationId: lead?.id ?? null,
      action: null,
    };
  }
  if (lead) return applicationCard(cal, lead, now, maintenance);
  return phaseCard(cal, stage, districtCode, now, maintenance);
}

/** The card's sentences in reading order (for the "never twice" check and for screen readers). */
export function cardSentences(card: HomeCard): string[] {
  return [card.title, card.detail, card.deadlineText ?? '', card.nextStep, card.reassurance ?? '']
    .join('。')
    .split(/[。；]/)
    .map((s) => s.trim())
    .filter(Boolean);
}


/** The longest a shown card goes unchecked: what time alone cannot foresee (a review decided, nightly maintenance beginning). */
export const CARD_MAX_AGE_MS = 10 * 60_000;

/**
 * When the card may next change by time alone: the district's next window opening or closing, the
 * card's own deadline, the end of the maintenance it reports; at the latest CARD_MAX_AGE_MS from now.
 */
export function cardRefreshAt(cal: YearCalendar, districtCode: string | null | undefined, now: Instant, card: HomeCard): Instant {
  const t = toMs(now);
  const edges = [nextOpening(cal, districtCode, now)?.at, nextClosing(cal, districtCode, now)?.at, card.deadline, card.maintenance.inMaintenance ? card.maintenance.reopensAt : null];
  const ahead = edges.filter((at): at is Instant => !!at).map(toMs).filter((ms) => ms > t);
  return toIso(Math.min(t + CARD_MAX_AGE_MS, ...ahead));
}
