/**
 * A QR matrix as one PNG data URL, built with ECMAScript only (no canvas, no TextEncoder, no btoa), so
 * the same code runs in the browser and in a mini-program's logic layer, and the report code reaches
 * the view as one <Image> instead of thousands of nodes.
 */
import UPNG from 'upng-js';

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

/** Black modules on white, `scale` pixels per module, `quiet` white modules around the code. */
export function matrixPng(matrix: Matrix, scale: number, quiet: number): { bytes: Uint8Array; pixels: number } {
  const modules = matrix.size + quiet * 2;
  const pixels = modules * scale;
  const rgba = new Uint8Array(pixels * pixels * 4).fill(255);
  for (let r = 0; r < matrix.size; r++) {
    for (let c = 0; c < matrix.size; c++) {
      if (!matrix.get(r, c)) continue;
      for (let y = (r + quiet) * scale; y < (r + quiet + 1) * scale; y++) {
        let at = (y * pixels + (c + quiet) * scale) * 4;
        for (let x = 0; x < scale; x++, at += 4) {
          rgba[at] = 0;
          rgba[at + 1] = 0;
          rgba[at + 2] = 0;
        }
      }
    }
  }
  const png = UPNG.encode([rgba.buffer as ArrayBuffer], pixels, pixels, 0);
  return { bytes: new Uint8Array(png), pixels };
}

export const pngDataUrl = (bytes: Uint8Array) => `data:image/png;base64,${base64(bytes)}`;
