import type { CompressRequest, CompressedImage } from '@contract/bridge';
import { compressionAttempts } from '../compressionLadder';

/** Target size of the longer edge: small enough to upload on a weak network, text still legible. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxEdge) return { width, height };
  const scale = maxEdge / longest;
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/**
 * Resizes and re-encodes as JPEG in the browser (canvas; EXIF orientation applied by the decoder),
 * down the shared ladder (../compressionLadder.ts) until the result fits maxBytes when given.
 */
export async function compressBlob(blob: Blob, req: Pick<CompressRequest, 'maxEdge' | 'quality' | 'maxBytes'>): Promise<{ blob: Blob } & Omit<CompressedImage, 'path'>> {
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  try {
    const [first, ...rest] = compressionAttempts(req.maxEdge, req.quality);
    let best = await encode(bitmap, first.edge, first.quality);
    for (const attempt of rest) {
      if (!req.maxBytes || best.size <= req.maxBytes) return best;
      best = await encode(bitmap, attempt.edge, attempt.quality);
    }
    return best;
  } finally {
    bitmap.close();
  }
}

async function encode(bitmap: ImageBitmap, maxEdge: number, quality: number): Promise<{ blob: Blob } & Omit<CompressedImage, 'path'>> {
  const size = fitWithin(bitmap.width, bitmap.height, maxEdge);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2d unavailable');
  // White background: PNGs with transparency would otherwise turn black in JPEG.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  if (!out) throw new Error('encode failed');
  return { blob: out, size: out.size, width: size.width, height: size.height, mime: 'image/jpeg' };
}
