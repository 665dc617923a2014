import { BRIDGE_CONTRACT_VERSION, type HostBridge } from '@contract/bridge';
import { embeddedBridge } from '@/embed/inApp';
import { EMBED_GLOBAL } from '@/embed/handoff';
import { getRuntimeConfig, setRuntimeConfig } from '@/config/runtime';
import { createJsBridgeBridge, jsBridgeHost, JsBridgeErrorCode, type JsBridgeApi, type JsBridgeUiStyle } from './index';

type Call = { name: string; args: unknown };

/** A JSBridge container as the adapter sees it: every call recorded, each answer or rejection chosen by the test. */
function fakeJsBridge(overrides: Partial<JsBridgeApi> = {}) {
  const calls: Call[] = [];
  const styleListeners = new Set<(style: JsBridgeUiStyle) => void>();
  const record =
    <A, R>(name: string, answer: (args?: A) => R) =>
    async (args?: A) => {
      calls.push({ name, args });
      return answer(args);
    };
  const api: JsBridgeApi = {
    ready: () => Promise.resolve(),
    faceVerify: record('faceVerify', () => undefined),
    chooseImage: record('chooseImage', () => ({ picPath: ['data:image/png;base64,iVBORw0KGgo='] })),
    downloadFile: record('downloadFile', () => undefined),
    phoneCall: record('phoneCall', () => undefined),
    scan: record('scan', () => ({ text: 'RXYJS-CODE' })),
    setTitle: record('setTitle', () => undefined),
    close: record('close', () => undefined),
    openLink: record('openLink', () => undefined),
    getUiStyle: record('getUiStyle', () => ({ uiStyle: 'elder' as const })),
    onUiStyleChange(listener) {
      styleListeners.add(listener);
      return () => styleListeners.delete(listener);
    },
    ...overrides,
  };
  return { api, calls, emitStyle: (style: JsBridgeUiStyle) => styleListeners.forEach((l) => l(style)) };
}

const rejecting = (code: number) => () => Promise.reject({ code, message: '身份证 500112… must never reach a log' });
const FACE = { verifyId: 'v-1', provider: 'dev' as const, reason: '入学一件事 需要核验您的身份' };

