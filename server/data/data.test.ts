import type { Stage } from '@contract/calendar';
import type { SchoolType } from '@contract/district';
import { districts2024 } from './districts2024';
import { districts2026 } from './districts2026';
import { districtsByYear } from './districts';
import { allSchools2024, allSchools2026, privateDemand, schoolsFor } from './schools';
import { registrationNotes } from './notes';
import { defaultIdentityId, identities } from '../adapters/sim/identities';

/** GB 11643 check: area code, real calendar date, ISO 7064 MOD 11-2 check character. */
function isValidId(id: string, areaPrefix?: RegExp): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if ('10X98765432'[sum % 11] !== id[17]) return false;
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  if (y < 1900 || y > 2024) return false;
  return areaPrefix ? areaPrefix.test(id.slice(0, 6)) : /^[1-8]\d{5}$/.test(id.slice(0, 6));
}

const birthDateOf = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
const sexOf = (id: string) => (Number(id[16]) % 2 === 1 ? 'male' : 'female');
const isPrimaryAge = (d: string) => d >= '2017-09-01' && d <= '2018-08-31';
const isJuniorAge = (d: string) => d >= '2011-09-01' && d <= '2013-08-31';

const stages: Stage[] = ['primary', 'junior'];
const types: SchoolType[] = ['publicTight', 'publicNormal', 'converted', 'private'];

describe('districts', () => {
  it('2024 has the 41 education units in table order, with the functional zones last', () => {
    expect(districts2024).toHaveLength(41);
    expect(districts2024[0].name).toBe('万州区');
    expect(districts2024.slice(-3).map((d) => [d.code, d.name, d.kind])).toEqual([
      ['900001', '两江新区', '功能区'],
      ['900002', '西部科学城重庆高新区', '功能区'],
      ['900003', '万盛经开区', '功能区'],
    ]);
    expect(districts2024.filter((d) => /^500\d{3}$/.test(d.code))).toHaveLength(38);
  });

  it('2026 has 39 units: 两江新区 500157 replaces 江北 and 渝北', () => {
    const codes = districts2026.map((d) => d.code);
    expect(districts2026).toHaveLength(39);
    expect(codes).toContain('500157');
    expect(codes).not.toContain('500105');
    expect(codes).not.toContain('500112');
    expect(codes).not.toContain('900001');
    expect(districts2026.find((d) => d.code === '500157')).toMatchObject({ name: '两江新区', kind: '区' });
    expect(codes).toEqual(expect.arrayContaining(['900002', '900003']));
  });

  it('reuses the 2024 contacts where the code persists', () => {
    for (const d of districts2026) {
      const old = districts2024.find((o) => o.code === d.code) ?? districts2024.find((o) => o.name === d.name);
      expect(old).toBeDefined();
      expect(d.consultationPhone).toBe(old!.consultationPhone);
      expect(d.offlinePoints).toEqual(old!.offlinePoints);
    }
  });

  it('districtsByYear carries both years', () => {
    expect(districtsByYear[2024]).toBe(districts2024);
    expect(districtsByYear[2026]).toBe(districts2026);
  });

  it.each([2024, 2026])('every district of %i has unique code, phone, 4–6 policy paragraphs and offline points', (year) => {
    const list = districtsByYear[year];
    expect(new Set(list.map((d) => d.code)).size).toBe(list.length);
    expect(new Set(list.map((d) => d.consultationPhone)).size).toBe(list.length);
    const allPhones = list.flatMap((d) => [d.consultationPhone, ...d.offlinePoints.map((p) => p.phone)]);
    expect(new Set(allPhones).size).toBe(allPhones.length);
    for (const d of list) {
      expect(d.consultationPhone).toMatch(/^023-\d{8}$/);
      expect(d.policy.length).toBeGreaterThanOrEqual(4);
      expect(d.policy.length).toBeLessThanOrEqual(6);
      expect(d.policy.join('')).toContain(d.name);
      expect(d.policy.join('')).toContain(`${year}年`);
      expect(d.offlinePoints.length).toBeGreaterThanOrEqual(1);
      expect(d.offlinePoints.length).toBeLessThanOrEqual(2);
      for (const p of d.offlinePoints) {
        expect(p.phone).toMatch(/^023-\d{8}$/);
        expect(p.address).toContain(d.name);
        expect(p.hours).toBe('工作日 9:00-12:00, 14:00-17:30');
      }
    }
    // Policies differ between districts beyond the name.
    const texts = new Set(list.map((d) => d.policy.join('').split(d.name).join('')));
    expect(texts.size).toBeGreaterThan(3);
  });
});

