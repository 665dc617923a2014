/**
 * WeChat mini-program host bridge (contract v2) on the `wx` API.
 *
 * - Login is server-first: getLoginHandoff gives the server a `wx.login` code (provider 'wechat'),
 *   the server begins WeChat face verification 2.0 and returns a verifyId, verifyFace shows WeChat's
 *   face screen for it with `wx.requestFacialVerify` (1.0, `startFacialRecognitionVerify`, was
 *   retired on 2026-06-30), and the server reads the verdict itself.
 * - Requests go through `wx.request` to API_ORIGIN, which must be a configured request domain.
 * - No window, document, fetch, TextEncoder or crypto: the mini-program logic layer has none.
 *
 * The `wx` object is injectable so a host mini-program (or a test shim) can pass its own.
 */
import {
  BRIDGE_CONTRACT_VERSION,
  type CompressedImage,
  type HostBridge,
  type HostResult,
  type HostUiStyle,
  type HttpResponse,
  type PickedImage,
  type UploadTask,
} from '@contract/bridge';
import { normaliseRuntimeConfig, WEAPP_KEYS, type HostConfig } from '@/config/runtime';
import { fail, ok } from '../result';
import { extensionFor, mimeFromImageType, mimeFromPath } from './mime';
import { call, globalWx, type WxApi, type WxFail } from './wx';
import type { MessageKindName } from '@contract/enums';
import { runtimeConfig } from '@/config';

export type { WxApi } from './wx';

/**
 * What a host mini-program that embeds the module (blended build) sets on the logic layer's global
 * before it requires the module's app.js: its bridge, or a function that extends the WeChat one.
 */
export interface WeappHostRegistration {
  contractVersion: typeof BRIDGE_CONTRACT_VERSION;
  bridge: HostBridge | ((wechat: HostBridge) => HostBridge);
  /** The host's part of the runtime configuration: hostName, theme, telemetry (the route prefix is the
   *  embed build's root, the API origin the build's request domain). */
  config?: Partial<Pick<HostConfig, 'hostName' | 'theme' | 'telemetry'>>;
}
export const HOST_REGISTRATION_KEY = '__RXYJS_HOST__';

/** The host's configuration from its registration (checked: host name, theme, telemetry), or null. */
export function hostConfigOf(scope: unknown = typeof globalThis !== 'undefined' ? globalThis : undefined): Partial<HostConfig> | null {
  const config = (scope as Record<string, WeappHostRegistration | undefined> | undefined)?.[HOST_REGISTRATION_KEY]?.config;
  if (!config) return null;
  normaliseRuntimeConfig(config, WEAPP_KEYS);
  return { ...config };
}

/** The host's bridge hook, or null when the module runs as its own mini-program. */
export function hostBridgeHook(scope: unknown = typeof globalThis !== 'undefined' ? globalThis : undefined): ((wechat: HostBridge) => HostBridge) | null {
  const registration = (scope as Record<string, WeappHostRegistration | undefined> | undefined)?.[HOST_REGISTRATION_KEY];
  if (!registration) return null;
  if (registration.contractVersion !== BRIDGE_CONTRACT_VERSION) {
    throw new Error(`入学一件事: the host registered bridge contract v${registration.contractVersion}; this module needs v${BRIDGE_CONTRACT_VERSION}`);
  }
  const { bridge } = registration;
  return typeof bridge === 'function' ? bridge : () => bridge;
}

/** Text on a certificate photo stays legible down to this long edge (as on H5). */
export const MIN_LEGIBLE_EDGE = 1600;
/** WeChat's default font size setting is 17 px; 长辈版-like sizes start around 1.3x of it. */
const ELDER_SCALE = 1.3;
const DEFAULT_FONT_PX = 17;

export interface WeappBridgeOptions {
  /** The `wx` to use: the mini-program's own by default. */
  wx?: WxApi;
  /** Prefix for API paths (default API_ORIGIN, the build's configured request domain). */
  origin?: string;
  /** Namespace of every storage key (default "rxyjs:"), so a host's own keys never collide. */
  storagePrefix?: string;
  /** 订阅消息 template ids per message kind (default: the runtime config's subscribeTemplates). */
  subscribeTemplates?: () => Partial<Record<MessageKindName, string>>;
}

