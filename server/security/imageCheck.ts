/**
 * An upload is what it claims (issue 12, property 8): the server walks the file's structure and
 * decodes it — a JPEG's segments and entropy-coded data to its EOI, a PNG's chunks (CRC checked)
 * and its inflated pixel rows with their filter types — so a file that only starts like an image is refused.
 * Bounded before any pixel is decoded (dimensions from the header, pixel count, inflate output),
 * nothing may follow the image (a ZIP, PDF or HTML appended makes a polyglot), and metadata
 * (JPEG APPn/COM, PNG text chunks) may not carry a document or script.
 */
import * as jpeg from 'jpeg-js';
import UPNG from 'upng-js';
import { Inflate } from 'pako';

export const IMAGE_LIMITS = {
  /** A photo of a certificate narrower than this cannot be read by a reviewer. */
  minEdge: 200,
  maxEdge: 8000,
  /** 40 MP: far above what the app sends (long edge 1800), and a bound on decoding memory. */
  maxPixels: 40_000_000,
  /** Bytes allowed after EOI/IEND, and only as padding (0x00, 0xFF, whitespace). */
  trailingSlack: 64,
} as const;

export type ImageRefusal =
  | 'notImage' // not a JPEG or PNG at all (documents, WebP, HEIC, SVG…)
  | 'corrupt' // starts like an image but does not decode
  | 'tooSmall'
  | 'tooLarge' // dimensions or pixels over the bounds
  | 'polyglot'; // something else appended or embedded

export type ImageVerdict = { ok: true; mime: 'image/jpeg' | 'image/png'; width: number; height: number } | { ok: false; reason: ImageRefusal };

const be16 = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const be32 = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));

/** Signatures of documents and markup that have no business inside a photo's metadata. */
const EMBEDDED_BYTES = ['%PDF-', 'PK\x03\x04', 'PK\x05\x06', '\x7fELF', 'MZ\x90\x00', 'Rar!\x1a\x07', '7z\xbc\xaf\x27\x1c'];
const EMBEDDED_MARKUP = [/<\s*(html|script|svg|iframe|object|embed|body|!doctype)\b/i, /<\?(php|xml)/i];
const latin1 = (b: Uint8Array) => {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + 8192)));
  return s;
};
const carriesDocument = (b: Uint8Array) => {
  const text = latin1(b);
  return EMBEDDED_BYTES.some((sig) => text.includes(sig)) || EMBEDDED_MARKUP.some((re) => re.test(text));
};

function paddingOnly(b: Uint8Array): boolean {
  if (b.length > IMAGE_LIMITS.trailingSlack) return false;
  return b.every((x) => x === 0x00 || x === 0xff || x === 0x20 || x === 0x0a || x === 0x0d || x === 0x09);
}

function bounds(width: number, height: number): ImageRefusal | null {
  if (!(width > 0 && height > 0)) return 'corrupt';
  if (width > IMAGE_LIMITS.maxEdge || height > IMAGE_LIMITS.maxEdge || width * height > IMAGE_LIMITS.maxPixels) return 'tooLarge';
  if (width < IMAGE_LIMITS.minEdge || height < IMAGE_LIMITS.minEdge) return 'tooSmall';
  return null;
}

// ---- JPEG ----

interface JpegLayout {
  width: number;
  height: number;
  /** Offset just after EOI. */
  end: number;
}

/** Walks the marker segments and the entropy-coded data to EOI; refuses metadata carrying documents. */
function jpegLayout(b: Uint8Array): JpegLayout | ImageRefusal {
  let i = 2;
  let width = 0;
  let height = 0;
  let scans = 0;
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return 'corrupt';
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd9) return scans > 0 && width > 0 ? { width, height, end: i + 2 } : 'corrupt';
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) return 'corrupt';
    if (i + 3 >= b.length) return 'corrupt';
    const len = be16(b, i + 2);
    if (len < 2 || i + 2 + len > b.length) return 'corrupt';
    const payload = b.subarray(i + 4, i + 2 + len);
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) {
      if (carriesDocument(payload)) return 'polyglot';
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (payload.length < 5) return 'corrupt';
      height = be16(payload, 1);
      width = be16(payload, 3);
      const refused = bounds(width, height);
      if (refused) return refused;
    }
    i += 2 + len;
    if (marker === 0xda) {
      scans++;
      // Entropy-coded data: 0xFF is followed by 0x00 (stuffing) or a restart marker inside a scan.
      while (i + 1 < b.length && !(b[i] === 0xff && b[i + 1] !== 0x00 && !(b[i + 1] >= 0xd0 && b[i + 1] <= 0xd7))) i++;
      if (i + 1 >= b.length) return 'corrupt';
    }
  }
  return 'corrupt';
}