describe('schools', () => {
  it.each([
    [2024, allSchools2024],
    [2026, allSchools2026],
  ] as const)('%i ids are unique and well-formed', (_year, all) => {
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    for (const s of all) expect(s.id).toMatch(new RegExp(`^${s.districtCode}-[PJ]-[1-7]$`));
  });

  it('is deterministic', () => {
    expect(schoolsFor(districts2024[5])).toEqual(schoolsFor(districts2024[5]));
  });

  it.each([2024, 2026])('every district/stage of %i has all four types in the right counts', (year) => {
    for (const d of districtsByYear[year]) {
      const schools = schoolsFor(d, year);
      for (const stage of stages) {
        const st = schools.filter((s) => s.stage === stage);
        expect(st).toHaveLength(7);
        expect(new Set(st.map((s) => s.name)).size).toBe(7);
        const count = (t: SchoolType) => st.filter((s) => s.type === t).length;
        expect([count('publicTight'), count('publicNormal'), count('converted'), count('private')]).toEqual([2, 2, 1, 2]);
        for (const s of st) {
          expect(s.districtCode).toBe(d.code);
          expect(s.name.startsWith(`重庆市${d.name}`)).toBe(true);
          expect(s.nature).toBe(s.type === 'private' ? 'private' : 'public');
          expect(s.places).toBeGreaterThan(0);
          if (s.type === 'private') {
            expect(s.name).toContain('（民办）');
            expect(s.brochure).toBeDefined();
            expect(s.brochure!.places).toBe(s.places);
            expect(s.brochure!.conditions.length).toBeGreaterThanOrEqual(3);
            expect(s.brochure!.conditions.length).toBeLessThanOrEqual(4);
            expect(s.brochure!.fees).toMatch(/学费 每生每学期 \d+ 元/);
            expect(s.brochure!.plan).toContain(`${year}年`);
          } else {
            expect(s.brochure).toBeUndefined();
          }
        }
      }
    }
  });

  it('each district/stage has one oversubscribed and one undersubscribed private school', () => {
    for (const d of [...districts2024, ...districts2026]) {
      for (const stage of stages) {
        const privates = schoolsFor(d).filter((s) => s.stage === stage && s.type === 'private');
        const over = privates.filter((s) => privateDemand[s.id] > s.places);
        const under = privates.filter((s) => privateDemand[s.id] < s.places);
        expect([over.length, under.length]).toEqual([1, 1]);
      }
    }
  });
});

describe('notes', () => {
  it('has 4–6 points per school type with the key rules', () => {
    for (const d of districts2024) {
      for (const stage of stages) {
        const notes = registrationNotes(d, stage);
        for (const t of types) {
          const points = notes[t]!;
          expect(points.length).toBeGreaterThanOrEqual(4);
          expect(points.length).toBeLessThanOrEqual(6);
          expect(points.join('')).toContain('不可兼报');
          expect(points.join('')).toContain('报名先后不影响录取结果');
        }
        const priv = notes.private!.join('');
        for (const s of ['6月17日至6月19日', '6月20日', '6月20日18:00', '6月21日至6月29日']) expect(priv).toContain(s);
      }
    }
  });
});

