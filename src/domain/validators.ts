/**
 * Field validators for what parents type (SPEC Q13, Q15, Q11). Each returns
 * { ok: true, value: normalised } or { ok: false, message: Chinese }, and never throws.
 */
import { PROPERTY_KIND_NAMES } from './labels';
import { countyOf } from './regions';

export type FieldCheck = { ok: true; value: string } | { ok: false; message: string };

const fail = (message: string): FieldCheck => ({ ok: false, message });
const str = (x: unknown): string => (typeof x === 'string' ? x : '');

/** Full-width ASCII (Ａ１) to half-width: parents type on Chinese keyboards. */
function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

// ---------------------------------------------------------------- 不动产单元号 (GB/T 37346-2019)

/** 宗地（宗海）特征码 second letter: the kind of right on the parcel. */
export const PARCEL_TYPES: Record<string, string> = {
  A: '集体土地所有权宗地',
  B: '建设用地使用权宗地（地表）',
  S: '建设用地使用权宗地（地上）',
  X: '建设用地使用权宗地（地下）',
  C: '宅基地使用权宗地',
  D: '土地承包经营权宗地（耕地）',
  E: '土地承包经营权宗地（林地）',
  F: '土地承包经营权宗地（草地）',
  H: '海域使用权宗海',
  G: '无居民海岛使用权',
  W: '使用权未确定或有争议的土地、海域',
  Y: '其他使用权宗地',
};
export const OWNERSHIP_TYPES: Record<string, string> = { G: '国家土地所有权', J: '集体土地所有权', Z: '土地所有权未确定或有争议' };
export const FIXTURE_TYPES: Record<string, string> = { F: '房屋等建筑物、构筑物', L: '森林、林木', Q: '其他定着物', W: '无定着物' };

/**
 * Where a parent finds the unit number. The host app's name comes from the caller (the module's
 * runtime config on the client; the server knows no host and passes none), so the text names only
 * the host the module runs in.
 */
export function unitNumberHint(hostName = ''): string {
  return hostName ? `不动产单元号可在${hostName}「我的 → 不动产 → 我的不动产」中查看，也印在不动产权证书上` : '不动产单元号印在不动产权证书上';
}

/** What a parent whose property is outside Chongqing should do instead (no Chongqing property to register). */
const OUTSIDE_CHONGQING = (code: string) =>
  `第1-6位"${code}"表示该房产不在重庆市，不能作为在重庆入学的房产信息。请在“房产情况”中选择“${PROPERTY_KIND_NAMES.rented}”或“${PROPERTY_KIND_NAMES.none}”，并按区县要求上传租房合同或无房证明`;

export interface UnitNumberParts {
  county: string;
  cadastralDistrict: string;
  cadastralSubDistrict: string;
  ownership: string;
  parcelType: string;
  parcelNumber: string;
  fixtureType: string;
  fixtureUnit: string;
}

export type UnitNumberCheck = { ok: true; value: string; parts: UnitNumberParts } | { ok: false; message: string };

/**
 * 28 characters: county (6 digits) + 地籍区 (3) + 地籍子区 (3) + 宗地特征码 (G/J/Z + type letter)
 * + 宗地顺序号 (5) + 定着物特征码 (F/L/Q/W) + 定着物单元编号 (8). The county must be one of
 * Chongqing's (regions.ts): a made-up code (999999) is refused, and a property outside Chongqing is
 * explained rather than accepted, since it cannot support enrolment here. It need not match the
 * chosen district: a family may own a home in another Chongqing district.
 */
