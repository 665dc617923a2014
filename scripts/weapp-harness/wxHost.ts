/**
 * The WeChat side of the harness: a `wx` whose network APIs are answered in-process by the real
 * enrolment server app (`server.app.fetch`, no sockets), whose face screen completes the server's
 * verification through the dev host's /host/face/complete, and whose files live in a temp-file map.
 */
import jpeg from 'jpeg-js';
import type { EnrolmentServer } from '../../server/compose';
import { createDevHostApp } from '../../mock/devHost/app';

type Opts = Record<string, unknown> & {
  success?: (res: unknown) => void;
  fail?: (err: unknown) => void;
  complete?: () => void;
};

export interface WxHostOptions {
  server: EnrolmentServer;
  /** Seeded identity the face screen "recognises". */
  identityId?: string;
  /** JSON.parse of the mini-program's realm, so answers are that realm's objects. */
  parseJson?: (text: string) => unknown;
  log?: (line: string) => void;
}

/** A JPEG "photo" (a noise pattern) of the given size, made in Node with jpeg-js. */
const photos = new Map<string, Uint8Array>();
export function makePhoto(width = 1600, height = 1200, quality = 85): Uint8Array {
  const key = `${width}x${height}@${quality}`;
  const known = photos.get(key);
  if (known) return known;
  const data = Buffer.alloc(width * height * 4);
  let seed = 7;
  for (let i = 0; i < data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const v = seed & 255;
    data[i] = v;
    data[i + 1] = (v * 7) & 255;
    data[i + 2] = 255 - v;
    data[i + 3] = 255;
  }
  const photo = new Uint8Array(jpeg.encode({ data, width, height }, quality).data);
  photos.set(key, photo);
  return photo;
}

/** Nearest-neighbour scale and JPEG re-encode (jpeg-js), standing in for WeChat's image encoder. */
function recompress(bytes: Uint8Array, width: number, height: number, quality: number): Uint8Array {
  const src = jpeg.decode(bytes, { useTArray: true, maxMemoryUsageInMB: 1024 });
  const w = width || src.width;
  const h = height || src.height;
  const out = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(src.height - 1, Math.floor((y * src.height) / h));
    for (let x = 0; x < w; x++) {
      const sx = Math.min(src.width - 1, Math.floor((x * src.width) / w));
      const from = (sy * src.width + sx) * 4;
      const to = (y * w + x) * 4;
      out[to] = src.data[from];
      out[to + 1] = src.data[from + 1];
      out[to + 2] = src.data[from + 2];
      out[to + 3] = 255;
    }
  }
  return new Uint8Array(jpeg.encode({ data: out, width: w, height: h }, Math.max(1, Math.min(100, quality))).data);
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    const len = (b[i + 2] << 8) | b[i + 3];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8] };
    i += 2 + len;
  }
  return null;
}

