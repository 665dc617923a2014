import type { CompressRequest, CompressedImage } from '@contract/bridge';

/** Target size of the longer edge: small enough to upload on a weak network, text still legible. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxEdge) return { width, height };
  const scale = maxEdge / longest;
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** Resizes and re-encodes as JPEG in the browser (canvas); EXIF orientation is applied by the decoder. */
/** Text on a certificate photo stays legible down to this long edge. */
export const MIN_LEGIBLE_EDGE = 1600;

/**
 * Compresses within maxBytes when given: first lower JPEG quality, then a smaller long edge, never
 * below MIN_LEGIBLE_EDGE; the last attempt is returned even if still larger (the server decides).
 */
export async function compressBlob(blob: Blob, req: Pick<CompressRequest, 'maxEdge' | 'quality' | 'maxBytes'>): Promise<{ blob: Blob } & Omit<CompressedImage, 'path'>> {
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  try {
    const edges = [req.maxEdge, Math.max(MIN_LEGIBLE_EDGE, Math.round(req.maxEdge * 0.85)), MIN_LEGIBLE_EDGE];
    const qualities = [req.quality, Math.max(0.5, req.quality - 0.15)];
    let best: { blob: Blob } & Omit<CompressedImage, 'path'> = await encode(bitmap, edges[0], qualities[0]);
    for (const edge of edges) {
      for (const quality of qualities) {
        if (!req.maxBytes || best.size <= req.maxBytes) return best;
        if (edge === edges[0] && quality === qualities[0]) continue;
        best = await encode(bitmap, edge, quality);
      }
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
