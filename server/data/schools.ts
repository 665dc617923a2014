/**
 * Schools per district and stage (Q16, Q20, Q21), generated deterministically from the district.
 *
 * For every district and stage: 2 公办学位紧张 (publicTight), 2 公办非学位紧张 (publicNormal),
 * 1 民转公 (converted, nature 'public') and 2 民办 (private, with a 招生简章). Ids are
 * `${districtCode}-${'P'|'J'}-${n}`, n = 1..7 in that order.
 *
 * FICTITIOUS DATA: names are built from the district name and a list of plausible stems; they may
 * coincide with real schools by accident, but addresses, places, fees and demand are invented.
 */
import type { Stage } from '@contract/calendar';
import type { AdmissionBrochure, District, School, SchoolType } from '@contract/district';
import { codeHash, educationAuthority, unitSeeds2024, unitWord, type UnitSeed } from './districts2024';
import { districts2024 } from './districts2024';
import { districts2026 } from './districts2026';

const seedByCode = new Map(unitSeeds2024.map((s) => [s.code, s] as const));
const seedByName = new Map(unitSeeds2024.map((s) => [s.name, s] as const));

/** The generator seed of a district (by code, else by name, else a neutral default). */
function seedOf(district: District): UnitSeed {
  return (
    seedByCode.get(district.code) ??
    seedByName.get(district.name) ?? {
      code: district.code,
      name: district.name,
      kind: district.kind,
      street: '城南街道',
      road: '人民路',
      phonePrefix: '6000',
      tier: 2,
    }
  );
}

interface StageStems {
  suffix: string;
  classSize: number;
  tightFixed: string;
  normal: string[];
  converted: string[];
  privates: string[];
  roads: string[];
}

const stems: Record<Stage, StageStems> = {
  primary: {
    suffix: '小学校',
    classSize: 45,
    tightFixed: '实验小学校',
    normal: ['人民路小学校', '城南小学校', '桂花小学校', '滨江小学校', '新华小学校', '花园小学校', '朝阳小学校', '育英小学校', '金山小学校', '凤鸣小学校', '玉带小学校', '书院小学校'],
    converted: ['嘉德小学校', '明德小学校', '启航小学校', '英才小学校', '致远小学校'],
    privates: ['博雅实验学校（民办）', '思源实验学校（民办）', '培德小学校（民办）', '启智外国语小学校（民办）', '弘毅实验学校（民办）', '树人小学校（民办）', '睿思学校（民办）', '华英实验小学校（民办）'],
    roads: ['学府路', '文化路', '育才路', '桂花街', '光明路', '书院街', '团结路', '兴隆大道'],
  },
  junior: {
    suffix: '中学校',
    classSize: 50,
    tightFixed: '第一中学校',
    normal: ['第二中学校', '第三中学校', '第五中学校', '第八中学校', '城南中学校', '滨江中学校', '育才中学校', '新华中学校', '朝阳中学校', '凤鸣中学校'],
    converted: ['嘉德中学校', '明德中学校', '启航中学校', '英才中学校', '致远中学校'],
    privates: ['博雅中学校（民办）', '思源外国语学校（民办）', '培德中学校（民办）', '求精实验中学校（民办）', '立德中学校（民办）', '树人中学校（民办）', '华英外国语学校（民办）', '新世纪实验中学校（民办）'],
    roads: ['学院路', '建设路', '新华路', '滨河路', '育英路', '求实路', '南苑路', '明德路'],
  },
};

/** Two distinct picks from a list, driven by a hash. */
function pickTwo(list: string[], h: number): [string, string] {
  const a = h % list.length;
  const b = (a + 1 + ((h >> 3) % (list.length - 1))) % list.length;
  return [list[a], list[b]];
}

/** Which of the two private schools (index 0 or 1) is oversubscribed in this district/stage. */
function oversubscribedIndex(district: District, stage: Stage): 0 | 1 {
  return (codeHash(district.code) + (stage === 'junior' ? 1 : 0)) % 2 === 0 ? 0 : 1;
}

function feesText(seed: UnitSeed, stage: Stage, h: number): string {
  const baseTuition = { 1: 12800, 2: 9600, 3: 6800 }[seed.tier];
  const tuition = baseTuition + (stage === 'junior' ? 1600 : 0) + (h % 5) * 500;
  const boarding = { 1: 1800, 2: 1500, 3: 1200 }[seed.tier] + (h % 3) * 100;
  const meals = { 1: 700, 2: 600, 3: 500 }[seed.tier] + (h % 4) * 20;
  return `学费 每生每学期 ${tuition} 元，住宿费 每生每学期 ${boarding} 元（自愿住宿），伙食费 每生每月约 ${meals} 元（按实收取，学期末多退少补）；收费标准已按规定向${seed.name}价格主管部门备案，除上述项目外不收取其他费用。`;
}

