import type { ApplicationStatus } from '@contract/application';
import { APPLICATION_STATUSES } from '@contract/enums';
import { calendar2024 as cal } from '@server/data/calendar2024';
import { firstOpenInstant, formatOpening, maintenanceStatus } from './calendar';
import { type CardApplication, cardSentences, homeCard, leadApplication } from './guidance';
import { addDays, localIso } from './time';

const at = (s: string) => `2024-${s}+08:00`;
/** One district of each batch (2024: 4 batches of the 41 units). */
const B1 = '500101'; // 万州: upkeep 5-07..5-12, registration 6-03..6-08
const YUBEI = '500112'; // 渝北, batch 2: upkeep 5-13..5-18, registration 6-09..6-15
const B3 = '500152'; // 潼南: upkeep 5-19..5-24, registration 6-16..6-22
const B4 = '500236'; // 奉节: upkeep 5-25..5-31, registration 6-23..6-29
const BATCHES = [B1, YUBEI, B3, B4];

const card = (district: string | null, when: string, applications: CardApplication[] | null = null, stage: 'primary' | 'junior' = 'primary') =>
  homeCard({ calendar: cal, stage, districtCode: district, now: at(when), applications });
const text = (c: ReturnType<typeof card>) => [c.title, c.detail, c.deadlineText ?? '', c.nextStep, c.reassurance ?? ''].join(' | ');

const app = (status: ApplicationStatus, over: Partial<CardApplication> = {}): CardApplication => ({
  id: `a-${status}`,
  childId: 'c1',
  childNameMasked: '王*涵',
  schoolName: '渝北区第一实验小学',
  status,
  nature: ['privateRegistered', 'lotteryWon', 'lotteryLost', 'admittedWithoutLottery'].includes(status) ? 'private' : 'public',
  districtCode: YUBEI,
  publicFallback: false,
  updatedAt: at('06-10T09:00:00'),
  ...(status === 'correctionRequested' ? { correction: { reason: '户口簿照片不清晰', items: ['householdRegister'], requestedAt: at('06-11T10:00:00'), dueAt: at('06-14T18:00:00') } } : {}),
  ...(status === 'approved' ? { confirmBy: at('07-16T00:00:00') } : {}),
  ...(status === 'submitted' || status === 'underReview' ? { reviewDueAt: at('06-25T00:00:00') } : {}),
  ...over,
});

describe('firstOpenInstant: the first moment a parent can act', () => {
  it.each([
    ['06-03T00:00:00', '06-03T08:00:00'], // registration opens inside the nightly window
    ['05-13T00:00:00', '05-13T08:00:00'],
    ['06-21T00:00:00', '06-21T08:00:00'],
    ['05-10T00:00:00', '05-11T08:00:00'], // the whole of 5-10 chained with both nights
    ['06-09T10:00:00', '06-09T10:00:00'], // open: unchanged
    ['05-07T00:00:00', '05-07T00:00:00'], // no window starts on the evening of 5-06
    ['07-01T00:00:00', '07-01T00:00:00'], // nightly maintenance ends with 6-29's night
  ])('%s → %s', (from, expected) => {
    expect(firstOpenInstant(cal, at(from))).toBe(at(expected));
  });
  it('formats as parents read it', () => {
    expect(formatOpening(cal, at('06-03T00:00:00'))).toBe('6月3日 08:00');
  });
});