export function validateUnitNumber(input: unknown, hostName = ''): UnitNumberCheck {
  const v = halfWidth(str(input)).replace(/[\s-]/g, '').toUpperCase();
  if (v === '') return { ok: false, message: `请输入28位不动产单元号。${unitNumberHint(hostName)}` };
  const len = Array.from(v).length;
  if (len !== 28) return { ok: false, message: `不动产单元号应为28位，您输入了${len}位` };
  const seg = (from: number, to: number) => v.slice(from, to);
  if (!/^\d{6}$/.test(seg(0, 6))) return { ok: false, message: '第1-6位应为县级行政区划代码（6位数字）' };
  const county = countyOf(seg(0, 6));
  if (county === 'unknown') return { ok: false, message: `第1-6位"${seg(0, 6)}"不是重庆市的区县代码，请对照不动产权证书重新核对不动产单元号` };
  if (county === 'outsideChongqing') return { ok: false, message: OUTSIDE_CHONGQING(seg(0, 6)) };
  if (!/^\d{3}$/.test(seg(6, 9))) return { ok: false, message: '第7-9位应为地籍区代码（3位数字）' };
  if (!/^\d{3}$/.test(seg(9, 12))) return { ok: false, message: '第10-12位应为地籍子区代码（3位数字）' };
  if (!OWNERSHIP_TYPES[v[12]]) return { ok: false, message: '第13位应为土地所有权类型 G（国家）、J（集体）或 Z（未确定）' };
  if (!PARCEL_TYPES[v[13]]) return { ok: false, message: `第14位宗地类型代码"${v[13]}"不正确，应为 ${Object.keys(PARCEL_TYPES).join('、')} 之一` };
  if (!/^\d{5}$/.test(seg(14, 19))) return { ok: false, message: '第15-19位应为宗地顺序号（5位数字）' };
  if (!FIXTURE_TYPES[v[19]]) return { ok: false, message: '第20位应为定着物类型 F（房屋）、L（林木）、Q（其他）或 W（无定着物）' };
  if (!/^\d{8}$/.test(seg(20, 28))) return { ok: false, message: '第21-28位应为定着物单元编号（8位数字）' };
  if (v[19] === 'W' && seg(20, 28) !== '00000000') return { ok: false, message: '无定着物（W）时，第21-28位应为00000000' };
  return {
    ok: true,
    value: v,
    parts: {
      county: seg(0, 6),
      cadastralDistrict: seg(6, 9),
      cadastralSubDistrict: seg(9, 12),
      ownership: v[12],
      parcelType: v[13],
      parcelNumber: seg(14, 19),
      fixtureType: v[19],
      fixtureUnit: seg(20, 28),
    },
  };
}

// ---------------------------------------------------------------- mobile phone

/** Mainland mobile: 1[3-9] + 9 digits; spaces, dashes and a +86 prefix are accepted. */
export function validatePhone(input: unknown): FieldCheck {
  let v = halfWidth(str(input)).replace(/[\s\-()（）]/g, '');
  if (v === '') return fail('请输入手机号码');
  v = v.replace(/^(\+86|0086)/, '');
  if (!/^\d+$/.test(v)) return fail('手机号码只能包含数字');
  if (v.length !== 11) return fail(`手机号码应为11位，您输入了${v.length}位`);
  if (!/^1[3-9]\d{9}$/.test(v)) return fail('手机号码格式不正确，应以13至19开头');
  return { ok: true, value: v };
}

// ---------------------------------------------------------------- names

/** Han ideographs including rare extension blocks (A-H), compatibility ideographs and 〇. */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x323af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f) ||
    cp === 0x3007
  );
}

/** Look-alike separators people type for the middle dot of minority and foreign names. */
const DOTS = /[\u2022\u2027\u30FB\uFF65\u22C5\u2219\uFF0E\u00B7.]/g;

/** 2-20 characters of Han and the middle dot (阿依古丽·买买提); rare characters count once. */
export function validateName(input: unknown): FieldCheck {
  const v = str(input).replace(/[\s\u3000]/g, '').replace(DOTS, '·');
  if (v === '') return fail('请输入姓名');
  const cps = Array.from(v);
  if (cps.length < 2) return fail('姓名至少2个字');
  if (cps.length > 20) return fail('姓名不能超过20个字');
  for (const ch of cps) {
    if (ch !== '·' && !isHan(ch.codePointAt(0)!)) return fail(`姓名中不能包含"${ch}"，请填写证件上的中文姓名（少数民族姓名可用"·"分隔）`);
  }
  if (v.startsWith('·') || v.endsWith('·') || v.includes('··')) return fail('姓名中的"·"只能用在两个字之间');
  return { ok: true, value: v };
}

// ---------------------------------------------------------------- addresses

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200B-\u200F\u202A-\u202E\u2066-\u2069]/;
const TAG = /<\/?[a-zA-Z!][^>]*>/;

/** 5-120 characters, some Chinese, no control characters or markup. */
export function validateAddress(input: unknown): FieldCheck {
  const raw = str(input);
  if (CONTROL.test(raw.replace(/[\r\n\t]/g, ' '))) return fail('地址中包含无法识别的字符，请重新输入');
  const v = raw.replace(/\s+/g, ' ').trim();
  if (v === '') return fail('请输入地址');
  if (TAG.test(v) || /[<>]/.test(v)) return fail('地址中不能包含"<"">"等符号');
  const n = Array.from(v).length;
  if (n < 5) return fail('地址太短，请填写到门牌号');
  if (n > 120) return fail('地址不能超过120个字');
  if (!Array.from(v).some((ch) => isHan(ch.codePointAt(0)!))) return fail('请用中文填写地址，例如：重庆市渝北区龙溪街道金龙路88号');
  return { ok: true, value: v };
}
