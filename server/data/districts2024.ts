/**
 * The 41 education units (区县 + 功能区) that ran their own compulsory-education enrolment in 2024,
 * in the order of /work/shared/data/cq-education-units-2024.tsv.
 *
 * FICTITIOUS DATA: every phone number, address and office hour below is invented for the mock
 * server. They look plausible (Chongqing 023 numbers, real street names) but are NOT the real
 * consultation lines or service halls of any education commission. Never ship them to production.
 *
 * The policy texts are generated from one template (summarising Q1, Q2, Q16, Q21, Q22, Q28 of the
 * education commission's "30 questions") and varied per district, so that every district reads
 * differently without 4000 hand-written lines.
 */
import type { District, OfflinePoint } from '@contract/district';

/** One row of the seed table: the facts the generators below build a District from. */
export interface UnitSeed {
  code: string;
  name: string;
  kind: District['kind'];
  /** A street (街道) of the unit's urban core, used for addresses and school names. */
  street: string;
  /** A road in that street, used for the education authority's address. */
  road: string;
  /** First four digits of the (fictitious) 8-digit local number; distinct per unit. */
  phonePrefix: string;
  /** 1 = main urban area, 2 = suburban district, 3 = county / mountain area (fees, places). */
  tier: 1 | 2 | 3;
  /** Code whose hash fixes the phones and addresses, when a unit keeps an older unit's contacts. */
  contactCode?: string;
}

export const unitSeeds2024: UnitSeed[] = [
  { code: '500101', name: '万州区', kind: '区', street: '牌楼街道', road: '白岩路', phonePrefix: '5881', tier: 2 },
  { code: '500102', name: '涪陵区', kind: '区', street: '敦仁街道', road: '兴华中路', phonePrefix: '7222', tier: 2 },
  { code: '500103', name: '渝中区', kind: '区', street: '解放碑街道', road: '民族路', phonePrefix: '6386', tier: 1 },
  { code: '500104', name: '大渡口区', kind: '区', street: '春晖路街道', road: '松青路', phonePrefix: '6889', tier: 1 },
  { code: '500105', name: '江北区', kind: '区', street: '观音桥街道', road: '建新北路', phonePrefix: '6785', tier: 1 },
  { code: '500106', name: '沙坪坝区', kind: '区', street: '小龙坎街道', road: '天星桥正街', phonePrefix: '6530', tier: 1 },
  { code: '500107', name: '九龙坡区', kind: '区', street: '杨家坪街道', road: '西郊路', phonePrefix: '6878', tier: 1 },
  { code: '500108', name: '南岸区', kind: '区', street: '南坪街道', road: '江南大道', phonePrefix: '6280', tier: 1 },
  { code: '500109', name: '北碚区', kind: '区', street: '天生街道', road: '天生路', phonePrefix: '6831', tier: 1 },
  { code: '500110', name: '綦江区', kind: '区', street: '古南街道', road: '沿河路', phonePrefix: '4867', tier: 2 },
  { code: '500111', name: '大足区', kind: '区', street: '龙岗街道', road: '五星大道', phonePrefix: '4372', tier: 2 },
  { code: '500112', name: '渝北区', kind: '区', street: '龙溪街道', road: '金龙路', phonePrefix: '6781', tier: 1 },
  { code: '500113', name: '巴南区', kind: '区', street: '鱼洞街道', road: '龙洲大道', phonePrefix: '6621', tier: 1 },
  { code: '500114', name: '黔江区', kind: '区', street: '城东街道', road: '解放路', phonePrefix: '7922', tier: 3 },
  { code: '500115', name: '长寿区', kind: '区', street: '凤城街道', road: '桃花大道', phonePrefix: '4024', tier: 2 },
  { code: '500116', name: '江津区', kind: '区', street: '几江街道', road: '鼎山大道', phonePrefix: '4752', tier: 2 },
  { code: '500117', name: '合川区', kind: '区', street: '合阳城街道', road: '南园路', phonePrefix: '4275', tier: 2 },
  { code: '500118', name: '永川区', kind: '区', street: '中山路街道', road: '人民大道', phonePrefix: '4985', tier: 2 },
  { code: '500119', name: '南川区', kind: '区', street: '东城街道', road: '南城路', phonePrefix: '7142', tier: 3 },
  { code: '500120', name: '璧山区', kind: '区', street: '璧城街道', road: '双星大道', phonePrefix: '4142', tier: 2 },
  { code: '500151', name: '铜梁区', kind: '区', street: '巴川街道', road: '龙都大道', phonePrefix: '4564', tier: 2 },
  { code: '500152', name: '潼南区', kind: '区', street: '梓潼街道', road: '兴潼大道', phonePrefix: '4455', tier: 3 },
  { code: '500153', name: '荣昌区', kind: '区', street: '昌元街道', road: '海棠大道', phonePrefix: '4677', tier: 2 },
  { code: '500154', name: '开州区', kind: '区', street: '汉丰街道', road: '开州大道', phonePrefix: '5222', tier: 3 },
  { code: '500155', name: '梁平区', kind: '区', street: '梁山街道', road: '人民路', phonePrefix: '5322', tier: 3 },
  { code: '500156', name: '武隆区', kind: '区', street: '凤山街道', road: '芙蓉中路', phonePrefix: '7770', tier: 3 },
  { code: '500229', name: '城口县', kind: '县', street: '葛城街道', road: '北大街', phonePrefix: '5922', tier: 3 },
  { code: '500230', name: '丰都县', kind: '县', street: '三合街道', road: '平都大道', phonePrefix: '7060', tier: 3 },
  { code: '500231', name: '垫江县', kind: '县', street: '桂溪街道', road: '牡丹大道', phonePrefix: '7451', tier: 3 },
  { code: '500233', name: '忠县', kind: '县', street: '忠州街道', road: '巴王路', phonePrefix: '5448', tier: 3 },
  { code: '500235', name: '云阳县', kind: '县', street: '双江街道', road: '滨江大道', phonePrefix: '5515', tier: 3 },
  { code: '500236', name: '奉节县', kind: '县', street: '永安街道', road: '诗城西路', phonePrefix: '5655', tier: 3 },
  { code: '500237', name: '巫山县', kind: '县', street: '高唐街道', road: '广东西路', phonePrefix: '5768', tier: 3 },
  { code: '500238', name: '巫溪县', kind: '县', street: '柏杨街道', road: '马镇坝大道', phonePrefix: '5152', tier: 3 },
  { code: '500240', name: '石柱土家族自治县', kind: '县', street: '南宾街道', road: '万寿大道', phonePrefix: '7332', tier: 3 },
  { code: '500241', name: '秀山土家族苗族自治县', kind: '县', street: '中和街道', road: '渝秀大道', phonePrefix: '7666', tier: 3 },
  { code: '500242', name: '酉阳土家族苗族自治县', kind: '县', street: '桃花源街道', road: '桃花源大道', phonePrefix: '7555', tier: 3 },
  { code: '500243', name: '彭水苗族土家族自治县', kind: '县', street: '汉葭街道', road: '滨江路', phonePrefix: '7844', tier: 3 },
  { code: '900001', name: '两江新区', kind: '功能区', street: '人和街道', road: '星光大道', phonePrefix: '6755', tier: 1 },
  { code: '900002', name: '西部科学城重庆高新区', kind: '功能区', street: '西永街道', road: '大学城南路', phonePrefix: '6560', tier: 1 },
  { code: '900003', name: '万盛经开区', kind: '功能区', street: '万盛街道', road: '子如路', phonePrefix: '4827', tier: 3 },
];

