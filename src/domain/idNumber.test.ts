import fc from 'fast-check';
import { checkChar, generateIdNumber, validateIdNumber } from './idNumber';

describe('validateIdNumber: known vectors', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female'],
    ['500154199301135886', '1993-01-13', 'female'],
    ['360426199101010071', '1991-01-01', 'male'],
  ])('%s is valid', (id, birthDate, sex) => {
    expect(validateIdNumber(id)).toEqual({ ok: true, value: id, kind: 'resident', birthDate, sex });
  });
  it('accepts lowercase x, spaces and full-width digits', () => {
    expect(validateIdNumber(' 110105 19491231 002x ')).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(validateIdNumber('５００１５４１９９３０１１３５８８６')).toMatchObject({ ok: true, value: '500154199301135886' });
  });
  it('changed check character', () => {
    expect(validateIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'checksum', message: '证件号码校验位（最后一位）不正确，请逐位核对' });
  });
  it('19990230 is not a date', () => {
    const first17 = '50011219990230001';
    const r = validateIdNumber(first17 + checkChar(first17));
    expect(r).toEqual({ ok: false, problem: 'birthDate', message: '证件号码中的出生日期（第7-14位 19990230）不是有效日期' });
  });
  it('29 Feb only in leap years', () => {
    expect(validateIdNumber(generateIdNumber({ birthDate: '2016-02-29', sex: 'male' })).ok).toBe(true);
    const f = '50011220170229001';
    expect(validateIdNumber(f + checkChar(f))).toMatchObject({ ok: false, problem: 'birthDate' });
  });
  it('17 characters', () => {
    expect(validateIdNumber('11010519491231002')).toEqual({ ok: false, problem: 'length', message: '证件号码应为18位，您输入了17位' });
  });
  it('15-digit first generation is refused with a clear message', () => {
    expect(validateIdNumber('110105491231002')).toEqual({
      ok: false, problem: 'firstGeneration', message: '这是15位的第一代身份证号码，已停止使用，请输入18位居民身份证号码',
    });
  });
  it('empty and non-strings', () => {
    expect(validateIdNumber('')).toMatchObject({ ok: false, problem: 'empty', message: '请输入证件号码' });
    expect(validateIdNumber(undefined)).toMatchObject({ ok: false, problem: 'empty' });
  });
  it('X only in the last position', () => {
    expect(validateIdNumber('5001121999X2300018')).toMatchObject({ ok: false, problem: 'format' });
  });
  it('future birth date refused when today is given', () => {
    const id = generateIdNumber({ birthDate: '2024-07-01', sex: 'female' });
    expect(validateIdNumber(id, { today: '2024-06-01' })).toMatchObject({ ok: false, problem: 'birthDate', message: '证件号码中的出生日期晚于今天，请核对' });
    expect(validateIdNumber(id, { today: '2024-07-01' }).ok).toBe(true);
  });
  it('historic county codes are not whitelisted', () => {
    // 510212 was a Chongqing county code under Sichuan before 1997.
    expect(validateIdNumber(generateIdNumber({ birthDate: '1990-05-05', sex: 'male', area: '510212' })).ok).toBe(true);
  });
});

describe('permits and foreign IDs', () => {
  it.each([
    ['810000', 'hkMacauTaiwanPermit'],
    ['820000', 'hkMacauTaiwanPermit'],
    ['830000', 'hkMacauTaiwanPermit'],
    ['931840', 'foreignPermanent'],
  ])('%s -> %s', (area, kind) => {
    const id = generateIdNumber({ birthDate: '2018-03-15', sex: 'male', area });
    expect(validateIdNumber(id)).toEqual({ ok: true, value: id, kind, birthDate: '2018-03-15', sex: 'male' });
    const bad = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(validateIdNumber(bad)).toMatchObject({ ok: false, problem: 'checksum' });
  });
  it('old foreign permanent resident format', () => {
    expect(validateIdNumber('USA111803150010')).toEqual({ ok: true, value: 'USA111803150010', kind: 'foreignPermanentOld', birthDate: '2018-03-15', sex: null });
    expect(validateIdNumber('usa118502280012')).toMatchObject({ ok: true, birthDate: '1985-02-28' });
    expect(validateIdNumber('USA111813150010')).toMatchObject({ ok: false, problem: 'birthDate' });
  });
});

const birthDateArb = fc
  .record({ y: fc.integer({ min: 1900, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const areaArb = fc.oneof(
  fc.integer({ min: 110000, max: 899999 }).map(String),
  fc.constantFrom('810000', '820000', '830000'),
  fc.integer({ min: 900000, max: 999999 }).map(String),
);
const idArb = fc
  .record({ birthDate: birthDateArb, sex: fc.constantFrom<'male' | 'female'>('male', 'female'), area: areaArb, serial: fc.integer({ min: 0, max: 499 }) })
  .map((o) => ({ o, id: generateIdNumber(o) }));

describe('properties', () => {
  it('10,000 generated IDs are valid with the right birth date and sex', () => {
    fc.assert(
      fc.property(idArb, ({ o, id }) => {
        const r = validateIdNumber(id);
        return r.ok && r.birthDate === o.birthDate && r.sex === o.sex;
      }),
      { numRuns: 10_000 },
    );
  });
  it('every single-character change is caught', () => {
    const chars = '0123456789X';
    fc.assert(
      fc.property(idArb, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), ({ id }, pos, shift) => {
        const replacement = chars[(chars.indexOf(id[pos]) + shift) % 11];
        const changed = id.slice(0, pos) + replacement + id.slice(pos + 1);
        return changed !== id && !validateIdNumber(changed).ok;
      }),
      { numRuns: 10_000 },
    );
  });
  it('random strings never throw and always answer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[0-9xX ]{0,20}$/)), (s) => {
        const r = validateIdNumber(s);
        return r.ok || (typeof r.message === 'string' && r.message.length > 0);
      }),
      { numRuns: 5000 },
    );
  });
});
