/**
 * H5 host bridge: the enrolment API over fetch, device features through the browser, and what only
 * the container can do (face screen, its pages, 长辈版, scanner) through the capabilities it gives
 * (hostCapabilities.ts). This folder is the only place in src/ allowed to touch window, document,
 * fetch, Blob or canvas (enforced by lint).
 */
import {
  BRIDGE_CONTRACT_VERSION,
  type HostBridge,
  type HostResult,
  type HttpRequest,
  type HttpResponse,
  type PickedImage,
} from '@contract/bridge';
import { onDemand } from '../onDemand';
import { fail, ok } from '../result';
import { DEFAULT_TIMEOUT_MS, type H5FileContext } from './context';
import type { H5HostCapabilities } from './hostCapabilities';

export type { ContainerDocument, ContainerImage, H5HostCapabilities } from './hostCapabilities';

export interface H5BridgeOptions {
  /** Resolves when the host is ready to answer (in mock builds: when the MSW worker has started). */
  ready?: Promise<void>;
  /** What the container can do beyond the browser; a plain browser has none of it. */
  host?: H5HostCapabilities;
  storagePrefix?: string;
  /** Prefix for API paths: empty in the browser (same origin), the API base URL when it is elsewhere, absolute in jest. */
  origin?: string;
  /**
   * The host's network timeout in ms, read at every request and upload. Undefined: each call's own
   * timeout, else 15 s (60 s uploads). Dev builds let QA shorten it, so a test can make any call time out in seconds.
   */
  networkTimeoutMs?: () => number | undefined;
}

const files = onDemand(() => import('./files'));

function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if ((response.headers.get('content-type') ?? '').includes('json') && text) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Tells the container's title bar every page title: Taro's H5 router writes each page's
 * navigationBarTitleText to document.title, which a container with a native title bar never shows.
 */
function syncTitle(setTitle: (title: string) => void): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  let last = '';
  const tell = () => {
    const title = document.title.trim();
    if (!title || title === last) return;
    last = title;
    setTitle(title);
  };
  new MutationObserver(tell).observe(document.head, { subtree: true, childList: true, characterData: true });
  tell();
}

