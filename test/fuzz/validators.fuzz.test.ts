/**
 * Fuzzing the form validators with fast-check (10,000 inputs each): whatever a parent types or
 * pastes (any Unicode, markup, near-valid numbers, non-strings), a validator answers ok or a
 * Chinese message and never throws.
 */
import fc from 'fast-check';
import { validateIdNumber } from '@/domain/idNumber';
import { validateAddress, validateName, validatePhone, validateUnitNumber } from '@/domain/validators';

const RUNS = 10_000;
const HAN = /[\u4e00-\u9fff]/;

/** Strings a parent could produce, biased towards the shapes each validator looks at. */
const anyInput = (nearValid: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 3, arbitrary: nearValid },
    { weight: 1, arbitrary: fc.constantFrom('<img src=x onerror=alert(1)>', '\u0000', '\ud800', '😀'.repeat(40), ' '.repeat(200), '０１２３', 'undefined', 'null') },
    { weight: 1, arbitrary: fc.anything() },
  );

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const idLike = fc.tuple(digits(15, 18), fc.constantFrom('', 'X', 'x', ' ', '-')).map(([d, tail]) => d + tail);
const phoneLike = fc.tuple(fc.constantFrom('', '+86', '86', '1', ' '), digits(0, 13)).map(([a, b]) => a + b);
const unitLike = fc
  .tuple(digits(12, 12), fc.string({ unit: fc.constantFrom(...'GJZXBFLQWA0123456789 -'), minLength: 14, maxLength: 18 }))
  .map(([a, b]) => a + b);
const nameLike = fc.string({ unit: fc.constantFrom(...'王李张·•. 子涵Abc<>&"\'\u200b'), maxLength: 25 });
const addressLike = fc.string({ unit: fc.constantFrom(...'重庆市渝北区街道路号栋单元0123456789-#<>/ '), maxLength: 120 });

function message(result: { ok: boolean; message?: string }) {
  if (result.ok) return;
  expect(typeof result.message).toBe('string');
  expect(result.message).toMatch(HAN);
  expect(result.message).not.toMatch(/undefined|NaN|\[object/);
}

const validators: Array<[string, fc.Arbitrary<string>, (input: unknown) => { ok: boolean; message?: string }]> = [
  ['validateIdNumber', idLike, (i) => validateIdNumber(i, { today: '2024-06-11' })],
  ['validateUnitNumber', unitLike, validateUnitNumber],
  ['validatePhone', phoneLike, validatePhone],
  ['validateName', nameLike, validateName],
  ['validateAddress', addressLike, validateAddress],
];

describe.each(validators)('%s', (_name, nearValid, validate) => {
  test(`${RUNS} inputs: no exception, a Chinese message or ok`, () => {
    fc.assert(
      fc.property(anyInput(nearValid), (input) => {
        message(validate(input));
      }),
      { numRuns: RUNS },
    );
  });
});
