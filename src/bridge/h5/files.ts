/**
 * The H5 bridge's file tools: compression, uploads, previews and document downloads. Loaded when a
 * page first uses one (./index.ts), so the first page does not carry them.
 */
import type { CompressRequest, CompressedImage, HostResult, HttpResponse, SaveDocumentRequest, UploadRequest, UploadTask } from '@contract/bridge';
import { fail, ok } from '../result';
import { DEFAULT_TIMEOUT_MS, type H5FileContext } from './context';

async function blobAt(ctx: H5FileContext, path: string): Promise<Blob | null> {
  const known = ctx.pickedFiles.get(path);
  if (known) return known;
  try {
    return await (await fetch(ctx.at(path))).blob();
  } catch {
    return null;
  }
}

export async function compressImage(ctx: H5FileContext, req: CompressRequest): Promise<HostResult<CompressedImage>> {
  const blob = await blobAt(ctx, req.path);
  if (!blob) return fail('failed', 'file not readable');
  // Its own chunk again: the canvas code is only for the pages that compress photos.
  const { compressBlob } = await import('./imageCompression').catch(() => ({ compressBlob: null }));
  if (!compressBlob) return fail('network', 'image compression could not be loaded');
  try {
    const out = await compressBlob(blob, req);
    const path = URL.createObjectURL(out.blob);
    ctx.pickedFiles.set(path, out.blob);
    return ok({ path, size: out.size, width: out.width, height: out.height, mime: out.mime });
  } catch (error) {
    // Not decodable as an image: the caller tells the parent it is the wrong type.
    return fail('failed', error instanceof Error ? error.message : 'decode failed');
  }
}

export function uploadFile(ctx: H5FileContext, req: UploadRequest, onProgress?: (p: { loaded: number; total: number }) => void): UploadTask {
  const xhr = new XMLHttpRequest();
  let aborted = false;
  const result = (async (): Promise<HostResult<HttpResponse>> => {
    await ctx.ready;
    const blob = await blobAt(ctx, req.path);
    if (!blob) return fail('failed', 'file not readable');
    if (aborted) return fail('cancelled');
    return new Promise((resolve) => {
      xhr.open('POST', ctx.at(req.url));
      xhr.timeout = ctx.timeout(req.timeoutMs, 60000);
      for (const [key, value] of Object.entries(req.headers ?? {})) xhr.setRequestHeader(key, value);
      xhr.upload.onprogress = (event) => onProgress?.({ loaded: event.loaded, total: event.total || blob.size });
      xhr.onload = () => {
        let data: unknown = xhr.responseText;
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          /* keep text */
        }
        resolve(ok({ status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' }, data }));
      };
      xhr.onerror = () => resolve(fail('network', 'upload failed'));
      xhr.ontimeout = () => resolve(fail('timeout', 'upload timed out'));
      xhr.onabort = () => resolve(fail('cancelled'));
      xhr.send(blob);
    });
  })();
  return {
    result,
    abort() {
      aborted = true;
      xhr.abort();
    },
  };
}

export async function loadPreview(ctx: H5FileContext, pathOrApiUrl: string, headers?: Record<string, string>): Promise<HostResult<string>> {
  if (pathOrApiUrl.startsWith('blob:') || pathOrApiUrl.startsWith('data:')) return ok(pathOrApiUrl);
  const answer = await ctx.fetchWithTimeout(pathOrApiUrl, { headers }, ctx.timeout(undefined, DEFAULT_TIMEOUT_MS));
  if (!answer.ok) return answer;
  if (!answer.value.ok) return fail('failed', `status ${answer.value.status}`);
  return ok(URL.createObjectURL(await answer.value.blob()));
}

export async function saveDocument(ctx: H5FileContext, req: SaveDocumentRequest): Promise<HostResult<void>> {
  const answer = await ctx.fetchWithTimeout(req.url, { headers: req.headers }, ctx.timeout(undefined, 30000));
  if (!answer.ok) return answer;
  if (!answer.value.ok) return fail('failed', `status ${answer.value.status}`);
  const blob = await answer.value.blob();
  if (ctx.host.saveDocument) return ctx.host.saveDocument({ blob, fileName: req.fileName, mime: req.mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = req.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return ok(undefined);
}
