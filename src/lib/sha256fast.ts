/**
 * A streaming SHA-256 that takes strings and UTF-8-encodes them straight into one reusable block
 * buffer. Same function as @noble/hashes' sha256 over utf8Encode(text) (tests compare them); it
 * exists only because the 100,000-entrant draw was dominated by building and encoding strings
 * (an 8 MB list, 100,000 keys), not by the hashing itself. No allocation per write.
 */
import { isSurrogatePairAt, writeUtf8Char } from './utf8';

// Int32 throughout: V8 keeps the arithmetic in 32-bit registers instead of converting to doubles.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const W = new Int32Array(64);

/** Compresses the 64 bytes of buf at offset into state H (message schedule computed as it goes). */
function compress(H: Int32Array, buf: Uint8Array, offset: number): void {
  let a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
  for (let i = 0; i < 64; i++) {
    let w: number;
    if (i < 16) {
      const j = offset + i * 4;
      w = (buf[j] << 24) | (buf[j + 1] << 16) | (buf[j + 2] << 8) | buf[j + 3];
    } else {
      const w15 = W[i - 15];
      const w2 = W[i - 2];
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      w = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
    }
    W[i] = w;
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + (g ^ (e & (f ^ g))) + K[i] + w) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (c & (a ^ b)))) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
  H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
}

/** Buffered bytes are compressed once this many are waiting; the extra room takes one character. */
const FLUSH_AT = 4096;

export class Sha256Stream {
  private readonly state = new Int32Array(8);
  private readonly buf = new Uint8Array(FLUSH_AT + 8);
  private pos = 0;
  /** Bytes already compressed into state. */
  private done = 0;
  private savedState: Int32Array | null = null;
  private savedLength = 0;
  private savedTail = new Uint8Array(0);

  constructor() {
    this.state.set(IV);
  }

  /**
   * Appends s as UTF-8 (lone surrogates become U+FFFD, as TextEncoder does; each write is
   * encoded on its own, so never split a surrogate pair across two writes). Returns this.
   */
  write(s: string): this {
    const n = s.length;
    // At most 3 bytes per UTF-16 unit: short strings fit whole, so the loop needs no flush check.
    if (this.pos + 3 * n > FLUSH_AT) this.pos = this.flush(this.pos);
    if (this.pos + 3 * n > FLUSH_AT) return this.writeLong(s);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) buf[pos++] = c;
      else {
        pos = writeUtf8Char(s, i, buf, pos);
        if (isSurrogatePairAt(s, i)) i++;
      }
    }
    this.pos = pos;
    return this;
  }

  private writeLong(s: string): this {
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) buf[pos++] = c;
      else {
        pos = writeUtf8Char(s, i, buf, pos);
        if (isSurrogatePairAt(s, i)) i++;
      }
      if (pos >= FLUSH_AT) pos = this.flush(pos);
    }
    this.pos = pos;
    return this;
  }

  /** Compresses every whole block and moves the rest to the front; returns the new position. */
  private flush(pos: number): number {
    const whole = pos - (pos % 64);
    for (let off = 0; off < whole; off += 64) compress(this.state, this.buf, off);
    this.buf.copyWithin(0, whole, pos);
    this.done += whole;
    return pos - whole;
  }

  /**
   * Remembers the state after what was written so far (e.g. the seed shared by every key), so
   * rewind() can start the next message from there without hashing it again.
   */
  save(): this {
    this.pos = this.flush(this.pos);
    this.savedState = Int32Array.from(this.state);
    this.savedLength = this.done;
    this.savedTail = this.buf.slice(0, this.pos);
    return this;
  }

  /** Back to the saved point (or to empty when nothing was saved). */
  rewind(): this {
    if (this.savedState) {
      this.state.set(this.savedState);
      this.done = this.savedLength;
      this.buf.set(this.savedTail, 0);
      this.pos = this.savedTail.length;
    } else {
      this.state.set(IV);
      this.done = 0;
      this.pos = 0;
    }
    return this;
  }

  /**
   * Finishes the message and writes the digest as 8 big-endian words into out[offset..+8]
   * (comparing words in order is comparing the hex digests). Then rewinds.
   */
  digestWords(out: Uint32Array, offset: number): void {
    let pos = this.flush(this.pos);
    const bits = (this.done + pos) * 8;
    const buf = this.buf;
    buf[pos++] = 0x80;
    const end = pos <= 56 ? 64 : 128;
    buf.fill(0, pos, end - 8);
    const hi = Math.floor(bits / 0x100000000);
    buf[end - 8] = hi >>> 24; buf[end - 7] = hi >>> 16; buf[end - 6] = hi >>> 8; buf[end - 5] = hi;
    buf[end - 4] = bits >>> 24; buf[end - 3] = bits >>> 16; buf[end - 2] = bits >>> 8; buf[end - 1] = bits;
    compress(this.state, buf, 0);
    if (end === 128) compress(this.state, buf, 64);
    for (let i = 0; i < 8; i++) out[offset + i] = this.state[i];
    this.rewind();
  }

  /** Lower-case hex of the digest, or of its first `words` 32-bit words (a truncated digest). */
  digestHex(words = 8): string {
    this.digestWords(digestScratch, 0);
    return wordsToHex(digestScratch, 0, words);
  }
}

