/**
 * The 2024 reference calendar (SPEC Q8, Q9, Q21, Q22, Q24), as the server publishes it.
 * Pages never import this: they get the calendar from the API. The mock server and tests do.
 */
import type { PhaseDef, YearCalendar } from '@contract/calendar';
import { generateDistrictBatches } from '@/domain/calendar';
import { localIso } from '@/domain/time';

/**
 * The 41 education units of Chongqing in 2024: 38 GB/T 2260 districts and counties plus three
 * functional zones without a code, which get internal "9xxxxx" codes (types/district.ts).
 * The order is the batch order.
 */
export const CQ_EDUCATION_UNITS_2024: ReadonlyArray<{ code: string; name: string; kind: '区' | '县' | '功能区' }> = [
  { code: '500101', name: '万州区', kind: '区' },
  { code: '500102', name: '涪陵区', kind: '区' },
  { code: '500103', name: '渝中区', kind: '区' },
  { code: '500104', name: '大渡口区', kind: '区' },
  { code: '500105', name: '江北区', kind: '区' },
  { code: '500106', name: '沙坪坝区', kind: '区' },
  { code: '500107', name: '九龙坡区', kind: '区' },
  { code: '500108', name: '南岸区', kind: '区' },
  { code: '500109', name: '北碚区', kind: '区' },
  { code: '500110', name: '綦江区', kind: '区' },
  { code: '500111', name: '大足区', kind: '区' },
  { code: '500112', name: '渝北区', kind: '区' },
  { code: '500113', name: '巴南区', kind: '区' },
  { code: '500114', name: '黔江区', kind: '区' },
  { code: '500115', name: '长寿区', kind: '区' },
  { code: '500116', name: '江津区', kind: '区' },
  { code: '500117', name: '合川区', kind: '区' },
  { code: '500118', name: '永川区', kind: '区' },
  { code: '500119', name: '南川区', kind: '区' },
  { code: '500120', name: '璧山区', kind: '区' },
  { code: '500151', name: '铜梁区', kind: '区' },
  { code: '500152', name: '潼南区', kind: '区' },
  { code: '500153', name: '荣昌区', kind: '区' },
  { code: '500154', name: '开州区', kind: '区' },
  { code: '500155', name: '梁平区', kind: '区' },
  { code: '500156', name: '武隆区', kind: '区' },
  { code: '500229', name: '城口县', kind: '县' },
  { code: '500230', name: '丰都县', kind: '县' },
  { code: '500231', name: '垫江县', kind: '县' },
  { code: '500233', name: '忠县', kind: '县' },
  { code: '500235', name: '云阳县', kind: '县' },
  { code: '500236', name: '奉节县', kind: '县' },
  { code: '500237', name: '巫山县', kind: '县' },
  { code: '500238', name: '巫溪县', kind: '县' },
  { code: '500240', name: '石柱土家族自治县', kind: '县' },
  { code: '500241', name: '秀山土家族苗族自治县', kind: '县' },
  { code: '500242', name: '酉阳土家族苗族自治县', kind: '县' },
  { code: '500243', name: '彭水苗族土家族自治县', kind: '县' },
  { code: '900001', name: '两江新区', kind: '功能区' },
  { code: '900002', name: '西部科学城重庆高新区', kind: '功能区' },
  { code: '900003', name: '万盛经开区', kind: '功能区' },
];

export const DISTRICT_CODES_2024: string[] = CQ_EDUCATION_UNITS_2024.map((u) => u.code);

/** "By 7-10" includes 7-10, so the exclusive end is 7-11 00:00 (periods are half-open). */
const PHASES_2024: PhaseDef[] = [
  { id: 'upkeep', name: '子女信息维护', period: { start: localIso('2024-05-07'), end: localIso('2024-06-01') } },
  { id: 'registration', name: '正式网上报名', period: { start: localIso('2024-06-03'), end: localIso('2024-06-30') } },
  { id: 'privateRegistration', name: '民办学校报名', period: { start: localIso('2024-06-17'), end: localIso('2024-06-20') } },
  { id: 'privateLottery', name: '民办学校摇号', period: { start: localIso('2024-06-20'), end: localIso('2024-06-21') } },
  // Admissions (direct or by lottery) are known on 6-20; confirmation closes at 18:00 sharp (Q21).
  { id: 'privateConfirmation', name: '民办学校入学确认', period: { start: localIso('2024-06-20'), end: localIso('2024-06-20', '18:00') } },
  { id: 'publicFallback', name: '公办学校兜底报名', period: { start: localIso('2024-06-21'), end: localIso('2024-06-30') } },
  // Review runs from the first submission; results (and so confirmation) arrive from June on.
  { id: 'review', name: '网上审核', period: { start: localIso('2024-06-03'), end: localIso('2024-07-11') } },
  { id: 'confirmation', name: '入学确认', period: { start: localIso('2024-06-03'), end: localIso('2024-07-16') } },
  // Private admissions confirmed on 6-20 may get notices from 6-21; all notices by 7-20.
  { id: 'notice', name: '电子入学通知书发放', period: { start: localIso('2024-06-21'), end: localIso('2024-07-21') } },
];

/** 2024 public holidays (国务院办公厅 2023-10-25 notice) and make-up working days (调休). */
export const HOLIDAYS_2024 = [
  '2024-01-01',
  '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16', '2024-02-17',
  '2024-04-04', '2024-04-05', '2024-04-06',
  '2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05',
  '2024-06-10',
  '2024-09-15', '2024-09-16', '2024-09-17',
  '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07',
];
export const MAKE_UP_WORKDAYS_2024 = ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'];

export function buildCalendar2024(districtCodes: string[] = DISTRICT_CODES_2024, batches = 4): YearCalendar {
  const upkeep = PHASES_2024[0].period;
  const registration = PHASES_2024[1].period;
  return {
    year: 2024,
    timezone: 'Asia/Shanghai',
    phases: PHASES_2024.map((p) => ({ ...p, period: { ...p.period } })),
    batches: generateDistrictBatches(districtCodes, { upkeep, registration, batches }),
    // Q9 says "5月10日将进行系统维护，无法进行子女信息维护". "系统维护" is of the whole system,
    // and on 5-10 upkeep is the only thing a parent can do anyway, so 'all': the module shows the
    // maintenance page instead of letting a parent start something that then fails.
    maintenanceDays: [{ date: '2024-05-10', scope: 'all', reason: '系统维护，暂停子女信息维护' }],
    // "5月7日至6月29日期间，每日22:00至次日08:00": the evening of 6-29 is one of those days, so
    // the last window is 6-29 22:00 -> 6-30 08:00, which makes registration effectively close at
    // 6-29 22:00. The morning of 5-07 before 08:00 is not covered (no window starts on 5-06).
    nightly: { from: '22:00', to: '08:00', firstDate: '2024-05-07', lastDate: '2024-06-29' },
    holidays: [...HOLIDAYS_2024],
    makeUpWorkdays: [...MAKE_UP_WORKDAYS_2024],
    reviewWorkingDays: 10,
  };
}

export const calendar2024: YearCalendar = buildCalendar2024();