describe('identities', () => {
  const byId = (id: string) => identities.find((i) => i.id === id)!;

  it('the check itself rejects a wrong check character', () => {
    expect(isValidId('11010519491231002X')).toBe(true);
    expect(isValidId('110105194912310021')).toBe(false);
    expect(isValidId('500112201802300012')).toBe(false);
  });

  it('every ID number is a valid GB 11643 number consistent with its record', () => {
    for (const i of identities) {
      expect(isValidId(i.parent.idNumber)).toBe(true);
      if (i.spouse) expect(isValidId(i.spouse.idNumber)).toBe(true);
      for (const c of i.birthRecordChildren) {
        expect(isValidId(c.idNumber)).toBe(true);
        expect(birthDateOf(c.idNumber)).toBe(c.birthDate);
        expect(sexOf(c.idNumber)).toBe(c.sex);
        expect(c.bornInChongqing).toBe(true);
        expect(isPrimaryAge(c.birthDate) || isJuniorAge(c.birthDate)).toBe(true);
      }
      if (i.manualChildHint) {
        expect(isValidId(i.manualChildHint.idNumber)).toBe(true);
        expect(birthDateOf(i.manualChildHint.idNumber)).toBe(i.manualChildHint.birthDate);
      }
      expect(i.parent.phone).toMatch(/^1[3-9]\d{9}$/);
    }
  });

  it('ids and child keys are unique, the default exists and district codes exist in 2024', () => {
    expect(new Set(identities.map((i) => i.id)).size).toBe(identities.length);
    const keys = identities.flatMap((i) => i.birthRecordChildren.map((c) => c.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(identities.map((i) => i.id)).toContain(defaultIdentityId);
    for (const i of identities) expect(districts2024.map((d) => d.code)).toContain(i.defaultDistrictCode);
  });

  it('covers the 8 QA cases', () => {
    expect(identities.map((i) => i.id).sort()).toEqual(
      ['anti-abuse', 'born-outside', 'disabled-child', 'migrant', 'property-fails', 'source-unavailable', 'spouse-owner', 'two-children'].sort(),
    );

    const two = byId('two-children');
    expect(two.birthRecordChildren).toHaveLength(2);
    expect(two.birthRecordChildren.some((c) => isPrimaryAge(c.birthDate))).toBe(true);
    expect(two.birthRecordChildren.some((c) => isJuniorAge(c.birthDate))).toBe(true);
    expect(two.defaultDistrictCode).toBe('500112');
    expect(Object.values(two.dataSharing).every((s) => s === 'matched')).toBe(true);
    for (const c of two.birthRecordChildren) expect(c.idNumber.startsWith('500')).toBe(true);

    const outside = byId('born-outside');
    expect(outside.birthRecordChildren).toHaveLength(0);
    expect(outside.manualChildHint!.idNumber).toMatch(/^51/);
    expect(isPrimaryAge(outside.manualChildHint!.birthDate)).toBe(true);

    const spouse = byId('spouse-owner');
    expect(spouse.propertyOwner).toBe('spouse');
    expect(spouse.dataSharing.property).toBe('matched');
    expect(spouse.householdHeadIsOtherGuardian).toBe(true);
    expect(spouse.spouse).toBeDefined();

    const migrant = byId('migrant');
    expect(migrant.dataSharing).toMatchObject({
      householdRegister: 'notMatched',
      residencePermit: 'matched',
      socialInsurance: 'matched',
    });
    expect(migrant.defaultSource).toBe('migrant');
    expect(migrant.parent.idNumber).toMatch(/^51/);

    const prop = byId('property-fails');
    expect(prop.dataSharing).toMatchObject({ householdRegister: 'matched', property: 'notMatched' });

    const disabled = byId('disabled-child');
    expect(disabled.dataSharing.disability).toBe('matched');
    expect(disabled.birthRecordChildren.some((c) => c.disabled)).toBe(true);
    expect(disabled.defaultSource).toBe('disabled');

    const abuse = byId('anti-abuse');
    const twoIds = two.birthRecordChildren.map((c) => c.idNumber);
    expect(twoIds).toContain(abuse.manualChildHint!.idNumber);
    expect(abuse.birthRecordChildren.map((c) => c.idNumber)).not.toContain(abuse.manualChildHint!.idNumber);

    const unavailable = byId('source-unavailable');
    expect(Object.values(unavailable.dataSharing)).toContain('unavailable');
  });

  it('Chongqing-resident parents have Chongqing ID numbers and the outside/migrant stories use Sichuan ones', () => {
    for (const i of identities) {
      const prefix = ['born-outside', 'migrant'].includes(i.id) ? /^51\d{4}$/ : /^500\d{3}$/;
      expect(isValidId(i.parent.idNumber, prefix)).toBe(true);
    }
  });
});
