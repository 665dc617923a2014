/**
 * The part of WeChat's `wx` API the weapp bridge uses, typed here so the bridge can be given any
 * `wx` (the real one, a host mini-program's wrapper, or a test shim) and tested without WeChat.
 */
import type { HostResult } from '@contract/bridge';
import { fail } from '../result';

export interface WxFail {
  errMsg?: string;
  errCode?: number;
}

export interface WxCallbacks<T> {
  success?: (res: T) => void;
  fail?: (error: WxFail) => void;
  complete?: () => void;
}

export interface WxRequestResult {
  statusCode: number;
  header?: Record<string, unknown>;
  data: unknown;
}

export interface WxUploadTask {
  onProgressUpdate?(listener: (p: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void): void;
  abort(): void;
}

export interface WxAppBaseInfo {
  SDKVersion?: string;
  /** 微信字体大小缩放比例 (1 is the default size). */
  fontSizeScaleFactor?: number;
  /** 微信字体大小, px (17 is the default size). */
  fontSizeSetting?: number;
}

export interface WxApi {
  requestFacialVerify?(opts: { verifyId: string } & WxCallbacks<unknown>): void;
  login(opts: WxCallbacks<{ code?: string }> & { timeout?: number }): void;
  request(
    opts: {
      url: string;
      method: string;
      header?: Record<string, string>;
      data?: unknown;
      timeout?: number;
      dataType?: string;
      responseType?: string;
    } & WxCallbacks<WxRequestResult>,
  ): unknown;
  chooseMedia(
    opts: { count: number; mediaType: string[]; sourceType: string[]; sizeType?: string[] } & WxCallbacks<{
      tempFiles: Array<{ tempFilePath: string; size: number; fileType?: string }>;
    }>,
  ): void;
  getImageInfo(opts: { src: string } & WxCallbacks<{ width: number; height: number; type?: string; path?: string }>): void;
  compressImage(
    opts: { src: string; quality?: number; compressedWidth?: number; compressedHeight?: number } & WxCallbacks<{ tempFilePath: string }>,
  ): void;
  getFileSystemManager(): { getFileInfo(opts: { filePath: string } & WxCallbacks<{ size: number }>): void };
  uploadFile(
    opts: { url: string; filePath: string; name: string; header?: Record<string, string>; timeout?: number } & WxCallbacks<{
      statusCode: number;
      data: string;
    }>,
  ): WxUploadTask;
  downloadFile(
    opts: { url: string; header?: Record<string, string>; timeout?: number } & WxCallbacks<{ statusCode: number; tempFilePath: string }>,
  ): unknown;
  openDocument(opts: { filePath: string; fileType?: string; showMenu?: boolean } & WxCallbacks<unknown>): void;
  makePhoneCall(opts: { phoneNumber: string } & WxCallbacks<unknown>): void;
  scanCode(opts: { onlyFromCamera?: boolean; scanType?: string[] } & WxCallbacks<{ result: string }>): void;
  /** 订阅消息 consent: answers per template id 'accept' | 'reject' | 'ban' | 'filter'. */
  requestSubscribeMessage?(opts: { tmplIds: string[] } & WxCallbacks<Record<string, string>>): void;
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
  removeStorageSync(key: string): void;
  getAppBaseInfo?(): WxAppBaseInfo;
  getWindowInfo?(): { windowWidth: number; windowHeight: number; pixelRatio: number };
  onAppShow?(listener: () => void): void;
  offAppShow?(listener: () => void): void;
}

declare const wx: WxApi | undefined;

/** The mini-program's own `wx` (a free global in the logic layer), or null outside WeChat. */
export function globalWx(): WxApi | null {
  return typeof wx === 'undefined' ? null : wx ?? null;
}

/** Calls a callback-style wx API as a promise; rejects with the wx error object. */
export function call<T, O extends object>(fn: (opts: O & WxCallbacks<T>) => unknown, opts: O): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    fn({ ...opts, success: resolve, fail: reject } as O & WxCallbacks<T>);
  });
}

/** A `wx` failure as the bridge contract's error kinds. */
export function fromWxError<T>(error: unknown): HostResult<T> {
  const message = (error as WxFail)?.errMsg ?? (error instanceof Error ? error.message : '');
  if (/cancel/i.test(message)) return fail('cancelled', message);
  if (/timeout|timed out/i.test(message)) return fail('timeout', message);
  if (/not support|not supported|no permission|unavailable|not available|is not a function/i.test(message)) return fail('unavailable', message);
  if (/request:fail|uploadFile:fail|downloadFile:fail|network/i.test(message)) return fail('network', message);
  return fail('failed', message);
}

/** wx.uploadFile answers text: JSON when it is JSON. */
export function parseMaybeJson(data: unknown): unknown {
  if (typeof data !== 'string' || data === '') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
