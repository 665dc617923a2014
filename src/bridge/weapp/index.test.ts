import { compressionAttempts } from '../compressionLadder';
import { createWeappBridge, hostBridgeHook, hostConfigOf, uiStyleOf, type WxApi } from './index';

type Opts = Record<string, unknown> & { success?: (r: unknown) => void; fail?: (e: unknown) => void };

/** A `wx` shim: every callback API answers from a table; calls are recorded. */
function wxShim(overrides: Partial<Record<keyof WxApi | 'getSystemInfoSync' | 'startFacialRecognitionVerify', unknown>> = {}) {
  const calls: Array<[string, Opts]> = [];
  const storage = new Map<string, unknown>();
  const showListeners: Array<() => void> = [];
  let baseInfo: { fontSizeScaleFactor?: number; fontSizeSetting?: number } = { fontSizeScaleFactor: 1 };
  const answer = (name: string, value: unknown) => (o: Opts) => {
    calls.push([name, o]);
    Promise.resolve().then(() => o.success?.(typeof value === 'function' ? (value as (o: Opts) => unknown)(o) : value));
  };
  const wx = {
    requestFacialVerify: answer('requestFacialVerify', {}),
    startFacialRecognitionVerify: () => {
      throw new Error('face verification 1.0 must never be called');
    },
    getSystemInfoSync: () => {
      throw new Error('getSystemInfoSync is deprecated');
    },
    login: answer('login', { code: 'wxcode123' }),
    request: answer('request', { statusCode: 200, header: { 'Content-Type': 'application/json' }, data: { hello: 'world' } }),
    chooseMedia: answer('chooseMedia', {
      tempFiles: [
        { tempFilePath: 'http://tmp/a1b2.png', size: 1234, fileType: 'image' },
        { tempFilePath: 'wxfile://tmp_noext', size: 99, fileType: 'image' },
      ],
    }),
    getImageInfo: answer('getImageInfo', { width: 4000, height: 3000, type: 'heic' }),
    compressImage: answer('compressImage', (o: Opts) => ({ tempFilePath: `http://tmp/c_${o.quality}_${o.compressedWidth}.jpg` })),
    getFileSystemManager: () => ({ getFileInfo: answer('getFileInfo', (o: Opts) => ({ size: Number(/c_(\d+)_(\d+)/.exec(String(o.filePath))![1]) * Number(/c_(\d+)_(\d+)/.exec(String(o.filePath))![2]) })) }),
    uploadFile: (o: Opts) => {
      calls.push(['uploadFile', o]);
      const progress: Array<(p: unknown) => void> = [];
      Promise.resolve().then(() => {
        progress.forEach((l) => l({ progress: 100, totalBytesSent: 10, totalBytesExpectedToSend: 10 }));
        o.success?.({ statusCode: 201, data: '{"id":"UP1"}' });
      });
      return { onProgressUpdate: (l: (p: unknown) => void) => progress.push(l), abort: () => o.fail?.({ errMsg: 'uploadFile:fail abort' }) };
    },
    downloadFile: answer('downloadFile', { statusCode: 200, tempFilePath: 'http://tmp/doc.pdf' }),
    openDocument: answer('openDocument', {}),
    makePhoneCall: answer('makePhoneCall', {}),
    scanCode: answer('scanCode', { result: 'RC1.abc' }),
    getStorageSync: (k: string) => storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    getAppBaseInfo: () => baseInfo,
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
    onAppShow: (l: () => void) => void showListeners.push(l),
    offAppShow: (l: () => void) => void showListeners.splice(showListeners.indexOf(l), 1),
    ...overrides,
  };
  return {
    wx: wx as unknown as WxApi,
    calls,
    storage,
    named: (name: string) => calls.filter(([n]) => n === name).map(([, o]) => o),
    setBaseInfo: (info: typeof baseInfo) => (baseInfo = info),
    appShow: () => showListeners.slice().forEach((l) => l()),
    showListeners,
  };
}

const failing = (errMsg: string) => (o: Opts) => Promise.resolve().then(() => o.fail?.({ errMsg }));

