/**
 * UTF-8 without TextEncoder/TextDecoder: @noble/hashes' utf8ToBytes calls TextEncoder, which
 * some WeChat mini-program base libraries do not provide.
 */
/** Whether s[i] and s[i + 1] form one surrogate pair (one character outside the BMP). */
export function isSurrogatePairAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/**
 * Writes the UTF-8 bytes of the character at s[i] into buf at pos and returns the next pos. A
 * surrogate pair is one character (the caller skips i + 1); a lone surrogate becomes U+FFFD, as
 * TextEncoder does.
 */
export function writeUtf8Char(s: string, i: number, buf: Uint8Array, pos: number): number {
  let c = s.charCodeAt(i);
  if (c < 0x80) {
    buf[pos] = c;
    return pos + 1;
  }
  if (isSurrogatePairAt(s, i)) c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00);
  else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
  if (c < 0x800) {
    buf[pos++] = 0xc0 | (c >> 6);
    buf[pos++] = 0x80 | (c & 63);
  } else if (c < 0x10000) {
    buf[pos++] = 0xe0 | (c >> 12);
    buf[pos++] = 0x80 | ((c >> 6) & 63);
    buf[pos++] = 0x80 | (c & 63);
  } else {
    buf[pos++] = 0xf0 | (c >> 18);
    buf[pos++] = 0x80 | ((c >> 12) & 63);
    buf[pos++] = 0x80 | ((c >> 6) & 63);
    buf[pos++] = 0x80 | (c & 63);
  }
  return pos;
}

export function utf8Encode(s: string): Uint8Array {
  // Two passes into one typed array: no per-byte arrays for long texts.
  let len = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) len += 1;
    else if (c < 0x800) len += 2;
    else if (isSurrogatePairAt(s, i)) {
      len += 4;
      i++;
    } else len += 3;
  }
  const out = new Uint8Array(len);
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    o = writeUtf8Char(s, i, out, o);
    if (isSurrogatePairAt(s, i)) i++;
  }
  return out;
}

/** Strict decode: null on any invalid or overlong sequence (a tampered code must not decode). */
export function utf8Decode(b: Uint8Array): string | null {
  let s = '';
  for (let i = 0; i < b.length; ) {
    const x = b[i];
    let c: number;
    let n: number;
    if (x < 0x80) { c = x; n = 0; }
    else if (x >= 0xc2 && x <= 0xdf) { c = x & 31; n = 1; }
    else if (x >= 0xe0 && x <= 0xef) { c = x & 15; n = 2; }
    else if (x >= 0xf0 && x <= 0xf4) { c = x & 7; n = 3; }
    else return null;
    for (let k = 1; k <= n; k++) {
      const y = b[i + k];
      if (y === undefined || (y & 0xc0) !== 0x80) return null;
      c = (c << 6) | (y & 63);
    }
    if ((n === 2 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) || (n === 3 && (c < 0x10000 || c > 0x10ffff))) return null;
    s += String.fromCodePoint(c);
    i += n + 1;
  }
  return s;
}