describe('JSBridge adapter: the container mapped onto the H5 host capabilities', () => {
  it('shows the container face screen for the verify id the server began', async () => {
    const { api, calls } = fakeJsBridge();
    const { host } = jsBridgeHost(api);
    expect(await host.verifyFace!(FACE)).toEqual({ ok: true, value: undefined });
    expect(calls).toEqual([{ name: 'faceVerify', args: FACE }]);
  });

  it.each([
    [JsBridgeErrorCode.Cancelled, 'cancelled'],
    [JsBridgeErrorCode.NotSupported, 'unavailable'],
    [JsBridgeErrorCode.NoPermission, 'unavailable'],
    [JsBridgeErrorCode.Network, 'network'],
    [JsBridgeErrorCode.Timeout, 'timeout'],
    [JsBridgeErrorCode.Failed, 'failed'],
    [999, 'failed'],
  ])('maps container error code %s to %s, keeping the container message out', async (code, kind) => {
    const { api } = fakeJsBridge({ faceVerify: rejecting(code) });
    const answer = await jsBridgeHost(api).host.verifyFace!(FACE);
    expect(answer).toEqual({ ok: false, error: { kind, detail: `container code ${code}` } });
    expect(JSON.stringify(answer)).not.toContain('500112');
  });

  it('treats a thrown non-error and a missing call as failed and unavailable', async () => {
    const { api } = fakeJsBridge({ scan: () => Promise.reject(new Error('boom')), getSsoTicket: undefined });
    const { host } = jsBridgeHost(api);
    expect(await host.scanCode!()).toMatchObject({ ok: false, error: { kind: 'failed' } });
    expect(await host.getLoginHandoff!()).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
  });

  it('refuses a face service the container does not have', async () => {
    const { api, calls } = fakeJsBridge();
    const { host } = jsBridgeHost(api, { faceProviders: ['alipay'] });
    expect(await host.verifyFace!(FACE)).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(calls).toEqual([]);
  });

  it('answers unavailable when the container never gets ready, or says it never will', async () => {
    const never = fakeJsBridge({ ready: () => new Promise(() => undefined) });
    const started = Date.now();
    expect(await jsBridgeHost(never.api, { readyTimeoutMs: 50 }).host.verifyFace!(FACE)).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(Date.now() - started).toBeLessThan(2000);
    const refused = fakeJsBridge({ ready: () => Promise.reject({ code: JsBridgeErrorCode.NotSupported }) });
    expect(await jsBridgeHost(refused.api).host.scanCode!()).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(never.calls.concat(refused.calls)).toEqual([]);
  });

  it('waits for ready before the first call', async () => {
    let release!: () => void;
    const { api, calls } = fakeJsBridge({ ready: () => new Promise<void>((resolve) => (release = resolve)) });
    const pending = jsBridgeHost(api).host.scanCode!();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual([]);
    release();
    expect(await pending).toEqual({ ok: true, value: 'RXYJS-CODE' });
  });

  it('hands over an SSO ticket for the server to exchange', async () => {
    const { api } = fakeJsBridge({ getSsoTicket: async () => ({ ticket: 't-123' }) });
    expect(await jsBridgeHost(api).host.getLoginHandoff!()).toEqual({ ok: true, value: { kind: 'ssoTicket', code: 't-123' } });
  });

  it('opens container pages by their configured links, and closes the window for the host home', async () => {
    const { api, calls } = fakeJsBridge();
    const { host } = jsBridgeHost(api, { hostPages: { myRealEstate: 'https://host.example/estate' } });
    expect((await host.openHostPage!('myRealEstate')).ok).toBe(true);
    expect((await host.openHostPage!('hostHome')).ok).toBe(true);
    expect(await host.openHostPage!('myCertificates')).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(calls).toEqual([
      { name: 'openLink', args: { url: 'https://host.example/estate' } },
      { name: 'close', args: undefined },
    ]);
  });

  it('asks the container for push consent, or answers unavailable where it has none', async () => {
    const { api, calls } = fakeJsBridge({ requestNotifyConsent: async (req) => ({ accepted: [...req.kinds, 'somethingElse'] }) });
    const { host } = jsBridgeHost(api);
    expect(await host.requestNotifyConsent!({ kinds: ['approved'], reason: '审核结果提醒' })).toEqual({ ok: true, value: { accepted: ['approved'] } });
    expect(calls).toEqual([]);
    expect(await jsBridgeHost(fakeJsBridge().api).host.requestNotifyConsent!({ kinds: ['approved'], reason: 'x' })).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(await jsBridgeHost(fakeJsBridge({ requestNotifyConsent: rejecting(JsBridgeErrorCode.NotSupported) }).api).host.requestNotifyConsent!({ kinds: ['approved'], reason: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'unavailable' },
    });
  });

  it('dials, scans and reads 长辈版 through the container', async () => {
    const { api, calls, emitStyle } = fakeJsBridge();
    const { host } = jsBridgeHost(api);
    expect((await host.makePhoneCall!('023-6786 2541')).ok).toBe(true);
    expect(await host.scanCode!()).toEqual({ ok: true, value: 'RXYJS-CODE' });
    expect(await host.getUiStyle!()).toBe('elder');
    const seen: string[] = [];
    const stop = host.onUiStyleChange!((style) => seen.push(style));
    emitStyle('normal');
    stop();
    emitStyle('elder');
    expect(seen).toEqual(['normal']);
    expect(calls.slice(0, 2)).toEqual([
      { name: 'phoneCall', args: { phoneNumber: '023-67862541' } },
      { name: 'scan', args: { type: 'qrCode' } },
    ]);
  });

  it("turns the picker's data URLs into image bytes, and a cancelled picker into cancelled", async () => {
    const { api, calls } = fakeJsBridge();
    const picked = await jsBridgeHost(api).host.pickImages!({ count: 1, sources: ['album', 'camera'] });
    expect(picked.ok).toBe(true);
    if (picked.ok) {
      expect(picked.value).toHaveLength(1);
      expect(picked.value[0].name).toBe('image-1.png');
      expect(picked.value[0].blob.type).toBe('image/png');
      expect(picked.value[0].blob.size).toBe(8);
    }
    expect(calls[0]).toEqual({ name: 'chooseImage', args: { count: 1, sourceType: ['album', 'camera'] } });
    const cancelled = fakeJsBridge({ chooseImage: rejecting(JsBridgeErrorCode.Cancelled) });
    expect(await jsBridgeHost(cancelled.api).host.pickImages!({ count: 1, sources: ['album'] })).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
  });

  it('gives a downloaded document to the container as a data URL', async () => {
    const { api, calls } = fakeJsBridge();
    const blob = new Blob(['%PDF-1.4'], { type: 'application/pdf' });
    expect((await jsBridgeHost(api).host.saveDocument!({ blob, fileName: '入学通知书.pdf', mime: 'application/pdf' })).ok).toBe(true);
    expect(calls).toEqual([{ name: 'downloadFile', args: { url: `data:application/pdf;base64,${Buffer.from('%PDF-1.4').toString('base64')}`, fileName: '入学通知书.pdf', mime: 'application/pdf' } }]);
  });

  it("tells the container's title bar each page title the H5 router writes", async () => {
    const { api, calls } = fakeJsBridge();
    const bridge = createJsBridgeBridge(api);
    expect(bridge.platform).toBe('h5-jsbridge');
    expect(bridge.contractVersion).toBe(BRIDGE_CONTRACT_VERSION);
    document.title = '我的子女';
    await new Promise((resolve) => setTimeout(resolve, 20));
    document.title = '在线申报';
    await new Promise((resolve) => setTimeout(resolve, 20));
    const titles = calls.filter((c) => c.name === 'setTitle').map((c) => (c.args as { title: string }).title);
    expect(titles.slice(-2)).toEqual(['我的子女', '在线申报']);
  });
});

