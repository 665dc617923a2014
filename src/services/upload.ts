/**
 * The upload flow for material images (Q18), used by the Uploader component:
 * check the picked file → compress on the device → upload with progress → retry with backoff.
 *
 *   const task = startUpload(picked, { materialCode: 'householdRegister', maxBytes });
 *   task.result.then((outcome) => outcome.ok ? outcome.record.fileId : outcome.message);
 *   task.cancel();
 *
 * Every failure comes back as an UploadOutcome with a Chinese message for the parent; nothing throws.
 */
import { routes } from '@contract/api';
import type { ApiErrorBody } from '@contract/errors';
import type { HttpResponse, PickedImage } from '@contract/bridge';
import type { MaterialCode, UploadRecord } from '@contract/materials';
import { getBridge } from '@/bridge';
import { auth } from './auth';
import { OVERLOAD_MAX_ATTEMPTS, type OverloadLimiter } from './overloadLimiter';
import { sharedLimiter } from './sharedLimiter';

/** Long edge after compression: small enough for a weak network, text on a certificate still legible. */
export const COMPRESS_MAX_EDGE = 1800;
export const COMPRESS_QUALITY = 0.8;
/** A second, stronger pass for a host that does not honour CompressRequest.maxBytes (the weapp bridge today). */
const FALLBACK_MAX_EDGE = 1600;
const FALLBACK_QUALITY = 0.6;
/** Originals above this are refused before decoding (a phone photo is 3–12 MB). */
export const MAX_ORIGINAL_BYTES = 30 * 1024 * 1024;
export const UPLOAD_ATTEMPTS = 3;
const ACCEPTED_MIME = /^image\/(jpeg|jpg|png|webp|heic|heif)$/i;
const ACCEPTED_EXT = /\.(jpe?g|png|webp|heic|heif)$/i;

export type UploadFailure = 'cancelled' | 'wrongType' | 'empty' | 'tooLarge' | 'network' | 'server' | 'expired';

export type UploadOutcome = { ok: true; record: UploadRecord } | { ok: false; reason: UploadFailure; message: string };

export type UploadStage = 'checking' | 'compressing' | 'uploading' | 'waitingRetry';

export interface UploadOptions {
  materialCode: MaterialCode;
  /** The checklist's limit per image after compression. */
  maxBytes: number;
  onStage?: (stage: UploadStage, attempt: number) => void;
  /** 0..1 of the current attempt. */
  onProgress?: (fraction: number) => void;
  /** Injected in tests; defaults to real timers. */
  sleep?: (ms: number) => Promise<void>;
  /** Waits before attempt 2, 3… (ms). */
  backoffMs?: number[];
  /** Defaults to the module's shared limiter, so uploads keep the same manners as API calls. */
  limiter?: OverloadLimiter;
}

export interface UploadHandle {
  result: Promise<UploadOutcome>;
  cancel(): void;
}

const fmtMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)}MB`;

export const uploadMessages = {
  empty: '这个文件是空的（0 字节），请重新拍照或选择其他照片。',
  wrongType: (name: string) => `“${name}”不是图片。请上传 JPG、PNG 格式的照片（可直接拍照上传）。`,
  notDecodable: (name: string) => `“${name}”无法识别为图片，可能已损坏。请重新拍照或选择其他照片。`,
  tooLargeOriginal: (size: number) => `照片过大（${fmtMb(size)}），请选择 ${fmtMb(MAX_ORIGINAL_BYTES)} 以内的照片。`,
  tooLargeCompressed: (size: number, max: number) => `照片压缩后仍有 ${fmtMb(size)}，超过 ${fmtMb(max)} 的上限。请拍摄时靠近证件、只拍证件本身后重试。`,
  network: `网络不稳定，已自动重试 ${UPLOAD_ATTEMPTS} 次仍未成功。请换个网络较好的地方，点“重新上传”。`,
  server: '服务暂时出现问题，照片未能上传，请稍后点“重新上传”。',
  expired: '登录已过期，请重新刷脸登录后再上传，已上传的照片不会丢失。',
  cancelled: '已取消上传。',
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isImage(image: PickedImage): boolean {
  if (image.mime) return ACCEPTED_MIME.test(image.mime);
  return ACCEPTED_EXT.test(image.name);
}

function serverError(response: HttpResponse): ApiErrorBody['error'] | null {
  const data = response.data as ApiErrorBody | undefined;
  return data && typeof data === 'object' && data.error && typeof data.error.message === 'string' ? data.error : null;
}

/** Checks a picked image on the device, before any work or bytes go out. */
export function checkPicked(image: PickedImage): { ok: true } | { ok: false; reason: 'empty' | 'wrongType' | 'tooLarge'; message: string } {
  if (image.size === 0) return { ok: false, reason: 'empty', message: uploadMessages.empty };
  if (!isImage(image)) return { ok: false, reason: 'wrongType', message: uploadMessages.wrongType(image.name) };
  if (image.size > MAX_ORIGINAL_BYTES) return { ok: false, reason: 'tooLarge', message: uploadMessages.tooLargeOriginal(image.size) };
  return { ok: true };
}

/**
 * Uploads in flight, by material and picked file: a double tap or a replayed start joins the
 * running upload instead of sending the same photo a second time.
 */
const inFlight = new Map<string, UploadHandle>();

export function startUpload(image: PickedImage, options: UploadOptions): UploadHandle {
  const key = `${options.materialCode}|${image.path}|${image.size}`;
  const running = inFlight.get(key);
  if (running) return running;
  const handle = startUploadOnce(image, options);
  inFlight.set(key, handle);
  void handle.result.finally(() => {
    if (inFlight.get(key) === handle) inFlight.delete(key);
  });
  return handle;
}

function startUploadOnce(image: PickedImage, options: UploadOptions): UploadHandle {
  const bridge = getBridge();
  const sleep = options.sleep ?? defaultSleep;
  const backoff = options.backoffMs ?? [1000, 3000];
  let cancelled = false;
  let abortCurrent: (() => void) | null = null;
  const stop = (): UploadOutcome => ({ ok: false, reason: 'cancelled', message: uploadMessages.cancelled });

  const result = (async (): Promise<UploadOutcome> => {
    options.onStage?.('checking', 1);
    const checked = checkPicked(image);
    if (!checked.ok) return checked;

    options.onStage?.('compressing', 1);
    let compressed = await bridge.compressImage({ path: image.path, maxEdge: COMPRESS_MAX_EDGE, quality: COMPRESS_QUALITY, maxBytes: options.maxBytes });
    if (!compressed.ok) return { ok: false, reason: 'wrongType', message: uploadMessages.notDecodable(image.name) };
    if (compressed.value.size > options.maxBytes) {
      compressed = await bridge.compressImage({ path: image.path, maxEdge: FALLBACK_MAX_EDGE, quality: FALLBACK_QUALITY, maxBytes: options.maxBytes });
      if (!compressed.ok) return { ok: false, reason: 'wrongType', message: uploadMessages.notDecodable(image.name) };
    }
    if (compressed.value.size === 0) return { ok: false, reason: 'empty', message: uploadMessages.empty };
    if (compressed.value.size > options.maxBytes) {
      return { ok: false, reason: 'tooLarge', message: uploadMessages.tooLargeCompressed(compressed.value.size, options.maxBytes) };
    }
    if (cancelled) return stop();

    const limiter = options.limiter ?? sharedLimiter;
    let overloads = 0;
    let lastWasOverload = false;
    for (let attempt = 1; attempt <= UPLOAD_ATTEMPTS + overloads; attempt++) {
      if (attempt > 1) {
        options.onStage?.('waitingRetry', attempt);
        // After a 429 the limiter holds the next try for the server's Retry-After (and more).
        if (!lastWasOverload) await sleep(backoff[Math.max(0, Math.min(attempt - 2 - overloads, backoff.length - 1))]);
      }
      await limiter.waitForSlot();
      lastWasOverload = false;
      if (cancelled) return stop();
      options.onStage?.('uploading', attempt);
      options.onProgress?.(0);
      const headers: Record<string, string> = {
        'X-Material-Code': options.materialCode,
        // Header values must be ASCII; Chinese file names are percent-encoded.
        'X-File-Name': encodeURIComponent(image.name.replace(/\.[^.]+$/, '') + '.jpg'),
        'Content-Type': compressed.value.mime || 'image/jpeg',
      };
      const token = auth.token();
      if (token) headers.Authorization = `Bearer ${token}`;
      const task = bridge.uploadFile({ url: routes.uploads, path: compressed.value.path, headers }, (p) => {
        if (p.total > 0) options.onProgress?.(Math.min(1, p.loaded / p.total));
      });
      abortCurrent = () => task.abort();
      const answer = await task.result;
      abortCurrent = null;
      if (cancelled) return stop();
      if (!answer.ok) {
        if (answer.error.kind === 'cancelled') return stop();
        if (attempt < UPLOAD_ATTEMPTS + overloads) continue;
        return { ok: false, reason: 'network', message: uploadMessages.network };
      }
      const response = answer.value;
      if (response.status >= 200 && response.status < 300) {
        options.onProgress?.(1);
        return { ok: true, record: response.data as UploadRecord };
      }
      const error = serverError(response);
      if (response.status === 401) {
        auth.expired();
        return { ok: false, reason: 'expired', message: error?.message ?? uploadMessages.expired };
      }
      if (response.status === 413 || error?.code === 'PAYLOAD_TOO_LARGE') return { ok: false, reason: 'tooLarge', message: error?.message ?? uploadMessages.tooLargeCompressed(compressed.value.size, options.maxBytes) };
      if (response.status === 415 || error?.code === 'UNSUPPORTED_MEDIA') return { ok: false, reason: 'wrongType', message: error?.message ?? uploadMessages.wrongType(image.name) };
      if (response.status === 429 || error?.code === 'OVERLOADED') {
        const retryAfter = error?.retryAfter ?? (Number(response.headers['retry-after']) || undefined);
        limiter.noteOverload(overloads, retryAfter);
        // Overload answers do not use up the upload's own attempts, only the limiter's patience.
        if (overloads < OVERLOAD_MAX_ATTEMPTS) {
          overloads += 1;
          lastWasOverload = true;
          continue;
        }
        return { ok: false, reason: 'server', message: error?.message ?? uploadMessages.server };
      }
      // Server-side hiccups are worth another try; refusals (4xx) are not.
      if (response.status >= 500) {
        if (attempt < UPLOAD_ATTEMPTS + overloads) continue;
        return { ok: false, reason: 'server', message: error?.message ?? uploadMessages.server };
      }
      if (error?.code === 'VALIDATION' && error.message.includes('空')) return { ok: false, reason: 'empty', message: error.message };
      return { ok: false, reason: 'server', message: error?.message ?? uploadMessages.server };
    }
    return { ok: false, reason: 'network', message: uploadMessages.network };
  })();

  return {
    result,
    cancel() {
      cancelled = true;
      abortCurrent?.();
    },
  };
}
