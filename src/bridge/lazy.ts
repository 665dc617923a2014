/**
 * A host bridge whose implementation is an async chunk: the module's start-up is synchronous
 * (getBridge()), but a bridge only some hosts use (the JSBridge container's) should not be in the
 * first page's JS of every other. The chunk starts loading at once; every call waits for it, and a
 * chunk that cannot be loaded answers as the network being down.
 */
import { BRIDGE_CONTRACT_VERSION, type HostBridge, type HostUiStyle } from '@contract/bridge';
import { onDemand } from './onDemand';
import { fail } from './result';

export function lazyBridge(platform: string, load: () => Promise<HostBridge>): HostBridge {
  const loading = load();
  // Rejections are answered per call below; this one only keeps an early failure from being "unhandled".
  loading.catch(() => undefined);
  const { use, upload } = onDemand(() => loading);
  const orNull = <T>(run: (bridge: HostBridge) => Promise<T>) => loading.then(run, () => null);
  return {
    platform,
    contractVersion: BRIDGE_CONTRACT_VERSION,
    verifyFace: (req) => use((b) => b.verifyFace(req)),
    getLoginHandoff: () => use((b) => b.getLoginHandoff()),
    request: (req) => use((b) => b.request(req)),
    pickImages: (req) => use((b) => b.pickImages(req)),
    compressImage: (req) => use((b) => b.compressImage(req)),
    uploadFile: (req, onProgress) => upload((b) => b.uploadFile(req, onProgress)),
    loadPreview: (pathOrApiUrl, headers) => use((b) => b.loadPreview(pathOrApiUrl, headers)),
    openHostPage: (page) => use((b) => b.openHostPage(page)),
    makePhoneCall: (phone) => use((b) => b.makePhoneCall(phone)),
    // Without the bridge there is no storage: nothing saved is read, nothing new is kept.
    storage: {
      get: async (key) => orNull((b) => b.storage.get(key)),
      set: async (key, value) => void (await orNull((b) => b.storage.set(key, value))),
      remove: async (key) => void (await orNull((b) => b.storage.remove(key))),
    },
    saveDocument: (req) => use((b) => b.saveDocument(req)),
    requestNotifyConsent: (req) => use((b) => (b.requestNotifyConsent ? b.requestNotifyConsent(req) : fail('unavailable', 'no pushes in this host'))),
    scanCode: () => use((b) => b.scanCode()),
    getUiStyle: async (): Promise<HostUiStyle> => (await orNull((b) => b.getUiStyle())) ?? 'normal',
    onUiStyleChange(listener) {
      let off: (() => void) | null = null;
      let stopped = false;
      void orNull(async (b) => {
        if (!stopped) off = b.onUiStyleChange(listener);
      });
      return () => {
        stopped = true;
        off?.();
      };
    },
  };
}