describe('homeCard without an application: the district’s own window', () => {
  it.each<[string, string | null, string, string[]]>([
    // The cases for 渝北区: not the city-wide review or confirmation phases.
    ['渝北 5-20: upkeep over, registration from 6-09 08:00', YUBEI, '05-20T10:00:00', ['正式网上报名尚未开始', '本区县子女信息维护已于5月18日 22:00截止。', '本区县正式网上报名将于 6月9日 08:00 开始。', '请于 6月9日 08:00 后进入「幼升小在线申报」办理。']],
    ['渝北 6-05: registration not yet open', YUBEI, '06-05T10:00:00', ['正式网上报名尚未开始', '6月9日 08:00']],
    ['渝北 5-08: upkeep ahead, from 5-13 08:00', YUBEI, '05-08T10:00:00', ['子女信息维护尚未开始', '本区县子女信息维护将于 5月13日 08:00 开始。']],
    ['渝北 5-14: own upkeep', YUBEI, '05-14T10:00:00', ['子女信息维护进行中', '截止时间：5月18日 22:00', '进入「子女信息维护」完善信息。']],
    ['渝北 6-10: own registration', YUBEI, '06-10T10:00:00', ['正式网上报名进行中', '截止时间：6月15日 22:00', '进入「幼升小在线申报」选择学校并提交报名。', '报名先后不影响录取结果']],
    ['渝北 6-18: private registration (own window closed)', YUBEI, '06-18T10:00:00', ['民办学校报名进行中', '截止时间：6月19日 22:00']],
    ['渝北 7-05: everything to start has closed', YUBEI, '07-05T10:00:00', ['本区县网上报名已结束', '本区县正式网上报名已于6月15日 22:00截止。', '请在「我的申请」查看审核结果，审核通过的须于7月15日（含当日）前完成入学确认']],
    ['batch 1 5-08: upkeep', B1, '05-08T10:00:00', ['子女信息维护进行中', '截止时间：5月12日 22:00']],
    ['batch 1 5-14: registration from 6-03 08:00', B1, '05-14T10:00:00', ['正式网上报名尚未开始', '本区县子女信息维护已于5月12日 22:00截止。', '6月3日 08:00']],
    ['batch 3 6-18: registration with private alongside', B3, '06-18T10:00:00', ['正式网上报名进行中', '民办学校报名同期进行', '截止时间：6月22日 22:00']],
    ['batch 3 6-12: private from 6-17 is not first; own registration 6-16 08:00 is', B3, '06-12T10:00:00', ['正式网上报名尚未开始', '6月16日 08:00']],
    ['batch 4 6-20: registration from 6-23 08:00', B4, '06-20T10:00:00', ['正式网上报名尚未开始', '6月23日 08:00']],
    ['batch 4 6-25: own registration, not the fallback', B4, '06-25T10:00:00', ['正式网上报名进行中', '截止时间：6月29日 22:00']],
    ['batch 1 6-25: fallback explained as for private losers', B1, '06-25T10:00:00', ['本区县网上报名已结束', '未被民办学校录取的，可于6月29日 22:00前报名公办学校（公办兜底）。']],
    ['no district: city-wide, asks to choose', null, '05-20T10:00:00', ['子女信息维护进行中', '请先选择当前区域，查看本区县的办理时间。']],
    ['after the notices', B1, '08-01T10:00:00', ['2024年义务教育招生工作已结束']],
    ['maintenance says when it reopens', YUBEI, '05-10T10:00:00', ['系统维护中', '系统维护中，将于 5月11日 08:00 恢复', '请于 5月11日 08:00 后再来办理。']],
  ])('%s', (_name, district, when, parts) => {
    const t = text(card(district, when));
    for (const p of parts) expect(t).toContain(p);
  });

  it('never headlines review or confirmation for a parent with nothing to review or confirm', () => {
    for (const d of BATCHES) {
      for (let day = '2024-05-01'; day <= '2024-08-01'; day = addDays(day, 1)) {
        const c = homeCard({ calendar: cal, stage: 'primary', districtCode: d, now: localIso(day, '10:00'), applications: [] });
        expect(c.title).not.toMatch(/网上审核|入学确认进行中|电子入学通知书发放/);
      }
    }
  });

  it('the action a parent needs without a district is choosing one', () => {
    expect(card(null, '06-10T10:00:00').action).toEqual({ label: '选择当前区域', target: 'district' });
    expect(card(YUBEI, '06-10T10:00:00').action).toEqual({ label: '幼升小在线申报', target: 'apply' });
    expect(card(YUBEI, '06-10T10:00:00', null, 'junior').nextStep).toContain('「小升初在线申报」');
  });
});

