import { BRIDGE_CONTRACT_VERSION, type HostBridge, type HostUiStyle, type UploadTask } from '@contract/bridge';
import { lazyBridge } from './lazy';
import { fail, ok } from './result';

/** A bridge whose every member is a jest mock, answering ok. */
function fakeBridge() {
  const styleListeners = new Set<(style: HostUiStyle) => void>();
  const off = jest.fn();
  const upload: UploadTask = { result: Promise.resolve(ok({ status: 201, headers: {}, data: { id: 'u1' } })), abort: jest.fn() };
  const bridge = {
    platform: 'inner',
    contractVersion: BRIDGE_CONTRACT_VERSION,
    request: jest.fn(async () => ok({ status: 200, headers: {}, data: { hello: 1 } })),
    uploadFile: jest.fn(() => upload),
    storage: { get: jest.fn(async () => 'kept'), set: jest.fn(async () => undefined), remove: jest.fn(async () => undefined) },
    getUiStyle: jest.fn(async (): Promise<HostUiStyle> => 'elder'),
    onUiStyleChange: jest.fn((listener: (style: HostUiStyle) => void) => {
      styleListeners.add(listener);
      return off;
    }),
    scanCode: jest.fn(async () => ok('QR')),
  } as unknown as HostBridge;
  return { bridge, off, upload, emit: (style: HostUiStyle) => styleListeners.forEach((l) => l(style)) };
}

/** A load the test resolves or rejects when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('lazyBridge: a bridge whose implementation is a chunk loaded at start', () => {
  it('starts loading at once, knows its platform before, and runs every call on the loaded bridge', async () => {
    const inner = fakeBridge();
    const load = jest.fn(async () => inner.bridge);
    const bridge = lazyBridge('h5-jsbridge', load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(bridge.platform).toBe('h5-jsbridge');
    expect(bridge.contractVersion).toBe(BRIDGE_CONTRACT_VERSION);
    const answer = await bridge.request({ method: 'GET', url: '/api/v1/time' });
    expect(answer).toEqual(ok({ status: 200, headers: {}, data: { hello: 1 } }));
    expect(inner.bridge.request).toHaveBeenCalledWith({ method: 'GET', url: '/api/v1/time' });
    expect(await bridge.storage.get('session')).toBe('kept');
    await bridge.storage.set('session', 'x');
    expect(inner.bridge.storage.set).toHaveBeenCalledWith('session', 'x');
    expect(await bridge.getUiStyle()).toBe('elder');
    expect(await bridge.scanCode()).toEqual(ok('QR'));
    // A bridge without the optional consent call answers 'unavailable', as the contract allows.
    expect(await bridge.requestNotifyConsent!({ kinds: ['approved'], reason: 'x' })).toEqual(fail('unavailable', 'no pushes in this host'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('answers as the network being down when the chunk cannot be loaded: no saved data read, normal style', async () => {
    const bridge = lazyBridge('h5-jsbridge', () => Promise.reject(new Error('ChunkLoadError')));
    expect(await bridge.request({ method: 'GET', url: '/x' })).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(await bridge.storage.get('session')).toBeNull();
    await expect(bridge.storage.set('session', 'x')).resolves.toBeUndefined();
    expect(await bridge.getUiStyle()).toBe('normal');
    expect(await bridge.uploadFile({ url: '/u', path: 'blob:1' }).result).toMatchObject({ ok: false, error: { kind: 'network' } });
  });

  it('never starts an upload aborted while the chunk was loading', async () => {
    const inner = fakeBridge();
    const loading = deferred<HostBridge>();
    const bridge = lazyBridge('h5-jsbridge', () => loading.promise);
    const task = bridge.uploadFile({ url: '/u', path: 'blob:1' });
    task.abort();
    loading.resolve(inner.bridge);
    expect(await task.result).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(inner.bridge.uploadFile).not.toHaveBeenCalled();
  });

  it('forwards an upload started after the load, and its abort', async () => {
    const inner = fakeBridge();
    const bridge = lazyBridge('h5-jsbridge', async () => inner.bridge);
    const task = bridge.uploadFile({ url: '/u', path: 'blob:1' });
    expect(await task.result).toEqual(ok({ status: 201, headers: {}, data: { id: 'u1' } }));
    task.abort();
    expect(inner.upload.abort).toHaveBeenCalledTimes(1);
  });

  it('subscribes to style changes once loaded, and not at all when unsubscribed before', async () => {
    const inner = fakeBridge();
    const loading = deferred<HostBridge>();
    const bridge = lazyBridge('h5-jsbridge', () => loading.promise);
    const early = jest.fn();
    bridge.onUiStyleChange(early)();
    const listener = jest.fn();
    const stop = bridge.onUiStyleChange(listener);
    loading.resolve(inner.bridge);
    await loading.promise;
    await Promise.resolve();
    expect(inner.bridge.onUiStyleChange).toHaveBeenCalledTimes(1);
    inner.emit('elder');
    expect(listener).toHaveBeenCalledWith('elder');
    expect(early).not.toHaveBeenCalled();
    stop();
    expect(inner.off).toHaveBeenCalledTimes(1);
  });
});