function brochureOf(seed: UnitSeed, stage: Stage, year: number, classes: number, h: number): AdmissionBrochure {
  const size = stems[stage].classSize;
  const places = classes * size;
  const grade = stage === 'primary' ? '一年级' : '七年级';
  const authority = educationAuthority(seed);
  const lotteryDay = year === 2024 ? '6月20日' : '市教委公布的摇号日';
  const w = unitWord(seed);
  const conditions =
    stage === 'primary'
      ? [`${year - 6}年8月31日前年满6周岁（${year - 7}年9月1日至${year - 6}年8月31日出生）的适龄儿童。`]
      : [`${year}年应届小学毕业生，具有正式小学学籍，小学六年级在读。`];
  conditions.push(
    `本人或父母（法定监护人）户籍在${seed.name}，或父母一方持居住地在${seed.name}的有效居住证并在本${w}务工、经商。`,
    '认同学校办学理念，家长承诺遵守学校各项管理规定，按时足额缴纳相关费用。',
  );
  if (h % 2 === 0) conditions.push('选择住宿的学生须具备基本生活自理能力，并由家长在入学确认时一并申请。');
  return {
    plan: `${year}年秋季计划招收${grade}新生 ${classes} 个班，每班 ${size} 人，共 ${places} 人，面向${seed.name}招生。报名人数小于或等于招生计划数的，全部录取；报名人数超过招生计划数的，由${authority}于${lotteryDay}统一组织电脑随机摇号录取，摇号全程公证并网络直播。`,
    conditions,
    fees: feesText(seed, stage, h),
    places,
  };
}

/** The seven schools of one district and stage. */
function stageSchools(district: District, stage: Stage, year: number): School[] {
  const seed = seedOf(district);
  const st = stems[stage];
  const h = codeHash(district.code + stage);
  const streetStem = seed.street.replace(/街道$/, '');
  const prefix = `重庆市${district.name}`;
  const tightNames =
    stage === 'primary' ? [`${streetStem}${st.suffix}`, st.tightFixed] : [st.tightFixed, `${streetStem}${st.suffix}`];
  const normalNames = pickTwo(st.normal, h);
  const convertedName = st.converted[h % st.converted.length];
  const privateNames = pickTwo(st.privates, h >> 2);
  const tierScale = { 1: 1, 2: 0.8, 3: 0.6 }[seed.tier];
  const classes = (min: number, spread: number, i: number) =>
    Math.max(2, Math.round((min + ((h >> i) % spread)) * tierScale));

  const rows: { name: string; type: SchoolType; classes: number }[] = [
    { name: tightNames[0], type: 'publicTight', classes: classes(stage === 'primary' ? 8 : 12, 5, 0) },
    { name: tightNames[1], type: 'publicTight', classes: classes(stage === 'primary' ? 8 : 12, 5, 1) },
    { name: normalNames[0], type: 'publicNormal', classes: classes(stage === 'primary' ? 4 : 6, 5, 2) },
    { name: normalNames[1], type: 'publicNormal', classes: classes(stage === 'primary' ? 4 : 6, 5, 3) },
    { name: convertedName, type: 'converted', classes: classes(4, 3, 4) },
    { name: privateNames[0], type: 'private', classes: 2 + ((h >> 5) % 3) },
    { name: privateNames[1], type: 'private', classes: 2 + ((h >> 6) % 3) },
  ];

  return rows.map((row, i) => {
    const n = i + 1;
    const road = i < 2 ? seed.road : st.roads[(h + i) % st.roads.length];
    const school: School = {
      id: `${district.code}-${stage === 'primary' ? 'P' : 'J'}-${n}`,
      districtCode: district.code,
      name: `${prefix}${row.name}`,
      stage,
      nature: row.type === 'private' ? 'private' : 'public',
      type: row.type,
      address: `${prefix}${seed.street}${road}${((h >> i) % 150) + 3 + i * 11}号`,
      places: row.classes * st.classSize,
    };
    if (row.type === 'private') {
      school.brochure = brochureOf(seed, stage, year, row.classes, h + i);
    }
    return school;
  });
}

/** All schools of a district, primary first, then junior. Deterministic. */
export function schoolsFor(district: District, year = 2024): School[] {
  return [...stageSchools(district, 'primary', year), ...stageSchools(district, 'junior', year)];
}

export const allSchools2024: School[] = districts2024.flatMap((d) => schoolsFor(d, 2024));
export const allSchools2026: School[] = districts2026.flatMap((d) => schoolsFor(d, 2026));

export const schoolsByYear: Record<number, School[]> = {
  2024: allSchools2024,
  2026: allSchools2026,
};

/** Synthetic competing applicants of one private school (besides the app's own applications). */
function demandOf(school: School, district: District): number {
  const siblings = schoolsFor(district).filter((s) => s.stage === school.stage && s.type === 'private');
  const index = siblings.findIndex((s) => s.id === school.id);
  const h = codeHash(school.id);
  if (index === oversubscribedIndex(district, school.stage)) {
    // 2.0x .. 3.4x the places: a lottery is needed.
    return Math.round(school.places * (2 + (h % 15) / 10));
  }
  // 0.55x .. 0.84x the places: everyone is admitted directly.
  return Math.round(school.places * (0.55 + (h % 30) / 100));
}

/**
 * Competing applicants per private school id (2024 and 2026 lists): in every district and stage
 * exactly one private school is oversubscribed (demand > places) and the other is not.
 */
export const privateDemand: Record<string, number> = Object.fromEntries(
  [...districts2024, ...districts2026].flatMap((d) =>
    schoolsFor(d)
      .filter((s) => s.type === 'private')
      .map((s) => [s.id, demandOf(s, d)] as const),
  ),
);