describe('embeddedBridge: the app side of embed()', () => {
  const globals = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete globals[EMBED_GLOBAL];
    setRuntimeConfig({});
    window.localStorage.clear();
  });

  it('is null when the module was not embedded', () => {
    expect(embeddedBridge()).toBeNull();
  });

  it("builds the JSBridge bridge with the host's configuration: API base URL and storage namespace", async () => {
    const { api } = fakeJsBridge();
    globals[EMBED_GLOBAL] = { jsBridge: api, config: { apiBaseUrl: 'https://api.host.example/', storageNamespace: 'hostapp-rxyjs', hostName: '示例政务' } };
    const bridge = embeddedBridge()!;
    expect(bridge.platform).toBe('h5-jsbridge');
    expect(getRuntimeConfig()).toEqual({ apiBaseUrl: 'https://api.host.example', storageNamespace: 'hostapp-rxyjs', hostName: '示例政务', theme: {}, telemetry: {} });
    await bridge.storage.set('session', 'x');
    expect(window.localStorage.getItem('hostapp-rxyjs:session')).toBe('x');
  });

  it("uses a host's own bridge as is, and refuses another contract version", () => {
    const own = { platform: 'host', contractVersion: BRIDGE_CONTRACT_VERSION } as HostBridge;
    globals[EMBED_GLOBAL] = { bridge: own, config: {} };
    expect(embeddedBridge()).toBe(own);
    globals[EMBED_GLOBAL] = { bridge: { ...own, contractVersion: 1 }, config: {} };
    expect(() => embeddedBridge()).toThrow(/contract v1/);
  });

  it('refuses a configuration it does not understand', () => {
    globals[EMBED_GLOBAL] = { jsBridge: fakeJsBridge().api, config: { storageNamespace: 'bad namespace!' } };
    expect(() => embeddedBridge()).toThrow(/storageNamespace/);
    globals[EMBED_GLOBAL] = { jsBridge: fakeJsBridge().api, config: { apiBase: 'https://x' } };
    expect(() => embeddedBridge()).toThrow(/unknown configuration key/);
  });
});