export function createH5Bridge(options: H5BridgeOptions = {}): HostBridge {
  const ready = options.ready ?? Promise.resolve();
  const prefix = options.storagePrefix ?? 'rxyjs:';
  const origin = options.origin ?? '';
  const at = (url: string) => (url.startsWith('/') ? origin + url : url);
  const host = options.host ?? {};
  const timeout = (own: number | undefined, fallback: number) => options.networkTimeoutMs?.() ?? host.networkTimeoutMs?.() ?? own ?? fallback;
  const pickedFiles = new Map<string, Blob>();

  async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<HostResult<Response>> {
    await ready;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return ok(await fetch(at(url), { ...init, signal: controller.signal, credentials: 'same-origin' }));
    } catch (error) {
      if (controller.signal.aborted) return fail('timeout', `no answer in ${timeoutMs} ms`);
      return fail('network', error instanceof Error ? error.name : 'fetch failed');
    } finally {
      clearTimeout(timer);
    }
  }

  async function request(req: HttpRequest): Promise<HostResult<HttpResponse>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
    let body: string | undefined;
    if (req.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    const answer = await fetchWithTimeout(req.url, { method: req.method, headers, body }, timeout(req.timeoutMs, DEFAULT_TIMEOUT_MS));
    if (!answer.ok) return answer;
    const response = answer.value;
    return ok({ status: response.status, headers: headersToRecord(response.headers), data: await readBody(response) });
  }

  const remember = (blob: Blob, name: string): PickedImage => {
    const path = URL.createObjectURL(blob);
    pickedFiles.set(path, blob);
    return { path, name, size: blob.size, mime: blob.type };
  };

  async function pickImages(req: { count: number; sources: Array<'camera' | 'album'> }): Promise<HostResult<PickedImage[]>> {
    if (host.pickImages) {
      await ready;
      const picked = await host.pickImages(req);
      if (!picked.ok) return picked;
      if (picked.value.length === 0) return fail('cancelled');
      return ok(picked.value.slice(0, req.count).map((image) => remember(image.blob, image.name)));
    }
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = 'image/*';
      input.multiple = req.count > 1;
      if (req.sources.length === 1 && req.sources[0] === 'camera') input.capture = 'environment';
      input.style.display = 'none';
      let settled = false;
      const finish = (result: HostResult<PickedImage[]>) => {
        if (settled) return;
        settled = true;
        input.remove();
        resolve(result);
      };
      input.addEventListener('change', () => {
        const files = Array.from(input.files ?? []).slice(0, req.count);
        if (files.length === 0) return finish(fail('cancelled'));
        finish(ok(files.map((file) => remember(file, file.name))));
      });
      input.addEventListener('cancel', () => finish(fail('cancelled')));
      document.body.appendChild(input);
      input.click();
    });
  }

  const tools: H5FileContext = { ready, at, timeout, host, pickedFiles, fetchWithTimeout };
  if (host.setTitle) syncTitle(host.setTitle);

  return {
    platform: 'h5',
    contractVersion: BRIDGE_CONTRACT_VERSION,
    async verifyFace(req) {
      await ready;
      return host.verifyFace ? host.verifyFace(req) : fail('unavailable', 'this web container has no face service');
    },
    async getLoginHandoff() {
      await ready;
      return host.getLoginHandoff ? host.getLoginHandoff() : fail('unavailable', 'no host login');
    },
    request,
    pickImages,
    // The file tools load when a page first uses them (./files.ts): the first page uploads nothing.
    // Picking stays here: the browser's file dialog must open within the parent's tap.
    compressImage: (req) => files.use((f) => f.compressImage(tools, req)),
    uploadFile: (req, onProgress) => files.upload((f) => f.uploadFile(tools, req, onProgress)),
    loadPreview: (pathOrApiUrl, headers) => files.use((f) => f.loadPreview(tools, pathOrApiUrl, headers)),
    async openHostPage(page) {
      return host.openHostPage ? host.openHostPage(page) : fail('unavailable', 'no host pages in a plain browser');
    },
    async makePhoneCall(phone) {
      if (host.makePhoneCall) return host.makePhoneCall(phone);
      // Here, not with the file tools: the tel: link must follow the parent's tap without a chunk load between.
      const link = document.createElement('a');
      link.href = `tel:${phone.replace(/[^\d+-]/g, '')}`;
      link.style.display = 'none';
      document.body.appendChild(link);
      link.click();
      link.remove();
      return ok(undefined);
    },
    storage: {
      async get(key) {
        try {
          return window.localStorage.getItem(prefix + key);
        } catch {
          return null;
        }
      },
      async set(key, value) {
        try {
          window.localStorage.setItem(prefix + key, value);
        } catch {
          /* storage full or disabled: drafts stay in memory for this visit */
        }
      },
      async remove(key) {
        try {
          window.localStorage.removeItem(prefix + key);
        } catch {
          /* ignore */
        }
      },
    },
    saveDocument: (req) => files.use((f) => f.saveDocument(tools, req)),
    async requestNotifyConsent(req) {
      // A plain browser has no push channel: messages stay in 个人中心 → 消息.
      return host.requestNotifyConsent ? host.requestNotifyConsent(req) : fail('unavailable', 'no pushes in a plain browser');
    },
    async scanCode() {
      // A plain browser has no scanner; the check-in page then offers pasting the code.
      return host.scanCode ? host.scanCode() : fail('unavailable', 'no QR scanner in the H5 host');
    },
    async getUiStyle() {
      await ready;
      return (await host.getUiStyle?.()) ?? 'normal';
    },
    onUiStyleChange(listener) {
      return host.onUiStyleChange?.(listener) ?? (() => undefined);
    },
  };
}
