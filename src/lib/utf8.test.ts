import fc from 'fast-check';
import { utf8Decode, utf8Encode } from './utf8';

describe('utf8', () => {
  it('matches TextEncoder and round-trips', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const b = utf8Encode(s);
      return Buffer.from(b).equals(Buffer.from(s, 'utf8')) && utf8Decode(b) === s;
    }), { numRuns: 2000 });
    expect(Array.from(utf8Encode('张𠮷'))).toEqual([0xe5, 0xbc, 0xa0, 0xf0, 0xa0, 0xae, 0xb7]);
  });
  it('rejects invalid sequences', () => {
    expect(utf8Decode(Uint8Array.from([0xc0, 0x80]))).toBeNull();
    expect(utf8Decode(Uint8Array.from([0xe5, 0xbc]))).toBeNull();
    expect(utf8Decode(Uint8Array.from([0xed, 0xa0, 0x80]))).toBeNull();
    expect(utf8Decode(Uint8Array.from([0xff]))).toBeNull();
  });
});
