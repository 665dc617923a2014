/**
 * The H5 bridge inside a JSBridge-style container (浙里办's ZWJSBridge and the like): the
 * container's JS API (./api.ts) mapped onto the H5 bridge's host capabilities. Requests, uploads,
 * compression and storage stay the browser's (the H5 bridge); the face screen, the picker, the
 * title bar, the dialler, the scanner, downloads, links and 长辈版 are the container's.
 *
 *   createH5Bridge(jsBridgeHost(window.ZWJSBridgeAdapter, { hostPages: { … } }))
 */
import type { FaceProvider, HostErrorKind, HostPage, HostResult, HostUiStyle } from '@contract/bridge';
import { createH5Bridge, type ContainerImage, type H5BridgeOptions, type H5HostCapabilities } from '../h5';
import { fail, ok } from '../result';
import { JsBridgeErrorCode, type JsBridgeApi, type JsBridgeError } from './api';
import { JSBRIDGE_PLATFORM } from './platform';

export { JsBridgeErrorCode } from './api';
export type { JsBridgeApi, JsBridgeError, JsBridgeUiStyle } from './api';

export interface JsBridgeHostOptions {
  /**
   * URLs of the container's pages the module may send a parent to (opened with openLink).
   * `hostHome` without a URL closes the module's window instead.
   */
  hostPages?: Partial<Record<HostPage, string>>;
  /** Face services the container can show a screen for; default: whatever the server began. */
  faceProviders?: FaceProvider[];
  /** Gives up on `ready()` after this many ms (default 10 s): every host call then answers 'unavailable'. */
  readyTimeoutMs?: number;
}

const KIND_BY_CODE: Record<number, HostErrorKind> = {
  [JsBridgeErrorCode.Failed]: 'failed',
  [JsBridgeErrorCode.Cancelled]: 'cancelled',
  [JsBridgeErrorCode.NotSupported]: 'unavailable',
  [JsBridgeErrorCode.NoPermission]: 'unavailable',
  [JsBridgeErrorCode.Network]: 'network',
  [JsBridgeErrorCode.Timeout]: 'timeout',
};

/** A container rejection as a HostError kind; detail carries the code only (never the container's message, which may hold data). */
export function jsBridgeFailure<T = never>(error: unknown): HostResult<T> {
  const code = typeof error === 'object' && error !== null && typeof (error as JsBridgeError).code === 'number' ? (error as JsBridgeError).code : undefined;
  if (code === undefined) return fail('failed', 'container call threw');
  return fail(KIND_BY_CODE[code] ?? 'failed', `container code ${code}`);
}

