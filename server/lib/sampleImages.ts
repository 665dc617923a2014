/**
 * Real, decodable images for scenarios and tests (uploads are decoded by the server): a PNG made
 * with the same encoder family the server decodes with, and (Node only) a JPEG.
 */
import UPNG from 'upng-js';
import * as jpeg from 'jpeg-js';

function pixels(width: number, height: number, seed: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      rgba[i] = (x * 3 + seed) & 255;
      rgba[i + 1] = (y * 5 + seed * 7) & 255;
      rgba[i + 2] = ((x ^ y) + seed * 13) & 255;
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}

/** A width x height RGBA PNG; `seed` varies the pixels (so two samples have different hashes). */
export function samplePng(width = 240, height = 240, seed = 0): Uint8Array {
  return new Uint8Array(UPNG.encode([pixels(width, height, seed).buffer as ArrayBuffer], width, height, 0));
}

/** A width x height baseline JPEG (Node: the encoder answers a Buffer). */
export function sampleJpeg(width = 320, height = 240, seed = 0, quality = 80): Uint8Array {
  return new Uint8Array(jpeg.encode({ data: pixels(width, height, seed), width, height }, quality).data);
}