/** Who runs enrolment in a unit (functional zones have no 教育委员会 of their own). */
export function educationAuthority(seed: UnitSeed): string {
  switch (seed.name) {
    case '两江新区':
      return '两江新区社会发展局';
    case '西部科学城重庆高新区':
      return '重庆高新区公共服务局';
    case '万盛经开区':
      return '万盛经开区教育局';
    default:
      return `${seed.name}教育委员会`;
  }
}

/** Small deterministic hash of a code, for choosing variants. */
export function codeHash(code: string): number {
  let h = 7;
  for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) % 100003;
  return h;
}

function contactHash(seed: UnitSeed): number {
  return codeHash(seed.contactCode ?? seed.code);
}

/** '区' or '县': how a unit refers to itself in running text ("本区", "全县"). */
export function unitWord(seed: Pick<UnitSeed, 'kind'>): string {
  return seed.kind === '县' ? '县' : '区';
}

/** The (fictitious) consultation phone of a unit. */
export function consultationPhoneOf(seed: UnitSeed): string {
  return `023-${seed.phonePrefix}${String(1000 + (contactHash(seed) % 9000)).padStart(4, '0')}`;
}

const HOURS = '工作日 9:00-12:00, 14:00-17:30';

/** 1–2 offline registration points (Q28): the authority's service hall, plus a street office for most units. */
export function offlinePointsOf(seed: UnitSeed): OfflinePoint[] {
  const h = contactHash(seed);
  const hall: OfflinePoint = {
    name: `${educationAuthority(seed)}政务服务大厅（招生咨询窗口）`,
    address: `重庆市${seed.name}${seed.street}${seed.road}${(h % 180) + 8}号`,
    hours: HOURS,
    phone: `023-${seed.phonePrefix}${String(1000 + ((h * 7) % 9000)).padStart(4, '0')}`,
  };
  if (h % 3 === 0) return [hall];
  const office: OfflinePoint = {
    name: `${seed.street}便民服务中心入学报名服务点`,
    address: `重庆市${seed.name}${seed.street}${seed.road}${(h % 60) + 201}号一楼`,
    hours: HOURS,
    phone: `023-${seed.phonePrefix}${String(1000 + ((h * 13) % 9000)).padStart(4, '0')}`,
  };
  return [hall, office];
}

