/**
 * Chongqing's county-level administrative codes (GB/T 2260), the facts the 不动产单元号 rule needs
 * (SPEC Q15: the first 6 digits are the county of the property). Checked against the reference
 * lists in server/data (cq-admin-units-2026.tsv, cq-education-units-2024.tsv, copies of the
 * project's shared reference data) by regions.test.ts.
 *
 * A unit number keeps the county code it was registered under: a property registered in 江北区
 * (500105) or 渝北区 (500112) before they became 两江新区 (500157, 渝府发〔2025〕15号) still carries
 * the old code, so both the current and the replaced codes are Chongqing's.
 */

/** Current county-level codes (2026). */
export const CQ_COUNTY_CODES_CURRENT: readonly string[] = [
  '500101', '500102', '500103', '500104', '500106', '500107', '500108', '500109', '500110', '500111',
  '500113', '500114', '500115', '500116', '500117', '500118', '500119', '500120', '500151', '500152',
  '500153', '500154', '500155', '500156', '500157', '500229', '500230', '500231', '500233', '500235',
  '500236', '500237', '500238', '500240', '500241', '500242', '500243',
];

/** Codes replaced by a merger, still printed on the unit numbers registered under them. */
export const CQ_COUNTY_CODES_REPLACED: readonly string[] = ['500105', '500112'];

const CQ_COUNTY = new Set([...CQ_COUNTY_CODES_CURRENT, ...CQ_COUNTY_CODES_REPLACED]);

/** GB/T 2260 province-level prefixes (the first two digits): 50 is 重庆市. */
export const PROVINCE_PREFIXES: readonly string[] = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
];
export const CHONGQING_PREFIX = '50';

export type CountyCheck = 'chongqing' | 'outsideChongqing' | 'unknown';

/** Whether a 6-digit county code is a Chongqing county, a county elsewhere in China, or no county at all. */
export function countyOf(code: string): CountyCheck {
  if (CQ_COUNTY.has(code)) return 'chongqing';
  const prefix = code.slice(0, 2);
  if (prefix === CHONGQING_PREFIX || !PROVINCE_PREFIXES.includes(prefix) || code.slice(2) === '0000') return 'unknown';
  return 'outsideChongqing';
}
