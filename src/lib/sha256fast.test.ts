import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import { FixedTailHasher, Sha256Stream } from './sha256fast';
import { utf8Encode } from './utf8';

// The reference: a well-kept library over our UTF-8 encoder (itself tested against TextEncoder).
const sha256hex = (s: string) => bytesToHex(sha256(utf8Encode(s)));

describe('Sha256Stream', () => {
  it('matches @noble/hashes over UTF-8 for any text, however it is split into writes', () => {
    const hash = new Sha256Stream();
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { maxLength: 8 }), (parts) => {
        for (const p of parts) hash.write(p);
        return hash.digestHex() === sha256hex(parts.join(''));
      }),
      { numRuns: 1000 },
    );
  });

  it('is right at every length around the block and flush boundaries', () => {
    const hash = new Sha256Stream();
    for (const len of [...Array(140).keys(), 4031, 4032, 4095, 4096, 4097, 8191, 8192, 8193, 20000]) {
      const text = 'x'.repeat(len);
      expect(hash.write(text).digestHex()).toBe(sha256hex(text));
    }
    // Multi-byte characters straddling the flush point.
    const text = `${'a'.repeat(4094)}张𠮷${'b'.repeat(70)}`;
    expect(hash.write(text).digestHex()).toBe(sha256hex(text));
  });

  it('encodes lone surrogates as U+FFFD, like TextEncoder', () => {
    expect(new Sha256Stream().write('a\ud800b').digestHex()).toBe(sha256hex('a\ufffdb'));
    expect(new Sha256Stream().write('a\ud800').write('\udc00b').digestHex()).toBe(sha256hex('a\ufffd\ufffdb'));
  });

  it('starts every message after save() from the saved prefix', () => {
    const prefix = sha256hex('seed');
    const hash = new Sha256Stream().write(prefix).write('|extra').save();
    const out = new Uint32Array(16);
    hash.write('|p:one').digestWords(out, 0);
    hash.write('|p:two').digestWords(out, 8);
    const hex = (o: number) => Array.from(out.subarray(o, o + 8), (w) => w.toString(16).padStart(8, '0')).join('');
    expect(hex(0)).toBe(sha256hex(`${prefix}|extra|p:one`));
    expect(hex(8)).toBe(sha256hex(`${prefix}|extra|p:two`));
  });

  it('hashes fixed-length tails after a one-block prefix exactly like the general hash', () => {
    const seed = sha256hex('seed');
    const out = new Uint32Array(8);
    const toHex = () => Array.from(out, (w) => w.toString(16).padStart(8, '0')).join('');
    for (const bodyLength of [0, 1, 52, 53, 60, 61, 64, 120, 200]) {
      const hasher = new FixedTailHasher(seed, '|p:', bodyLength);
      fc.assert(
        fc.property(fc.string({ unit: 'binary-ascii', minLength: bodyLength, maxLength: bodyLength }), (body) => {
          expect(hasher.digestWords(body, out, 0)).toBe(true);
          return toHex() === sha256hex(`${seed}|p:${body}`);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('refuses bodies of another length or with non-ASCII characters, and bad prefixes', () => {
    const hasher = new FixedTailHasher('a'.repeat(64), '|p:', 4);
    const out = new Uint32Array(8);
    expect(hasher.digestWords('abc', out, 0)).toBe(false);
    expect(hasher.digestWords('ab张c', out, 0)).toBe(false);
    expect(out.every((w) => w === 0)).toBe(true);
    expect(() => new FixedTailHasher('short', '|p:', 4)).toThrow();
    expect(() => new FixedTailHasher('张'.repeat(64), '|p:', 4)).toThrow();
  });
});