export function createWxHost(opts: WxHostOptions) {
  const { server } = opts;
  const parse = opts.parseJson ?? JSON.parse;
  const devHost = createDevHostApp(server.dev!);
  const files = new Map<string, Uint8Array>();
  const storage = new Map<string, unknown>();
  const calls: Array<{ api: string; detail?: string }> = [];
  const unknownApis = new Set<string>();
  let busy = 0;
  let fileSeq = 0;
  let codeSeq = 0;
  /** Images the next chooseMedia returns. */
  const picks: Array<{ bytes: Uint8Array; ext: string }> = [];
  const showListeners: Array<(o: unknown) => void> = [];
  const scanQueue: string[] = [];
  let baseInfo = { SDKVersion: '3.7.0', language: 'zh_CN', version: '8.0.50', fontSizeScaleFactor: 1, fontSizeSetting: 17, theme: 'light' };

  const tempFile = (bytes: Uint8Array, ext: string) => {
    const p = `http://tmp/harness_${++fileSeq}.${ext}`;
    files.set(p, bytes);
    return p;
  };

  /** Runs an async answer like WeChat does: success or fail, then complete, never in the same tick. */
  function answer(api: string, o: Opts, run: () => Promise<unknown> | unknown) {
    busy += 1;
    calls.push({ api });
    Promise.resolve()
      .then(run)
      .then(
        (res) => o.success?.(parse(JSON.stringify({ errMsg: `${api}:ok`, ...(res as object) }))),
        (error) => o.fail?.(parse(JSON.stringify({ errMsg: `${api}:fail ${error instanceof Error ? error.message : String(error)}` }))),
      )
      .finally(() => {
        busy -= 1;
        o.complete?.();
      });
  }

  async function fetchServer(url: string, init: RequestInit): Promise<Response> {
    return server.app.fetch(new Request(url, init));
  }

  const headersOf = (res: Response) => Object.fromEntries([...res.headers.entries()]);
  const sync = (value: unknown) => () => value;

  const wx: Record<string, unknown> = {
    // --- identity
    login: (o: Opts) => answer('login', o, () => ({ code: `harness-wx-code-${++codeSeq}` })),
    requestFacialVerify: (o: Opts) =>
      answer('requestFacialVerify', o, async () => {
        // WeChat's face screen: the citizen faces the camera; the (simulated) face service records the verdict.
        const res = await devHost.fetch(new Request('http://host/host/face/complete', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ verifyId: o.verifyId, identityId: opts.identityId }) }));
        if (res.status !== 200) throw new Error(`face ${res.status}`);
        return { verifyResult: 'harness' };
      }),
    startFacialRecognitionVerify: () => {
      throw new Error('wx.startFacialRecognitionVerify (face verification 1.0) was retired on 2026-06-30');
    },
    // --- network
    request: (o: Opts) =>
      answer('request', o, async () => {
        const method = String(o.method ?? 'GET').toUpperCase();
        const header = { ...((o.header as Record<string, string>) ?? {}) };
        let body: string | undefined;
        if (o.data !== undefined && method !== 'GET') body = typeof o.data === 'string' ? o.data : JSON.stringify(o.data);
        let url = String(o.url);
        if (o.data && method === 'GET' && typeof o.data === 'object') url += (url.includes('?') ? '&' : '?') + new URLSearchParams(o.data as Record<string, string>);
        calls[calls.length - 1].detail = `${method} ${new URL(url).pathname}`;
        const res = await fetchServer(url, { method, headers: header, body });
        const text = await res.text();
        let data: unknown = text;
        if (o.dataType !== 'text' && text) {
          try {
            data = JSON.parse(text);
          } catch {
            /* text */
          }
        }
        return { statusCode: res.status, header: headersOf(res), data };
      }),
    uploadFile: (o: Opts) => {
      const progress: Array<(p: unknown) => void> = [];
      let aborted = false;
      answer('uploadFile', o, async () => {
        const bytes = files.get(String(o.filePath));
        if (!bytes) throw new Error('file not found');
        const form = new FormData();
        form.append(String(o.name ?? 'file'), new Blob([bytes as unknown as BlobPart]), String(o.filePath).split('/').pop());
        for (const [k, v] of Object.entries((o.formData as Record<string, string>) ?? {})) form.append(k, v);
        const headers = { ...((o.header as Record<string, string>) ?? {}) };
        const res = await fetchServer(String(o.url), { method: 'POST', headers, body: form });
        if (aborted) throw new Error('abort');
        for (const l of progress) l(parse(JSON.stringify({ progress: 100, totalBytesSent: bytes.length, totalBytesExpectedToSend: bytes.length })));
        return { statusCode: res.status, data: await res.text() };
      });
      return {
        onProgressUpdate: (l: (p: unknown) => void) => progress.push(l),
        offProgressUpdate: () => undefined,
        abort: () => (aborted = true),
      };
    },
    downloadFile: (o: Opts) => {
      answer('downloadFile', o, async () => {
        const res = await fetchServer(String(o.url), { headers: (o.header as Record<string, string>) ?? {} });
        const bytes = new Uint8Array(await res.arrayBuffer());
        const type = res.headers.get('content-type') ?? '';
        const ext = type.includes('pdf') ? 'pdf' : type.includes('png') ? 'png' : type.includes('jpeg') ? 'jpg' : 'bin';
        return { statusCode: res.status, tempFilePath: tempFile(bytes, ext) };
      });
      return { onProgressUpdate: () => undefined, abort: () => undefined };
    },
    // --- media and files
    chooseMedia: (o: Opts) =>
      answer('chooseMedia', o, () => {
        const chosen = picks.splice(0, Number(o.count ?? 1));
        if (chosen.length === 0) throw new Error('cancel');
        return { type: 'image', tempFiles: chosen.map((p) => ({ tempFilePath: tempFile(p.bytes, p.ext), size: p.bytes.length, fileType: 'image' })) };
      }),
    chooseImage: (o: Opts) => answer('chooseImage', o, () => Promise.reject(new Error('deprecated: use chooseMedia'))),
    getImageInfo: (o: Opts) =>
      answer('getImageInfo', o, () => {
        const bytes = files.get(String(o.src));
        const size = bytes && bytes[0] === 0xff ? jpegSize(bytes) : null;
        if (!size) throw new Error('invalid image');
        return { ...size, type: 'jpeg', path: o.src, orientation: 'up' };
      }),
    compressImage: (o: Opts) =>
      answer('compressImage', o, () => {
        const bytes = files.get(String(o.src));
        if (!bytes) throw new Error('file not found');
        // As WeChat does: decode, scale to compressedWidth x compressedHeight, re-encode as JPEG at `quality`.
        return { tempFilePath: tempFile(recompress(bytes, Number(o.compressedWidth) || 0, Number(o.compressedHeight) || 0, Number(o.quality ?? 80)), 'jpg') };
      }),
    getFileSystemManager: () => ({
      getFileInfo: (o: Opts) =>
        answer('getFileInfo', o, () => {
          const bytes = files.get(String(o.filePath));
          if (!bytes) throw new Error('no such file');
          return { size: bytes.length };
        }),
      readFile: (o: Opts) => answer('readFile', o, () => Promise.reject(new Error('not in harness'))),
    }),
    openDocument: (o: Opts) => answer('openDocument', o, () => ({})),
    saveFile: (o: Opts) => answer('saveFile', o, () => ({ savedFilePath: o.tempFilePath })),
    previewImage: (o: Opts) => answer('previewImage', o, () => ({})),
    makePhoneCall: (o: Opts) => answer('makePhoneCall', o, () => ({})),
    // The camera "reads" whatever the walk put in front of it (scanQueue), else the teacher cancels.
    scanCode: (o: Opts) =>
      answer('scanCode', o, () => {
        const text = scanQueue.shift();
        if (text === undefined) throw new Error('cancel');
        return { result: text, scanType: 'QR_CODE', charSet: 'utf-8' };
      }),
    setClipboardData: (o: Opts) => answer('setClipboardData', o, () => ({})),
    // --- storage
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    clearStorageSync: () => storage.clear(),
    getStorage: (o: Opts) => answer('getStorage', o, () => (storage.has(String(o.key)) ? { data: storage.get(String(o.key)) } : Promise.reject(new Error('data not found')))),
    setStorage: (o: Opts) => answer('setStorage', o, () => void storage.set(String(o.key), o.data)),
    removeStorage: (o: Opts) => answer('removeStorage', o, () => void storage.delete(String(o.key))),
    getStorageInfoSync: () => parse(JSON.stringify({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 })),
    // --- system (the deprecated getSystemInfoSync is counted: the module must not call it)
    getAppBaseInfo: () => parse(JSON.stringify(baseInfo)),
    getWindowInfo: sync(parse(JSON.stringify({ pixelRatio: 2, screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 729, statusBarHeight: 44, safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 }, screenTop: 0 }))),
    getDeviceInfo: sync(parse(JSON.stringify({ brand: 'harness', model: 'harness', platform: 'devtools', system: 'iOS 17', benchmarkLevel: 30 }))),
    getSystemSetting: sync(parse(JSON.stringify({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }))),
    getSystemInfoSync: () => {
      calls.push({ api: 'getSystemInfoSync' });
      return parse(JSON.stringify({ ...baseInfo, pixelRatio: 2, windowWidth: 375, windowHeight: 729, screenWidth: 375, screenHeight: 812, platform: 'devtools', system: 'iOS 17' }));
    },
    getMenuButtonBoundingClientRect: sync(parse(JSON.stringify({ width: 87, height: 32, top: 48, right: 368, bottom: 80, left: 281 }))),
    getLaunchOptionsSync: sync(parse(JSON.stringify({ path: 'pages/index/index', query: {}, scene: 1001 }))),
    getEnterOptionsSync: sync(parse(JSON.stringify({ path: 'pages/index/index', query: {}, scene: 1001 }))),
    canIUse: () => true,
    onAppShow: (l: (o: unknown) => void) => void showListeners.push(l),
    offAppShow: (l: (o: unknown) => void) => void showListeners.splice(showListeners.indexOf(l) >>> 0, 1),
    onAppHide: () => undefined,
    offAppHide: () => undefined,
    onError: () => undefined,
    onUnhandledRejection: () => undefined,
    onPageNotFound: () => undefined,
    onMemoryWarning: () => undefined,
    onThemeChange: () => undefined,
    onNetworkStatusChange: () => undefined,
    getNetworkType: (o: Opts) => answer('getNetworkType', o, () => ({ networkType: 'wifi' })),
    getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
    nextTick: (fn: () => void) => void Promise.resolve().then(fn),
    createSelectorQuery: () => {
      const q = {
        in: () => q,
        select: () => q,
        selectAll: () => q,
        selectViewport: () => q,
        boundingClientRect: () => q,
        scrollOffset: () => q,
        fields: () => q,
        node: () => q,
        exec: (cb?: (r: unknown) => void) => setTimeout(() => cb?.(parse('[]')), 0),
      };
      return q;
    },
    createIntersectionObserver: () => ({ relativeTo: () => ({ observe() {} }), relativeToViewport: () => ({ observe() {} }), disconnect() {} }),
    // --- UI feedback: recorded so the walk can read toasts and modals
    showToast: (o: Opts) => answer('showToast', o, () => (calls[calls.length - 1].detail = String(o.title)) && {}),
    hideToast: (o: Opts = {}) => answer('hideToast', o, () => ({})),
    showLoading: (o: Opts) => answer('showLoading', o, () => ({})),
    hideLoading: (o: Opts = {}) => answer('hideLoading', o, () => ({})),
    showModal: (o: Opts) => answer('showModal', o, () => ((calls[calls.length - 1].detail = `${o.title ?? ''} ${o.content ?? ''}`), { confirm: true, cancel: false })),
    showActionSheet: (o: Opts) => answer('showActionSheet', o, () => ({ tapIndex: 0 })),
    setNavigationBarTitle: (o: Opts) => answer('setNavigationBarTitle', o, () => ((calls[calls.length - 1].detail = String(o.title)), {})),
    setNavigationBarColor: (o: Opts) => answer('setNavigationBarColor', o, () => ({})),
    showNavigationBarLoading: () => undefined,
    hideNavigationBarLoading: () => undefined,
    setBackgroundColor: (o: Opts = {}) => answer('setBackgroundColor', o, () => ({})),
    pageScrollTo: (o: Opts) => answer('pageScrollTo', o, () => ({})),
    stopPullDownRefresh: (o: Opts = {}) => answer('stopPullDownRefresh', o, () => ({})),
    vibrateShort: (o: Opts = {}) => answer('vibrateShort', o, () => ({})),
    reportAnalytics: () => undefined,
    reportEvent: () => undefined,
    getRealtimeLogManager: () => ({ info() {}, warn() {}, error() {}, setFilterMsg() {} }),
    getLogManager: () => ({ log() {}, info() {}, warn() {}, debug() {} }),
  };

  return {
    wx,
    files,
    storage,
    calls,
    unknownApis,
    busy: () => busy,
    /** The next chooseMedia returns these images. */
    pick(...images: Array<{ bytes: Uint8Array; ext?: string }>) {
      picks.push(...images.map((i) => ({ bytes: i.bytes, ext: i.ext ?? 'jpg' })));
    },
    /** What the next wx.scanCode reads. */
    showToCamera(text: string) {
      scanQueue.push(text);
    },
    setFontScale(scale: number) {
      baseInfo = { ...baseInfo, fontSizeScaleFactor: scale };
    },
    appShow() {
      for (const l of showListeners.slice()) l(parse('{"path":"","scene":1001}'));
    },
    /** Calls the server's QA API (clock, review, lottery) as QA does. */
    async qa(method: string, p: string, body?: unknown) {
      const res = await fetchServer(`http://localhost${p}`, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      const data = text ? JSON.parse(text) : null;
      if (res.status >= 400) throw new Error(`QA ${method} ${p}: ${res.status} ${text}`);
      return data;
    },
  };
}

export type WxHost = ReturnType<typeof createWxHost>;