function checkJpeg(b: Uint8Array): ImageVerdict {
  const layout = jpegLayout(b);
  if (typeof layout === 'string') return { ok: false, reason: layout };
  if (!paddingOnly(b.subarray(layout.end))) return { ok: false, reason: 'polyglot' };
  try {
    const decoded = jpeg.decode(b, { useTArray: true, formatAsRGBA: false, tolerantDecoding: false, maxResolutionInMP: IMAGE_LIMITS.maxPixels / 1e6, maxMemoryUsageInMB: 512 });
    if (decoded.width !== layout.width || decoded.height !== layout.height) return { ok: false, reason: 'corrupt' };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  return { ok: true, mime: 'image/jpeg', width: layout.width, height: layout.height };
}

// ---- PNG ----

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Chunks a still photo may have; anything else (APNG frames, private chunks) is refused. */
const PNG_CHUNKS = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP', 'tEXt', 'zTXt', 'iTXt', 'bKGD', 'hIST', 'pHYs', 'sPLT', 'eXIf', 'tIME']);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Inflates at most `limit` bytes: a decompression bomb stops at the size the header promises. */
function boundedInflate(data: Uint8Array, limit: number): Uint8Array | 'over' | 'broken' {
  const inflate = new Inflate({ chunkSize: 64 * 1024 });
  const chunks: Uint8Array[] = [];
  let total = 0;
  const over = {};
  inflate.onData = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > limit) throw over;
    chunks.push(chunk);
  };
  inflate.onEnd = () => undefined;
  try {
    inflate.push(data, true);
  } catch (e) {
    return e === over ? 'over' : 'broken';
  }
  if (inflate.err) return 'broken';
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}

type UpngDecode = typeof UPNG.decode & {
  _decompress: (out: { compress: number; interlace: number }, dd: Uint8Array, w: number, h: number) => Uint8Array;
  _readInterlace: (data: Uint8Array, out: unknown) => Uint8Array;
};

/**
 * UPNG.decode (every chunk parsed as before), with the pixels already inflated (and bounded) here
 * instead of inflated again. Rows without interlacing are not unfiltered: UPNG's unfilter cannot
 * fail (it keeps the rows' length and skips unknown filter types), so it decides nothing here;
 * checkPng checks each row's filter type instead.
 */
function decodeInflated(b: Uint8Array, inflated: Uint8Array): ReturnType<typeof UPNG.decode> {
  const decode = UPNG.decode as UpngDecode;
  const own = decode._decompress;
  // Synchronous: no other decode can run while the hook is swapped.
  decode._decompress = (out, dd, w, h) => (out.compress !== 0 ? own(out, dd, w, h) : out.interlace === 1 ? decode._readInterlace(inflated, out) : inflated);
  try {
    return UPNG.decode(b.slice().buffer as ArrayBuffer);
  } finally {
    decode._decompress = own;
  }
}

function checkPng(b: Uint8Array): ImageVerdict {
  let i = 8;
  let width = 0;
  let height = 0;
  let expected = 0;
  let interlaced = false;
  let ended = -1;
  const idat: Uint8Array[] = [];
  while (i + 12 <= b.length) {
    const len = be32(b, i);
    const type = ascii(b, i + 4, 4);
    if (len > b.length || i + 12 + len > b.length) return { ok: false, reason: 'corrupt' };
    if (crc32(b.subarray(i + 4, i + 8 + len)) !== be32(b, i + 8 + len)) return { ok: false, reason: 'corrupt' };
    if (!PNG_CHUNKS.has(type)) return { ok: false, reason: 'polyglot' };
    const data = b.subarray(i + 8, i + 8 + len);
    if (i === 8) {
      if (type !== 'IHDR' || len !== 13) return { ok: false, reason: 'corrupt' };
      width = be32(data, 0);
      height = be32(data, 4);
      const refused = bounds(width, height);
      if (refused) return { ok: false, reason: refused };
      const depth = data[8];
      const channels = CHANNELS[data[9]];
      if (!channels || ![1, 2, 4, 8, 16].includes(depth) || data[12] > 1) return { ok: false, reason: 'corrupt' };
      // Filter byte + packed row, per row; interlaced passes add at most one row each way of seven.
      expected = height * (1 + Math.ceil((width * depth * channels) / 8)) + (data[12] ? 7 * (height + 1) + 7 * Math.ceil((width * depth * channels) / 8) : 0);
      interlaced = data[12] === 1;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt' || type === 'eXIf' || type === 'iCCP') {
      if (carriesDocument(data)) return { ok: false, reason: 'polyglot' };
    }
    i += 12 + len;
    if (type === 'IEND') {
      ended = i;
      break;
    }
  }
  if (ended < 0 || idat.length === 0) return { ok: false, reason: 'corrupt' };
  if (!paddingOnly(b.subarray(ended))) return { ok: false, reason: 'polyglot' };
  const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  idat.reduce((at, d) => (joined.set(d, at), at + d.length), 0);
  const inflated = boundedInflate(joined, expected);
  if (inflated === 'over') return { ok: false, reason: 'tooLarge' };
  if (inflated === 'broken') return { ok: false, reason: 'corrupt' };
  try {
    const decoded = decodeInflated(b, inflated);
    const rowBytes = Math.ceil((width * decoded.depth * CHANNELS[decoded.ctype]) / 8);
    if (decoded.width !== width || decoded.height !== height || !decoded.data || decoded.data.length < rowBytes * height) {
      return { ok: false, reason: 'corrupt' };
    }
    // Without interlacing each row starts with its filter type: None, Sub, Up, Average or Paeth.
    if (!interlaced) for (let at = 0; at < inflated.length; at += rowBytes + 1) if (inflated[at] > 4) return { ok: false, reason: 'corrupt' };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  return { ok: true, mime: 'image/png', width, height };
}

/** Judges the bytes of an upload: a whole, bounded JPEG or PNG and nothing else. */
export function checkImage(b: Uint8Array): ImageVerdict {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return checkJpeg(b);
  if (b.length >= 8 && be32(b, 0) === 0x89504e47 && be32(b, 4) === 0x0d0a1a0a) return checkPng(b);
  return { ok: false, reason: 'notImage' };
}