/** Runs a container call, answering a HostResult instead of a rejection (a missing call is 'unavailable'). */
async function call<T>(name: string, run: (() => Promise<T>) | undefined): Promise<HostResult<T>> {
  if (!run) return fail('unavailable', `container has no ${name}`);
  try {
    return ok(await run());
  } catch (error) {
    return jsBridgeFailure(error);
  }
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/heic': 'heic', 'image/gif': 'gif' };

async function toBlob(pathOrDataUrl: string): Promise<Blob | null> {
  try {
    const response = await fetch(pathOrDataUrl);
    return response.ok ? await response.blob() : null;
  } catch {
    return null;
  }
}

async function toDataUrl(blob: Blob, mime: string): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${mime};base64,${btoa(binary)}`;
}

/** The container's capabilities for the H5 bridge, and the container's readiness. */
export function jsBridgeHost(api: JsBridgeApi, options: JsBridgeHostOptions = {}): { ready: Promise<void>; host: H5HostCapabilities } {
  let usable = true;
  const ready = new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      usable = false;
      resolve();
    }, options.readyTimeoutMs ?? 10000);
    api.ready().then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        usable = false;
        resolve();
      },
    );
  });
  // The H5 bridge awaits `ready` before a face, hand-off or style call; the others wait here.
  const guarded = async <T>(name: string, run: (() => Promise<T>) | undefined): Promise<HostResult<T>> => {
    await ready;
    if (!usable) return fail('unavailable', 'container bridge not ready');
    return call(name, run);
  };

  const host: H5HostCapabilities = {
    async verifyFace(req) {
      if (options.faceProviders && !options.faceProviders.includes(req.provider)) return fail('unavailable', `the container has no ${req.provider} face service`);
      return guarded('faceVerify', () => api.faceVerify({ verifyId: req.verifyId, provider: req.provider, reason: req.reason }));
    },
    async getLoginHandoff() {
      const answer = await guarded('getSsoTicket', api.getSsoTicket && (() => api.getSsoTicket!()));
      if (!answer.ok) return answer;
      return answer.value.ticket ? ok({ kind: 'ssoTicket', code: answer.value.ticket }) : fail('unavailable', 'no ticket');
    },
    async openHostPage(page) {
      const url = options.hostPages?.[page];
      if (url) return guarded('openLink', () => api.openLink({ url }));
      if (page === 'hostHome') return guarded('close', () => api.close());
      return fail('unavailable', `no container page for ${page}`);
    },
    async getUiStyle(): Promise<HostUiStyle> {
      const answer = await guarded('getUiStyle', api.getUiStyle && (() => api.getUiStyle!()));
      return answer.ok && answer.value.uiStyle === 'elder' ? 'elder' : 'normal';
    },
    onUiStyleChange(listener) {
      if (!api.onUiStyleChange) return () => undefined;
      return api.onUiStyleChange((style) => {
        if (style === 'normal' || style === 'elder') listener(style);
      });
    },
    async scanCode() {
      const answer = await guarded('scan', () => api.scan({ type: 'qrCode' }));
      return answer.ok ? ok(answer.value.text) : answer;
    },
    async requestNotifyConsent(req) {
      const answer = await guarded('requestNotifyConsent', api.requestNotifyConsent && (() => api.requestNotifyConsent!({ kinds: req.kinds, reason: req.reason })));
      if (!answer.ok) return answer;
      // Only kinds that were asked for: a container cannot widen the consent.
      return ok({ accepted: req.kinds.filter((k) => (answer.value.accepted ?? []).includes(k)) });
    },
    async makePhoneCall(phone) {
      return guarded('phoneCall', () => api.phoneCall({ phoneNumber: phone.replace(/[^\d+-]/g, '') }));
    },
    async pickImages(req) {
      const answer = await guarded('chooseImage', () => api.chooseImage({ count: req.count, sourceType: req.sources }));
      if (!answer.ok) return answer;
      const images: ContainerImage[] = [];
      for (const [index, path] of (answer.value.picPath ?? []).slice(0, req.count).entries()) {
        const blob = await toBlob(path);
        if (!blob) return fail('failed', 'picked image not readable');
        images.push({ blob, name: `image-${index + 1}.${EXTENSIONS[blob.type] ?? 'jpg'}` });
      }
      return images.length ? ok(images) : fail('cancelled');
    },
    async saveDocument(doc) {
      const url = await toDataUrl(doc.blob, doc.mime);
      return guarded('downloadFile', () => api.downloadFile({ url, fileName: doc.fileName, mime: doc.mime }));
    },
    setTitle(title) {
      void guarded('setTitle', () => api.setTitle({ title }));
    },
  };
  return { ready, host };
}

/** The whole host bridge inside a JSBridge container: the H5 bridge with the container's capabilities. */
export function createJsBridgeBridge(api: JsBridgeApi, options: JsBridgeHostOptions & Omit<H5BridgeOptions, 'ready' | 'host'> = {}) {
  const { hostPages, faceProviders, readyTimeoutMs, ...h5 } = options;
  const { ready, host } = jsBridgeHost(api, { hostPages, faceProviders, readyTimeoutMs });
  const bridge = createH5Bridge({ ...h5, ready, host });
  return { ...bridge, platform: JSBRIDGE_PLATFORM };
}