describe('homeCard with an application: what it needs now', () => {
  it.each<[ApplicationStatus, string, string[], string]>([
    ['correctionRequested', '06-12T10:00:00', ['王*涵：请补正报名材料', '审核人员要求补正：户口簿照片不清晰', '截止时间：6月14日 18:00'], '去补正'],
    ['approved', '06-20T10:00:00', ['王*涵：审核通过，请确认入学', '截止时间：7月15日（含当日）'], '去确认入学'],
    ['lotteryWon', '06-20T10:00:00', ['摇号录取，请确认入学', '截止时间：6月20日 18:00', '未确认的视为自动放弃'], '去确认入学'],
    ['admittedWithoutLottery', '06-20T10:00:00', ['直接录取，请确认入学', '6月20日 18:00'], '去确认入学'],
    ['lotteryLost', '06-22T10:00:00', ['未被民办学校录取', '报名公办学校（公办兜底）'], '报名公办学校'],
    ['noticeIssued', '07-18T10:00:00', ['电子入学通知书已发放', '可下载电子入学通知书'], '查看入学通知书'],
    ['privateRegistered', '06-19T10:00:00', ['民办学校已报名，等待录取结果', '6月20日电脑随机摇号'], '查看办件'],
    ['submitted', '06-12T10:00:00', ['报名已提交，等待审核', '可撤回后重新提交'], '查看办件'],
    ['underReview', '06-12T10:00:00', ['报名正在审核'], '查看办件'],
    ['resubmitted', '06-13T10:00:00', ['补正材料已提交，等待复审'], '查看办件'],
    ['withdrawn', '06-12T10:00:00', ['报名已撤回', '可修改材料后重新提交', '截止时间：6月15日 22:00'], '查看办件'],
    ['confirmed', '07-01T10:00:00', ['已确认入学', '电子入学通知书和报到码将于7月20日（含当日）前发放'], '查看办件'],
    ['rejected', '07-01T10:00:00', ['审核未通过', '区县招生咨询电话'], '查看办件'],
    ['checkedIn', '09-01T10:00:00', ['已完成报到'], '查看办件'],
  ])('%s', (status, when, parts, action) => {
    const c = card(YUBEI, when, [app(status)]);
    const t = text(c);
    for (const p of parts) expect(t).toContain(p);
    expect(t).not.toContain('选择学校并提交报名');
    expect(c.action?.label).toBe(action);
    expect(c.applicationId).toBe(`a-${status}`);
  });

  it('a waiting 补正 leads even while registration is open (the issue’s case)', () => {
    const c = card(YUBEI, '06-12T10:00:00', [app('correctionRequested')]);
    expect(c.title).toBe('王*涵：请补正报名材料');
    expect(c.tone).toBe('active');
  });

  it('the most urgent child leads; a child’s live application outweighs its ended ones', () => {
    const second = app('underReview', { id: 'b', childId: 'c2', childNameMasked: '李*', updatedAt: at('06-12T09:00:00') });
    expect(leadApplication([second, app('correctionRequested')])?.id).toBe('a-correctionRequested');
    const lostThenPublic = [app('lotteryLost', { updatedAt: at('06-20T09:00:00') }), app('submitted', { id: 'p', updatedAt: at('06-21T09:00:00') })];
    expect(leadApplication(lostThenPublic)?.id).toBe('p');
  });

  it('a reviewer’s due date is not shown as the parent’s deadline', () => {
    expect(card(YUBEI, '06-12T10:00:00', [app('underReview')]).deadlineText).toBeNull();
  });

  it('during maintenance says when to come back and what is waiting', () => {
    const c = card(YUBEI, '06-12T23:00:00', [app('correctionRequested')]);
    expect(c.tone).toBe('maintenance');
    expect(c.nextStep).toBe('请于 6月13日 08:00 后再来办理：王*涵，请补正报名材料。');
  });
});

describe('homeCard over every phase × district batch × application status', () => {
  const moments: string[] = [];
  for (let day = '2024-05-01'; day <= '2024-07-25'; day = addDays(day, 2)) moments.push(localIso(day, '10:00'), localIso(day, '23:00'));
  moments.push(at('06-20T17:59:00'), at('06-20T18:00:00'), at('08-01T10:00:00'));
  const sets: Array<CardApplication[] | null> = [null, [], ...APPLICATION_STATUSES.map((s) => [app(s)])];
  const cases = BATCHES.flatMap((d) => moments.flatMap((m) => sets.map((apps) => [d, m, apps] as const)));

  it('names no opening or return time inside maintenance', () => {
    const bad: string[] = [];
    for (const [d, m, apps] of cases) {
      const c = homeCard({ calendar: cal, stage: 'primary', districtCode: d, now: m, applications: apps });
      for (const hit of text(c).matchAll(/(\d+)月(\d+)日 (\d{2}:\d{2}) ?(开始|后|起|开放|恢复)/g)) {
        const iso = localIso(`2024-${hit[1].padStart(2, '0')}-${hit[2].padStart(2, '0')}`, hit[3]);
        if (maintenanceStatus(cal, iso).inMaintenance) bad.push(`${d} ${m}: ${hit[0]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('never says a sentence twice on one card', () => {
    const bad: string[] = [];
    for (const [d, m, apps] of cases) {
      const c = homeCard({ calendar: cal, stage: 'primary', districtCode: d, now: m, applications: apps });
      const s = cardSentences(c);
      if (new Set(s).size !== s.length) bad.push(`${d} ${m}: ${s.join(' / ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('with an application, always leads with it (outside maintenance)', () => {
    for (const [d, m, apps] of cases) {
      const c = homeCard({ calendar: cal, stage: 'primary', districtCode: d, now: m, applications: apps });
      if (apps && apps.length > 0 && c.tone !== 'maintenance') expect(c.title.startsWith('王*涵：')).toBe(true);
    }
  });
});
