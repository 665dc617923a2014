/**
 * What the host page's embed() hands to the module's app before the app's scripts run: one
 * global, read once by the app at start (./inApp.ts). Shared by both sides, types only.
 */
import type { HostBridge } from '@contract/bridge';
import type { JsBridgeApi, JsBridgeHostOptions } from '@/bridge/jsbridge';
import type { HostConfig } from '@/config/runtime';

export const EMBED_GLOBAL = '__RXYJS_EMBED__';

export interface EmbedOptions {
  /** A complete host bridge the host implemented itself (types/bridge.ts, contract v2). */
  bridge?: HostBridge;
  /** Or the container's JSBridge (src/bridge/jsbridge/api.ts): the module's H5 bridge uses it. */
  jsBridge?: JsBridgeApi;
  /** Container pages and face services for the JSBridge adapter. */
  jsBridgeOptions?: JsBridgeHostOptions;
  /** API base URL, storage namespace, host display name, theme colours, telemetry hooks (src/config/runtime.ts). */
  config: Partial<HostConfig>;
  /** The element (or its id) the module renders into; it gets the module's own `#app` inside. */
  mount: HTMLElement | string;
  /** Where the module's build is; default: the folder embed.js was loaded from. */
  moduleUrl?: string;
}

export type EmbedHandoff = Pick<EmbedOptions, 'bridge' | 'jsBridge' | 'jsBridgeOptions' | 'config'>;