function fromWxError<T>(error: unknown): HostResult<T> {
  const message = (error as WxFail)?.errMsg ?? (error instanceof Error ? error.message : '');
  if (/cancel/i.test(message)) return fail('cancelled', message);
  if (/timeout|timed out/i.test(message)) return fail('timeout', message);
  if (/not support|not supported|no permission|unavailable|not available|is not a function/i.test(message)) return fail('unavailable', message);
  if (/request:fail|uploadFile:fail|downloadFile:fail|network/i.test(message)) return fail('network', message);
  return fail('failed', message);
}

function lowerKeys(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) out[key.toLowerCase()] = String(value);
  return out;
}

function parseMaybeJson(data: unknown): unknown {
  if (typeof data !== 'string' || data === '') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/** The sizes and qualities to try, in order, until the result fits maxBytes (mirrors the H5 bridge). */
export function compressionAttempts(maxEdge: number, quality: number): Array<{ edge: number; quality: number }> {
  const edges = [maxEdge, Math.max(MIN_LEGIBLE_EDGE, Math.round(maxEdge * 0.85)), MIN_LEGIBLE_EDGE].filter((edge, i, all) => all.indexOf(edge) === i);
  const qualities = [quality, Math.max(0.5, quality - 0.15), Math.max(0.4, quality - 0.3)].filter((q, i, all) => all.indexOf(q) === i);
  const out: Array<{ edge: number; quality: number }> = [];
  for (const edge of edges) for (const q of qualities) out.push({ edge, quality: q });
  return out;
}

export function uiStyleOf(info: { fontSizeScaleFactor?: number; fontSizeSetting?: number } | undefined): HostUiStyle {
  const scale = info?.fontSizeScaleFactor ?? (info?.fontSizeSetting ? info.fontSizeSetting / DEFAULT_FONT_PX : 1);
  return scale >= ELDER_SCALE ? 'elder' : 'normal';
}

export function createWeappBridge(options: WeappBridgeOptions = {}): HostBridge {
  const wxApi = options.wx ?? globalWx();
  if (!wxApi) throw new Error('入学一件事: the weapp bridge needs the mini-program `wx` API');
  const origin = options.origin ?? API_ORIGIN;
  const prefix = options.storagePrefix ?? 'rxyjs:';
  const absolute = (url: string) => (/^https?:/.test(url) ? url : `${origin}${url}`);

  async function fileSize(filePath: string): Promise<number> {
    try {
      const fs = wxApi!.getFileSystemManager();
      return (await call<{ size: number }, { filePath: string }>((o) => fs.getFileInfo(o), { filePath })).size;
    } catch {
      return 0;
    }
  }

  async function mimeOf(path: string): Promise<string> {
    const byPath = mimeFromPath(path);
    if (byPath) return byPath;
    try {
      const info = await call<{ type?: string }, { src: string }>((o) => wxApi!.getImageInfo(o), { src: path });
      return mimeFromImageType(info.type) ?? 'application/octet-stream';
    } catch {
      return 'application/octet-stream';
    }
  }

  function currentUiStyle(): HostUiStyle {
    try {
      return uiStyleOf(wxApi!.getAppBaseInfo?.());
    } catch {
      return 'normal';
    }
  }

  return {
    platform: 'weapp',
    contractVersion: BRIDGE_CONTRACT_VERSION,
    async verifyFace(req) {
      // WeChat face verification 2.0: the server got the verifyId from WeChat; show WeChat's face screen for it.
      if (req.provider !== 'wechat') return fail('unavailable', `no ${req.provider} face screen in WeChat`);
      if (typeof wxApi.requestFacialVerify !== 'function') return fail('unavailable', 'wx.requestFacialVerify missing (base library too old)');
      try {
        await call((o) => wxApi.requestFacialVerify!(o), { verifyId: req.verifyId });
        return ok(undefined);
      } catch (error) {
        return fromWxError(error);
      }
    },
    async getLoginHandoff() {
      try {
        const res = await call<{ code?: string }, { timeout: number }>((o) => wxApi.login(o), { timeout: 10000 });
        // The server exchanges the code for the openid (code2Session) and begins WeChat face verification for it.
        return res.code ? ok({ kind: 'wxLoginCode', code: res.code }) : fail('unavailable', 'no login code');
      } catch (error) {
        return fromWxError(error);
      }
    },
    async request(req) {
      const header: Record<string, string> = { Accept: 'application/json', ...req.headers };
      if (req.body !== undefined && !Object.keys(header).some((k) => k.toLowerCase() === 'content-type')) header['Content-Type'] = 'application/json';
      try {
        const res = await call<{ statusCode: number; header?: Record<string, unknown>; data: unknown }, object>((o) => wxApi.request(o as Parameters<WxApi['request']>[0]), {
          url: absolute(req.url),
          method: req.method,
          header,
          data: req.body === undefined ? undefined : JSON.stringify(req.body),
          timeout: req.timeoutMs ?? 15000,
          dataType: 'json',
        });
        return ok({ status: res.statusCode, headers: lowerKeys(res.header), data: parseMaybeJson(res.data) });
      } catch (error) {
        return fromWxError(error);
      }
    },
    async pickImages(req) {
      try {
        const res = await call<{ tempFiles: Array<{ tempFilePath: string; size: number; fileType?: string }> }, object>(
          (o) => wxApi.chooseMedia(o as Parameters<WxApi['chooseMedia']>[0]),
          { count: req.count, mediaType: ['image'], sourceType: req.sources, sizeType: ['original'] },
        );
        const images: PickedImage[] = [];
        for (const [index, file] of res.tempFiles.entries()) {
          const mime = await mimeOf(file.tempFilePath);
          images.push({ path: file.tempFilePath, name: `image-${index + 1}.${extensionFor(mime)}`, size: file.size, mime });
        }
        return ok(images);
      } catch (error) {
        return fromWxError(error);
      }
    },
    async compressImage(req) {
      let info: { width: number; height: number; type?: string };
      try {
        info = await call((o) => wxApi.getImageInfo(o), { src: req.path });
      } catch (error) {
        // Not decodable as an image: the caller tells the parent it is the wrong type.
        return fromWxError(error);
      }
      let best: CompressedImage | null = null;
      try {
        for (const attempt of compressionAttempts(req.maxEdge, req.quality)) {
          const longest = Math.max(info.width, info.height);
          const scale = longest > attempt.edge ? attempt.edge / longest : 1;
          const width = Math.round(info.width * scale);
          const height = Math.round(info.height * scale);
          const res = await call<{ tempFilePath: string }, object>((o) => wxApi.compressImage(o as Parameters<WxApi['compressImage']>[0]), {
            src: req.path,
            quality: Math.round(attempt.quality * 100),
            compressedWidth: width,
            compressedHeight: height,
          });
          const size = await fileSize(res.tempFilePath);
          best = { path: res.tempFilePath, size, width, height, mime: mimeFromPath(res.tempFilePath) ?? mimeFromImageType(info.type) ?? 'image/jpeg' };
          if (!req.maxBytes || size <= req.maxBytes) return ok(best);
        }
      } catch (error) {
        if (!best) return fromWxError(error);
      }
      // Still larger after every attempt: the last one goes back, the caller (and the server) decide.
      return best ? ok(best) : fail('failed', 'compress failed');
    },
    uploadFile(req, onProgress): UploadTask {
      let task: ReturnType<WxApi['uploadFile']> | undefined;
      let aborted = false;
      // wx.uploadFile sends multipart/form-data itself; a Content-Type from the caller would break it.
      const header = Object.fromEntries(Object.entries(req.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'content-type'));
      const result = new Promise<HostResult<HttpResponse>>((resolve) => {
        try {
          task = wxApi.uploadFile({
            url: absolute(req.url),
            filePath: req.path,
            name: 'file',
            header,
            timeout: req.timeoutMs ?? 60000,
            success: (res) => resolve(ok({ status: res.statusCode, headers: {}, data: parseMaybeJson(res.data) })),
            fail: (error) => resolve(aborted ? fail('cancelled', error?.errMsg) : fromWxError(error)),
          });
          task?.onProgressUpdate?.((p) => onProgress?.({ loaded: p.totalBytesSent, total: p.totalBytesExpectedToSend }));
        } catch (error) {
          resolve(fromWxError(error));
        }
      });
      return {
        result,
        abort() {
          aborted = true;
          task?.abort();
        },
      };
    },
    async loadPreview(pathOrApiUrl, headers) {
      if (!pathOrApiUrl.startsWith('/')) return ok(pathOrApiUrl);
      try {
        const res = await call<{ statusCode: number; tempFilePath: string }, object>((o) => wxApi.downloadFile(o as Parameters<WxApi['downloadFile']>[0]), {
          url: absolute(pathOrApiUrl),
          header: headers,
        });
        return res.statusCode === 200 ? ok(res.tempFilePath) : fail('failed', `status ${res.statusCode}`);
      } catch (error) {
        return fromWxError(error);
      }
    },
    async openHostPage() {
      // A plain WeChat host has no 我的不动产 page; the page then tells the parent where to look.
      return fail('unavailable', 'no such host page in WeChat');
    },
    async makePhoneCall(phone) {
      try {
        await call((o) => wxApi.makePhoneCall(o), { phoneNumber: phone });
        return ok(undefined);
      } catch (error) {
        return fromWxError(error);
      }
    },
    storage: {
      async get(key) {
        try {
          const value = wxApi.getStorageSync(prefix + key);
          return typeof value === 'string' && value !== '' ? value : null;
        } catch {
          return null;
        }
      },
      async set(key, value) {
        try {
          wxApi.setStorageSync(prefix + key, value);
        } catch {
          /* storage full: keep going with memory state */
        }
      },
      async remove(key) {
        try {
          wxApi.removeStorageSync(prefix + key);
        } catch {
          /* ignore */
        }
      },
    },
    async saveDocument(req) {
      try {
        const res = await call<{ statusCode: number; tempFilePath: string }, object>((o) => wxApi.downloadFile(o as Parameters<WxApi['downloadFile']>[0]), {
          url: absolute(req.url),
          header: req.headers,
        });
        if (res.statusCode !== 200) return fail('failed', `status ${res.statusCode}`);
        await call((o) => wxApi.openDocument(o), { filePath: res.tempFilePath, fileType: 'pdf', showMenu: true });
        return ok(undefined);
      } catch (error) {
        return fromWxError(error);
      }
    },
    async requestNotifyConsent(req) {
      // One template per kind, from the host's console; a kind without a template cannot be pushed.
      const templates = (options.subscribeTemplates ?? (() => runtimeConfig().subscribeTemplates))();
      const asked = req.kinds.filter((k) => templates[k]).map((k) => [k, templates[k]!] as const);
      if (asked.length === 0 || typeof wxApi.requestSubscribeMessage !== 'function') return fail('unavailable', 'no 订阅消息 templates configured');
      try {
        const res = await call<Record<string, string>, object>((o) => wxApi.requestSubscribeMessage!(o as Parameters<NonNullable<WxApi['requestSubscribeMessage']>>[0]), {
          tmplIds: [...new Set(asked.map(([, id]) => id))],
        });
        return ok({ accepted: asked.filter(([, id]) => res[id] === 'accept').map(([k]) => k) });
      } catch (error) {
        return fromWxError(error);
      }
    },
    async scanCode() {
      try {
        const res = await call<{ result: string }, object>((o) => wxApi.scanCode(o), { onlyFromCamera: true, scanType: ['qrCode'] });
        return ok(res.result);
      } catch (error) {
        return fromWxError(error);
      }
    },
    async getUiStyle() {
      // WeChat has no 长辈版 switch for mini-programs; the parent's large WeChat font is the closest signal.
      return currentUiStyle();
    },
    onUiStyleChange(listener) {
      // The font size is changed in WeChat's settings, outside the mini-program: look again whenever it comes back.
      let last = currentUiStyle();
      const onShow = () => {
        const now = currentUiStyle();
        if (now !== last) {
          last = now;
          listener(now);
        }
      };
      if (typeof wxApi.onAppShow !== 'function') return () => undefined;
      wxApi.onAppShow(onShow);
      return () => wxApi.offAppShow?.(onShow);
    },
  };
}
