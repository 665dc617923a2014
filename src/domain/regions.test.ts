import { readFileSync } from 'fs';
import { join } from 'path';
import { CQ_COUNTY_CODES_CURRENT, CQ_COUNTY_CODES_REPLACED, countyOf } from './regions';

/** The codes column of a reference list (functional zones without a code are '-'). */
const codesOf = (file: string) =>
  readFileSync(join(__dirname, '../../server/data', file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[0])
    .filter((c) => /^\d{6}$/.test(c));

describe('Chongqing county codes', () => {
  it('the current codes are exactly the 2026 administrative list', () => {
    expect([...CQ_COUNTY_CODES_CURRENT].sort()).toEqual(codesOf('cq-admin-units-2026.tsv').sort());
  });
  it('current ∪ replaced is every code either list has (2024 codes stay on older unit numbers)', () => {
    const all = new Set([...codesOf('cq-admin-units-2026.tsv'), ...codesOf('cq-education-units-2024.tsv')]);
    expect([...CQ_COUNTY_CODES_CURRENT, ...CQ_COUNTY_CODES_REPLACED].sort()).toEqual([...all].sort());
    for (const c of CQ_COUNTY_CODES_REPLACED) expect(codesOf('cq-admin-units-2026.tsv')).not.toContain(c);
  });
  it.each([
    ['500112', 'chongqing'],
    ['500157', 'chongqing'],
    ['500199', 'unknown'],
    ['999999', 'unknown'],
    ['500000', 'unknown'],
    ['110105', 'outsideChongqing'],
    ['510104', 'outsideChongqing'],
    ['110000', 'unknown'],
  ])('%s is %s', (code, kind) => {
    expect(countyOf(code)).toBe(kind);
  });
});
