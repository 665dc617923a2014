/**
 * A small allocation-free SHA-256 for the lottery's 100,000 short keys. Same function as
 * @noble/hashes' sha256 (tests compare them); it exists only because per-call object and array
 * allocation dominated the draw time. It hashes `prefix + tail` where the 64-byte ASCII prefix
 * (the seed in hex) is compressed once and reused as a midstate.
 */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const W = new Uint32Array(64);

/** Compresses the 16 big-endian words in W[0..15] into state H. */
function compress(H: Uint32Array): void {
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15];
    const w2 = W[i - 2];
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
  }
  let a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
  H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
}

const isAscii = (s: string) => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
};

export interface Midstate {
  state: Uint32Array;
}

/** Midstate after a 64-character ASCII prefix, or null when the prefix does not qualify. */
export function midstateOf(prefix64: string): Midstate | null {
  if (prefix64.length !== 64 || !isAscii(prefix64)) return null;
  const H = new Uint32Array(IV);
  for (let i = 0; i < 16; i++) {
    const j = i * 4;
    W[i] = (prefix64.charCodeAt(j) << 24) | (prefix64.charCodeAt(j + 1) << 16) | (prefix64.charCodeAt(j + 2) << 8) | prefix64.charCodeAt(j + 3);
  }
  compress(H);
  return { state: H };
}

const block = new Uint8Array(64);
const H = new Uint32Array(8);

/**
 * SHA-256 of prefix + tail, written into out[offset..offset+8] as words. Returns false (so the
 * caller falls back to a general hash) when tail is not ASCII.
 */
export function hashTail(mid: Midstate, tail: string, out: Uint32Array, offset: number): boolean {
  if (!isAscii(tail)) return false;
  H.set(mid.state);
  const total = 64 + tail.length;
  let pos = 0;
  let pending = true;
  let lengthWritten = false;
  // Feed the tail, then 0x80, zeros and the 64-bit bit length, block by block.
  while (!lengthWritten) {
    block.fill(0);
    let k = 0;
    while (k < 64 && pos < tail.length) block[k++] = tail.charCodeAt(pos++);
    if (k < 64 && pending) {
      block[k++] = 0x80;
      pending = false;
    }
    if (!pending && k <= 56) {
      const bits = total * 8;
      const hi = Math.floor(bits / 0x100000000);
      block[56] = hi >>> 24; block[57] = hi >>> 16; block[58] = hi >>> 8; block[59] = hi;
      block[60] = bits >>> 24; block[61] = bits >>> 16; block[62] = bits >>> 8; block[63] = bits;
      lengthWritten = true;
    }
    for (let i = 0; i < 16; i++) {
      const j = i * 4;
      W[i] = (block[j] << 24) | (block[j + 1] << 16) | (block[j + 2] << 8) | block[j + 3];
    }
    compress(H);
  }
  for (let i = 0; i < 8; i++) out[offset + i] = H[i];
  return true;
}

export function wordsToHex(words: Uint32Array, offset: number): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += (words[offset + i] >>> 0).toString(16).padStart(8, '0');
  return s;
}