const digestScratch = new Uint32Array(8);
const HEX_CODES = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
/**
 * Lower-case hex of `count` words. Built with one String.fromCharCode call so V8 makes a flat
 * string: concatenating pieces makes a rope that every later comparison has to flatten first.
 */
export function wordsToHex(words: Uint32Array | Int32Array, offset: number, count = 8): string {
  const chars = new Array<number>(count * 8);
  for (let i = 0; i < count; i++) {
    const w = words[offset + i];
    for (let k = 0; k < 8; k++) chars[i * 8 + k] = HEX_CODES[(w >>> (28 - k * 4)) & 15];
  }
  return String.fromCharCode.apply(null, chars);
}

/**
 * SHA-256 of prefix + head + body for many bodies of one fixed ASCII length, e.g. the lottery's
 * 100,000 keys sha256(seed + "|p:" + pseudonym). The prefix is hashed once; head, padding and
 * length never change, so each body costs only its own bytes and the remaining compressions.
 */
export class FixedTailHasher {
  private readonly mid = new Int32Array(8);
  private readonly state = new Int32Array(8);
  private readonly block: Uint8Array;
  private readonly blocks: number;

  /** prefix must be exactly 64 ASCII characters (one block), head ASCII. */
  constructor(prefix: string, private readonly head: string, private readonly bodyLength: number) {
    if (!isAscii(prefix) || prefix.length !== 64 || !isAscii(head)) throw new Error('FixedTailHasher: prefix must be 64 ASCII characters');
    // The prefix is exactly one block: its midstate is one compression from the IV.
    const first = new Uint8Array(64);
    for (let i = 0; i < 64; i++) first[i] = prefix.charCodeAt(i);
    this.mid.set(IV);
    compress(this.mid, first, 0);
    const tail = head.length + bodyLength;
    this.blocks = Math.ceil((tail + 9) / 64);
    this.block = new Uint8Array(this.blocks * 64);
    for (let i = 0; i < head.length; i++) this.block[i] = head.charCodeAt(i);
    this.block[tail] = 0x80;
    const bits = (64 + tail) * 8;
    const end = this.block.length;
    this.block[end - 4] = bits >>> 24; this.block[end - 3] = bits >>> 16; this.block[end - 2] = bits >>> 8; this.block[end - 1] = bits;
  }

  /** Digest words into out[offset..+8]; false (nothing written) when body does not fit the shape. */
  digestWords(body: string, out: Uint32Array, offset: number): boolean {
    if (body.length !== this.bodyLength) return false;
    const block = this.block;
    const start = this.head.length;
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      if (c > 0x7f) return false;
      block[start + i] = c;
    }
    const state = this.state;
    state.set(this.mid);
    for (let b = 0; b < this.blocks; b++) compress(state, block, b * 64);
    for (let i = 0; i < 8; i++) out[offset + i] = state[i];
    return true;
  }
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