/** A sentence about the school zones (学校服务范围), varied per unit. */
function zoneSentence(seed: UnitSeed, year: number): string {
  const h = codeHash(seed.code);
  const w = unitWord(seed);
  const stem = seed.street.replace(/街道$/, '');
  switch (h % 3) {
    case 0:
      return `${year}年全${w}共划定小学服务范围 ${12 + (h % 40)} 个、初中服务范围 ${6 + (h % 17)} 个，各校服务范围已在学校微信公众号和“政策查看”中同步公布。`;
    case 1:
      return `${seed.name}学校服务范围以街道（镇）社区为基本单元划定，${seed.street}等城区学位紧张学校按户籍迁入时间和房产取得时间先后安排入学，服务范围内学位不足时由${educationAuthority(seed)}统筹调剂到就近学校。`;
    default:
      return `今年${seed.name}服务范围总体保持稳定，仅因${stem}片区新建学校投用作局部调整，调整涉及的小区名单已在“政策查看”中列明，请家长逐项核对。`;
  }
}

/**
 * 政策查看 (Q2): six paragraphs of the unit's admission policy summary for a year.
 * `extra` sentences (functional-zone scope, boundary changes) are appended to the first paragraph.
 */
export function policyOf(seed: UnitSeed, year: number, extra: string[] = []): string[] {
  const h = codeHash(seed.code);
  const w = unitWord(seed);
  const authority = educationAuthority(seed);
  const months = h % 2 === 0 ? 6 : 12;
  const paragraphs = [
    `${year}年，${seed.name}义务教育阶段学校招生坚持“免试、就近、公平”原则，公办学校实行“划片招生、就近入学”。全${w}符合条件的适龄儿童少年统一通过“渝快办”“入学一件事”报名系统网上报名、网上审核、网上录取。${extra.join('')}`,
    `本区县户籍适龄儿童少年实行“三对口”入学：儿童少年本人户籍、父母（或其他法定监护人）户籍、父母（或其他法定监护人）合法房产三者一致，且在同一学校服务范围内的，由服务范围内的公办学校安排入学。${zoneSentence(seed, year)}`,
    `进城务工人员随迁子女，父母一方持有居住地在${seed.name}的有效《重庆市居住证》，并在本${w}连续缴纳社会保险满 ${months} 个月（或持有本${w}核发的营业执照、稳定务工证明）的，由${authority}统筹安排到公办学校就读，同等享受免费义务教育。`,
    `适龄残疾儿童少年坚持“一人一案”，由${seed.name}残疾儿童少年入学评估委员会进行评估，根据评估意见安排随班就读、特殊教育学校就读或送教上门；残疾儿童少年及军人子女、烈士子女、引进人才子女等特殊群体可通过报名系统“绿色通道”报名。`,
    `民办义务教育学校与公办学校同步招生。报名人数小于或等于招生计划数的，直接全部录取；报名人数超过招生计划数的，由${authority}统一组织电脑随机摇号。公办、民办学校只能选择一所，不可兼报；未被民办学校录取的学生回到公办录取体系，由公办学校兜底安排，确保适龄儿童少年“应入尽入”。`,
    `请家长按${seed.name}分批次安排的时间登录系统填报，报名先后不影响录取结果，请错峰操作。无法网上报名的家庭，可前往${authority}政务服务大厅或拟就读学校线下报名点，由工作人员协助完成报名；招生咨询电话 ${consultationPhoneOf(seed)}。`,
  ];
  return paragraphs;
}

/** Extra sentence for the functional zones, which enrol only within the area they administer. */
function functionalZoneSentence(seed: UnitSeed): string[] {
  if (seed.kind !== '功能区') return [];
  return [
    `${seed.name}招生范围为其直管区域内的街道（镇），学生户籍和房产不在直管区域的，请按所在行政区县的招生政策报名，并在系统中选择对应区县。`,
  ];
}

/** Build one District from its seed for a year; `extra` sentences go into the first policy paragraph. */
export function buildDistrict(seed: UnitSeed, year: number, extra: string[] = []): District {
  return {
    code: seed.code,
    name: seed.name,
    kind: seed.kind,
    consultationPhone: consultationPhoneOf(seed),
    policy: policyOf(seed, year, [...functionalZoneSentence(seed), ...extra]),
    offlinePoints: offlinePointsOf(seed),
  };
}

export const districts2024: District[] = unitSeeds2024.map((seed) => buildDistrict(seed, 2024));