describe('weapp bridge (contract v2)', () => {
  it('shows WeChat face verification 2.0 for the server’s verifyId', async () => {
    const shim = wxShim();
    const bridge = createWeappBridge({ wx: shim.wx, origin: 'https://api.test' });
    expect(bridge.contractVersion).toBe(2);
    await expect(bridge.verifyFace({ verifyId: 'V123', provider: 'wechat', reason: '核验' })).resolves.toEqual({ ok: true, value: undefined });
    expect(shim.named('requestFacialVerify')[0]).toMatchObject({ verifyId: 'V123' });
  });

  it('reports a cancelled face screen, another provider and an old base library', async () => {
    const cancelled = createWeappBridge({ wx: wxShim({ requestFacialVerify: failing('requestFacialVerify:fail cancel') }).wx });
    await expect(cancelled.verifyFace({ verifyId: 'V', provider: 'wechat', reason: '' })).resolves.toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    const bridge = createWeappBridge({ wx: wxShim().wx });
    await expect(bridge.verifyFace({ verifyId: 'V', provider: 'alipay', reason: '' })).resolves.toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    const old = createWeappBridge({ wx: wxShim({ requestFacialVerify: undefined }).wx });
    await expect(old.verifyFace({ verifyId: 'V', provider: 'wechat', reason: '' })).resolves.toMatchObject({ ok: false, error: { kind: 'unavailable' } });
  });

  it('hands the server a wx.login code', async () => {
    const bridge = createWeappBridge({ wx: wxShim().wx });
    await expect(bridge.getLoginHandoff()).resolves.toEqual({ ok: true, value: { kind: 'wxLoginCode', code: 'wxcode123' } });
    const none = createWeappBridge({ wx: wxShim({ login: failing('login:fail no network') }).wx });
    expect((await none.getLoginHandoff()).ok).toBe(false);
  });

  it('sends JSON to the API origin and answers with lower-case headers', async () => {
    const shim = wxShim();
    const bridge = createWeappBridge({ wx: shim.wx, origin: 'https://api.test' });
    const answer = await bridge.request({ method: 'POST', url: '/api/v1/x', body: { a: 1 }, headers: { Authorization: 'Bearer t' } });
    expect(answer).toEqual({ ok: true, value: { status: 200, headers: { 'content-type': 'application/json' }, data: { hello: 'world' } } });
    const sent = shim.named('request')[0];
    expect(sent).toMatchObject({ url: 'https://api.test/api/v1/x', method: 'POST', data: '{"a":1}' });
    expect(sent.header).toMatchObject({ Authorization: 'Bearer t', 'Content-Type': 'application/json' });
    const down = createWeappBridge({ wx: wxShim({ request: failing('request:fail timeout') }).wx });
    await expect(down.request({ method: 'GET', url: '/x' })).resolves.toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('gives picked images their real mime types (extension, else wx.getImageInfo)', async () => {
    const bridge = createWeappBridge({ wx: wxShim().wx });
    const picked = await bridge.pickImages({ count: 2, sources: ['album'] });
    expect(picked).toEqual({
      ok: true,
      value: [
        { path: 'http://tmp/a1b2.png', name: 'image-1.png', size: 1234, mime: 'image/png' },
        { path: 'wxfile://tmp_noext', name: 'image-2.heic', size: 99, mime: 'image/heic' },
      ],
    });
  });

  it('compresses until the result is within maxBytes: lower quality first, then a smaller edge (never below 1600 px)', async () => {
    const shim = wxShim();
    const bridge = createWeappBridge({ wx: shim.wx });
    // The shim's "file size" is quality x width: 80 x 2400 = 192000, 65 x 2400 = 156000, 50 x 2400 = 120000, then 80 x 2040 …
    const result = await bridge.compressImage({ path: 'http://tmp/a.jpg', maxEdge: 2400, quality: 0.8, maxBytes: 110000 });
    expect(result).toEqual({ ok: true, value: { path: 'http://tmp/c_50_2040.jpg', size: 102000, width: 2040, height: 1530, mime: 'image/jpeg' } });
    const tried = shim.named('compressImage').map((o) => [o.quality, o.compressedWidth]);
    expect(tried).toEqual([[80, 2400], [65, 2400], [50, 2400], [80, 2040], [65, 2040], [50, 2040]]);
  });

  it('returns the last attempt when nothing fits, and one attempt without maxBytes', async () => {
    const shim = wxShim();
    const bridge = createWeappBridge({ wx: shim.wx });
    const result = await bridge.compressImage({ path: 'http://tmp/a.jpg', maxEdge: 2400, quality: 0.8, maxBytes: 10 });
    expect(result).toMatchObject({ ok: true, value: { width: 1600, size: 50 * 1600 } });
    expect(shim.named('compressImage')).toHaveLength(compressionAttempts(2400, 0.8).length);
    const once = wxShim();
    await createWeappBridge({ wx: once.wx }).compressImage({ path: 'http://tmp/a.jpg', maxEdge: 2400, quality: 0.8 });
    expect(once.named('compressImage')).toHaveLength(1);
    const broken = createWeappBridge({ wx: wxShim({ getImageInfo: failing('getImageInfo:fail invalid image') }).wx });
    expect((await broken.compressImage({ path: 'x.txt', maxEdge: 2400, quality: 0.8 })).ok).toBe(false);
  });

  it('uploads as multipart (no caller Content-Type), reports progress and parses the JSON answer', async () => {
    const shim = wxShim();
    const bridge = createWeappBridge({ wx: shim.wx, origin: 'https://api.test' });
    const progress: unknown[] = [];
    const task = bridge.uploadFile({ url: '/api/v1/uploads', path: 'http://tmp/c.jpg', headers: { 'Content-Type': 'image/jpeg', 'X-Material-Code': 'm' } }, (p) => progress.push(p));
    await expect(task.result).resolves.toEqual({ ok: true, value: { status: 201, headers: {}, data: { id: 'UP1' } } });
    expect(shim.named('uploadFile')[0]).toMatchObject({ url: 'https://api.test/api/v1/uploads', name: 'file', header: { 'X-Material-Code': 'm' } });
    expect((shim.named('uploadFile')[0].header as Record<string, string>)['Content-Type']).toBeUndefined();
    expect(progress).toEqual([{ loaded: 10, total: 10 }]);
  });

  it('namespaces storage keys', async () => {
    const shim = wxShim();
    const bridge = createWeappBridge({ wx: shim.wx });
    await bridge.storage.set('session', 'v');
    expect([...shim.storage.keys()]).toEqual(['rxyjs:session']);
    await expect(bridge.storage.get('session')).resolves.toBe('v');
    await bridge.storage.remove('session');
    await expect(bridge.storage.get('session')).resolves.toBeNull();
  });

  it('reads the UI style from getAppBaseInfo (never getSystemInfoSync) and tells listeners when it changes on app show', async () => {
    const shim = wxShim();
    const bridge = createWeappBridge({ wx: shim.wx });
    await expect(bridge.getUiStyle()).resolves.toBe('normal');
    const seen: string[] = [];
    const off = bridge.onUiStyleChange((s) => seen.push(s));
    shim.appShow();
    shim.setBaseInfo({ fontSizeScaleFactor: 1.4 });
    shim.appShow();
    shim.appShow();
    expect(seen).toEqual(['elder']);
    await expect(bridge.getUiStyle()).resolves.toBe('elder');
    off();
    expect(shim.showListeners).toHaveLength(0);
    expect(uiStyleOf({ fontSizeSetting: 24 })).toBe('elder');
    expect(uiStyleOf({ fontSizeSetting: 17 })).toBe('normal');
  });

  it('saves documents, scans and calls through wx', async () => {
    const shim = wxShim();
    const bridge = createWeappBridge({ wx: shim.wx, origin: 'https://api.test' });
    await expect(bridge.saveDocument({ url: '/api/v1/notice.pdf', fileName: 'n.pdf', mime: 'application/pdf' })).resolves.toEqual({ ok: true, value: undefined });
    expect(shim.named('openDocument')[0]).toMatchObject({ filePath: 'http://tmp/doc.pdf', fileType: 'pdf' });
    await expect(bridge.scanCode()).resolves.toEqual({ ok: true, value: 'RC1.abc' });
    await expect(bridge.loadPreview('/api/v1/uploads/U1')).resolves.toEqual({ ok: true, value: 'http://tmp/doc.pdf' });
    await expect(bridge.loadPreview('http://tmp/a.png')).resolves.toEqual({ ok: true, value: 'http://tmp/a.png' });
  });

  it('asks 订阅消息 consent with the configured template ids and answers the kinds accepted', async () => {
    const shim = wxShim({
      requestSubscribeMessage: (o: Opts & { tmplIds: string[] }) => {
        shim.calls.push(['requestSubscribeMessage', o]);
        Promise.resolve().then(() => o.success?.({ errMsg: 'requestSubscribeMessage:ok', T_APPROVED: 'accept', T_CORRECTION: 'reject' }));
      },
    });
    const templates = { approved: 'T_APPROVED', correctionRequested: 'T_CORRECTION' };
    const bridge = createWeappBridge({ wx: shim.wx, subscribeTemplates: () => templates });
    const answer = await bridge.requestNotifyConsent!({ kinds: ['approved', 'correctionRequested', 'rejected'], reason: '审核结果和补正提醒' });
    expect(answer).toEqual({ ok: true, value: { accepted: ['approved'] } });
    // Only kinds with a template are asked for (rejected has none).
    expect(shim.named('requestSubscribeMessage')[0]).toMatchObject({ tmplIds: ['T_APPROVED', 'T_CORRECTION'] });
    // Without templates nothing is asked: the host has no pushes.
    expect(await createWeappBridge({ wx: shim.wx, subscribeTemplates: () => ({}) }).requestNotifyConsent!({ kinds: ['approved'], reason: 'x' })).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    const cancelled = wxShim({ requestSubscribeMessage: (o: Opts) => Promise.resolve().then(() => o.fail?.({ errMsg: 'requestSubscribeMessage:fail cancel' })) });
    expect(await createWeappBridge({ wx: cancelled.wx, subscribeTemplates: () => templates }).requestNotifyConsent!({ kinds: ['approved'], reason: 'x' })).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
  });

  it('lets an embedding host extend the WeChat bridge, and refuses another contract version', () => {
    const wechat = createWeappBridge({ wx: wxShim().wx });
    expect(hostBridgeHook({})).toBeNull();
    const hook = hostBridgeHook({ __RXYJS_HOST__: { contractVersion: 2, bridge: (base: typeof wechat) => ({ ...base, platform: 'host-demo' }) } });
    expect(hook!(wechat)).toMatchObject({ platform: 'host-demo', contractVersion: 2 });
    const own = { ...wechat, platform: 'own' };
    expect(hostBridgeHook({ __RXYJS_HOST__: { contractVersion: 2, bridge: own } })!(wechat)).toBe(own);
    expect(() => hostBridgeHook({ __RXYJS_HOST__: { contractVersion: 1, bridge: own } })).toThrow(/contract v1/);
  });

  it('reads the host’s name, colours and telemetry from its registration, refusing unknown keys and what the build owns', () => {
    const wechat = createWeappBridge({ wx: wxShim().wx });
    expect(hostConfigOf({ __RXYJS_HOST__: { contractVersion: 2, bridge: wechat } })).toBeNull();
    expect(hostConfigOf({ __RXYJS_HOST__: { contractVersion: 2, bridge: wechat, config: { hostName: '示例宿主' } } })).toEqual({ hostName: '示例宿主' });
    const pageView = () => undefined;
    expect(hostConfigOf({ __RXYJS_HOST__: { contractVersion: 2, bridge: wechat, config: { theme: { primary: '#0a7f5a' }, telemetry: { pageView } } } })).toEqual({ theme: { primary: '#0a7f5a' }, telemetry: { pageView } });
    expect(() => hostConfigOf({ __RXYJS_HOST__: { contractVersion: 2, bridge: wechat, config: { hostname: 'x' } } })).toThrow(/unknown configuration key\(s\) hostname/);
    expect(() => hostConfigOf({ __RXYJS_HOST__: { contractVersion: 2, bridge: wechat, config: { apiBaseUrl: 'https://x.example' } } })).toThrow(/unknown configuration key\(s\) apiBaseUrl/);
    expect(() => hostConfigOf({ __RXYJS_HOST__: { contractVersion: 2, bridge: wechat, config: { theme: { primary: 'blue' } } } })).toThrow(/hex colour/);
  });
});
