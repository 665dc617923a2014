import fc from 'fast-check';
import { sha256hex } from './lottery';
import { hashTail, midstateOf, wordsToHex } from './sha256fast';

describe('sha256fast', () => {
  it('matches @noble/hashes for any ASCII tail', () => {
    const prefix = sha256hex('seed');
    const mid = midstateOf(prefix)!;
    const out = new Uint32Array(8);
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), (tail) => {
        expect(hashTail(mid, tail, out, 0)).toBe(true);
        return wordsToHex(out, 0) === sha256hex(prefix + tail);
      }),
      { numRuns: 2000 },
    );
    for (let len = 0; len < 140; len++) {
      const tail = 'x'.repeat(len);
      hashTail(mid, tail, out, 0);
      expect(wordsToHex(out, 0)).toBe(sha256hex(prefix + tail));
    }
  });
  it('refuses non-ASCII', () => {
    expect(midstateOf('短')).toBeNull();
    expect(hashTail(midstateOf('a'.repeat(64))!, '张', new Uint32Array(8), 0)).toBe(false);
  });
});
