/**
 * A QR matrix as one PNG data URL, built with ECMAScript only (no canvas, no TextEncoder, no btoa), so
 * the same code runs in the browser and in a mini-program's logic layer, and the report code reaches
 * the view as one <Image> instead of thousands of nodes.
 *
 * The PNG is written here: 1 bit per pixel, indexed with a two-colour palette (0 black, 1 white; not
 * 1-bit grayscale, which upng-js, the decoder of the tests, reads wrongly when a row does not end on a
 * byte), one IDAT compressed by fflate's zlibSync. Only the deflate comes from a library (docs/decisions/008-qr-png-writer.md).
 */
import { zlibSync } from 'fflate';

export interface Matrix {
  size: number;
  get(row: number, col: number): boolean;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += B64[n >> 18] + B64[(n >> 12) & 63] + '==';
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + '=';
  }
  return out;
}

let crcTable: Uint32Array | null = null;

function crc32(bytes: Uint8Array, from: number, to: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = from; i < to; i++) crc = crcTable[(crc ^ bytes[i]) & 255] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** A PNG file of the given chunks (type and data): length, type, data, CRC of type and data. */
function pngFile(chunks: Array<[string, Uint8Array]>): Uint8Array {
  const out = new Uint8Array(SIGNATURE.length + chunks.reduce((sum, [, data]) => sum + 12 + data.length, 0));
  const view = new DataView(out.buffer);
  out.set(SIGNATURE, 0);
  let at = SIGNATURE.length;
  for (const [type, data] of chunks) {
    view.setUint32(at, data.length);
    for (let i = 0; i < 4; i++) out[at + 4 + i] = type.charCodeAt(i);
    out.set(data, at + 8);
    view.setUint32(at + 8 + data.length, crc32(out, at + 4, at + 8 + data.length));
    at += 12 + data.length;
  }
  return out;
}

/** Black modules on white, `scale` pixels per module, `quiet` white modules around the code. */
export function matrixPng(matrix: Matrix, scale: number, quiet: number): { bytes: Uint8Array; pixels: number } {
  const modules = matrix.size + quiet * 2;
  const pixels = modules * scale;
  // Rows of the image: a filter byte (0, none) then one bit per pixel, white (1) unless dark.
  const stride = 1 + Math.ceil(pixels / 8);
  const raw = new Uint8Array(stride * pixels);
  for (let y = 0; y < pixels; y++) {
    const row = y * stride;
    raw.fill(255, row + 1, row + stride);
    const r = Math.floor(y / scale) - quiet;
    if (r < 0 || r >= matrix.size) continue;
    for (let x = quiet * scale; x < (quiet + matrix.size) * scale; x++) {
      if (matrix.get(r, Math.floor(x / scale) - quiet)) raw[row + 1 + (x >> 3)] &= ~(0x80 >> (x & 7));
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, pixels);
  view.setUint32(4, pixels);
  header[8] = 1; // bit depth
  header[9] = 3; // indexed colour
  // header[10..12]: deflate, adaptive filtering, no interlace (all 0)
  const bytes = pngFile([
    ['IHDR', header],
    ['PLTE', Uint8Array.of(0, 0, 0, 255, 255, 255)],
    ['IDAT', zlibSync(raw, { level: 9 })],
    ['IEND', new Uint8Array(0)],
  ]);
  return { bytes, pixels };
}

export const pngDataUrl = (bytes: Uint8Array) => `data:image/png;base64,${base64(bytes)}`;
