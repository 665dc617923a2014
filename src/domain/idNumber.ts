/**
 * Identity numbers (SPEC Q13): GB 11643 resident ID, HK/Macau/Taiwan residence permits and
 * foreign permanent resident IDs. Never throws; every refusal names what is wrong in Chinese.
 * Area codes are deliberately not whitelisted: IDs keep the county code of their issue date.
 */

export type IdKind =
  | 'resident' // 居民身份证
  | 'hkMacauTaiwanPermit' // 港澳台居民居住证
  | 'foreignPermanent' // 外国人永久居留身份证 (2017 起, 18 位)
  | 'foreignPermanentOld'; // 外国人永久居留证 (旧版, 3 位字母 + 12 位数字)

export type IdProblem = 'empty' | 'length' | 'firstGeneration' | 'format' | 'birthDate' | 'checksum';

export type IdCheck =
  | {
      ok: true;
      /** Normalised: spaces removed, letters upper-case. */
      value: string;
      kind: IdKind;
      /** YYYY-MM-DD */
      birthDate: string;
      sex: 'male' | 'female';
    }
  | {
      ok: true;
      value: string;
      kind: 'foreignPermanentOld';
      birthDate: string;
      /** The old format carries no sex digit we can rely on. */
      sex: null;
    }
  | { ok: false; problem: IdProblem; message: string };

export const ID_KIND_NAMES: Record<IdKind, string> = {
  resident: '居民身份证',
  hkMacauTaiwanPermit: '港澳台居民居住证',
  foreignPermanent: '外国人永久居留身份证',
  foreignPermanentOld: '外国人永久居留证（旧版）',
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export interface IdCheckOptions {
  /** YYYY-MM-DD; a birth date after it is refused. Pass the server's date; omitted = no future check. */
  today?: string;
}

function fail(problem: IdProblem, message: string): IdCheck {
  return { ok: false, problem, message };
}

export function validateIdNumber(input: unknown, opts: IdCheckOptions = {}): IdCheck {
  if (typeof input !== 'string') return fail('empty', '请输入证件号码');
  // Parents paste numbers with spaces or full-width characters; accept them.
  const value = input
    .replace(/[\s\u3000]/g, '')
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
  if (value === '') return fail('empty', '请输入证件号码');

  if (/^[A-Z]{3}\d{12}$/.test(value)) return checkOldForeign(value, opts);
  if (/^\d{15}$/.test(value)) {
    return fail('firstGeneration', '这是15位的第一代身份证号码，已停止使用，请输入18位居民身份证号码');
  }
  if (value.length !== 18) {
    return fail('length', `证件号码应为18位，您输入了${[...value].length}位`);
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return fail('format', '证件号码前17位应为数字，最后一位为数字或字母X');
  }
  let kind: IdKind;
  if (/^8[123]0000/.test(value)) kind = 'hkMacauTaiwanPermit';
  else if (value[0] === '9') kind = 'foreignPermanent';
  else if (value[0] >= '1' && value[0] <= '8') kind = 'resident';
  else return fail('format', '证件号码前6位地址码不正确');

  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) {
    return fail('birthDate', `证件号码中的出生日期（第7-14位 ${value.slice(6, 14)}）不是有效日期`);
  }
  const birthDate = `${y}-${pad2(m)}-${pad2(d)}`;
  if (opts.today && birthDate > opts.today) {
    return fail('birthDate', '证件号码中的出生日期晚于今天，请核对');
  }
  if (checkChar(value.slice(0, 17)) !== value[17]) {
    return fail('checksum', '证件号码校验位（最后一位）不正确，请逐位核对');
  }
  const sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, kind, birthDate, sex };
}

/**
 * Old foreign permanent resident card: 3-letter nationality, 2-digit issuing place, YYMMDD birth
 * date, 4 more digits. Its check scheme is not public, so only the structure and date are checked.
 * Century: a 2-digit year up to 30 is read as 20xx (the format was issued until 2017).
 */
function checkOldForeign(value: string, opts: IdCheckOptions): IdCheck {
  const yy = Number(value.slice(5, 7));
  const m = Number(value.slice(7, 9));
  const d = Number(value.slice(9, 11));
  const y = yy <= 30 ? 2000 + yy : 1900 + yy;
  if (!isRealDate(y, m, d)) {
    return fail('birthDate', `证件号码中的出生日期（第6-11位 ${value.slice(5, 11)}）不是有效日期`);
  }
  const birthDate = `${y}-${pad2(m)}-${pad2(d)}`;
  if (opts.today && birthDate > opts.today) return fail('birthDate', '证件号码中的出生日期晚于今天，请核对');
  return { ok: true, value, kind: 'foreignPermanentOld', birthDate, sex: null };
}

export interface GenerateIdOptions {
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'male' | 'female';
  /** 6-digit area code, default 500112 (渝北区); 810000/820000/830000 for permits, "9" + 5 digits for foreigners. */
  area?: string;
  /** 0..499: picks the sequence (the sex digit is adjusted). */
  serial?: number;
}

/** A valid 18-character number for tests and mock data. */
export function generateIdNumber(opts: GenerateIdOptions): string {
  const area = opts.area ?? '500112';
  const serial = Math.abs(Math.trunc(opts.serial ?? 0)) % 500;
  const seq = serial * 2 + (opts.sex === 'male' ? 1 : 0);
  const first17 = `${area}${opts.birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  if (!/^\d{17}$/.test(first17)) throw new RangeError('generateIdNumber: bad area or birth date');
  return first17 + checkChar(first17);
}
