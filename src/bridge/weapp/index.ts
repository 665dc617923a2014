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
  type HostBridge,
  type HostUiStyle,
} from '@contract/bridge';
import { normaliseRuntimeConfig, WEAPP_KEYS, type HostConfig } from '@/config/runtime';
import { onDemand } from '../onDemand';
import { fail, ok } from '../result';
import { call, fromWxError, globalWx, parseMaybeJson, type WxApi } from './wx';
import type { MessageKindName } from '@contract/enums';
import { runtimeConfig } from '@/config';

export type { WxApi } from './wx';

/**
 * Only pages in subpackages pick, compress, upload and download files, scan, call or ask for 订阅消息:
 * that part of the bridge is an async chunk (config/weappContracts.ts), not part of the main
 * package every launch downloads.
 */
const media = () => Promise.all([import('./media'), import('./device')]).then(([files, device]) => ({ ...files, ...device }));

/** A subpackage that cannot be downloaded (no network) is a network failure the page already explains. */
const { use: onDemandPart, upload: onDemandUpload } = onDemand(media);
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

function lowerKeys(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) out[key.toLowerCase()] = String(value);
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
    // The picker, compression and file transfers load when a page first needs them (./media.ts).
    pickImages: (req) => onDemandPart((m) => m.pickImages(wxApi, req)),
    compressImage: (req) => onDemandPart((m) => m.compressImage(wxApi, req)),
    uploadFile: (req, onProgress) => onDemandUpload((m) => m.uploadFile(wxApi, absolute, req, onProgress)),
    loadPreview: (pathOrApiUrl, headers) => onDemandPart((m) => m.loadPreview(wxApi, absolute, pathOrApiUrl, headers)),
    async openHostPage() {
      // A plain WeChat host has no 我的不动产 page; the page then tells the parent where to look.
      return fail('unavailable', 'no such host page in WeChat');
    },
    makePhoneCall: (phone) => onDemandPart((m) => m.makePhoneCall(wxApi, phone)),
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
    saveDocument: (req) => onDemandPart((m) => m.saveDocument(wxApi, absolute, req)),
    requestNotifyConsent: (req) => onDemandPart((m) => m.requestNotifyConsent(wxApi, (options.subscribeTemplates ?? (() => runtimeConfig().subscribeTemplates))(), req)),
    scanCode: () => onDemandPart((m) => m.scanCode(wxApi)),
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
