/**
 * The app's side of embed(): when a host page embedded the module, the bridge and the runtime
 * configuration come from the host's hand-off instead of the platform defaults.
 */
import { BRIDGE_CONTRACT_VERSION, type HostBridge } from '@contract/bridge';
import { lazyBridge } from '@/bridge/lazy';
import { setRuntimeConfig } from '@/config/runtime';
import { JSBRIDGE_PLATFORM } from '@/bridge/jsbridge/platform';
import { EMBED_GLOBAL, type EmbedHandoff } from './handoff';

export function embeddedHandoff(): EmbedHandoff | null {
  const handoff = (globalThis as Record<string, unknown>)[EMBED_GLOBAL];
  return handoff && typeof handoff === 'object' ? (handoff as EmbedHandoff) : null;
}

/** The host's bridge (or the JSBridge adapter's) when the module was embedded; null otherwise. */
export function embeddedBridge(): HostBridge | null {
  const handoff = embeddedHandoff();
  if (!handoff) return null;
  const config = setRuntimeConfig(handoff.config ?? {});
  if (handoff.bridge) {
    if (handoff.bridge.contractVersion !== BRIDGE_CONTRACT_VERSION) {
      throw new Error(`入学一件事: the host bridge implements contract v${String(handoff.bridge.contractVersion)}, this module needs v${BRIDGE_CONTRACT_VERSION}`);
    }
    return handoff.bridge;
  }
  if (handoff.jsBridge) {
    const { jsBridge, jsBridgeOptions } = handoff;
    // The adapter is a chunk of its own: only pages embedded in a JSBridge container download it.
    return lazyBridge(JSBRIDGE_PLATFORM, () =>
      import('@/bridge/jsbridge').then(({ createJsBridgeBridge }) => createJsBridgeBridge(jsBridge, { ...jsBridgeOptions, origin: config.apiBaseUrl, storagePrefix: `${config.storageNamespace}:` })),
    );
  }
  throw new Error('入学一件事: embed() needs a bridge or a jsBridge');
}
