import fc from 'fast-check';
import { sortIndicesByPrefix } from './prefixSort';

describe('sortIndicesByPrefix', () => {
  const byComparator = (values: number[][]) => {
    const compare = (a: number, b: number) => values[a][0] - values[b][0] || values[a][1] - values[b][1] || a - b;
    return { compare, expected: Array.from(values.keys()).sort(compare) };
  };

  it('gives the comparator order, with ties settled by the comparator', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 3 })), { maxLength: 300 }), (values) => {
        const { compare, expected } = byComparator(values);
        expect(Array.from(sortIndicesByPrefix(values.length, 3, (i) => values[i][0], compare))).toEqual(expected);
      }),
    );
  });

  it('stays right when the prefix is wider than a double can hold beside the index', () => {
    // 52-bit prefixes: the low bits are dropped and the comparator settles what they decided.
    const values = Array.from({ length: 2000 }, (_, i) => [Math.floor(((i * 2654435761) % 2 ** 32) * 2 ** 20) + (i % 7), i % 5]);
    const { compare, expected } = byComparator(values);
    expect(Array.from(sortIndicesByPrefix(values.length, 52, (i) => values[i][0], compare))).toEqual(expected);
  });

  it('handles empty and single lists', () => {
    expect(Array.from(sortIndicesByPrefix(0, 32, () => 0, () => 0))).toEqual([]);
    expect(Array.from(sortIndicesByPrefix(1, 32, () => 5, () => 0))).toEqual([0]);
  });
});
