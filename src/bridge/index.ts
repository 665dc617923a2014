/**
 * Picks the host bridge for the platform being built. Everything in the module reaches the host
 * through getBridge(); a host with its own bridge (or tests) installs it with setBridge() first.
 */
import type { HostBridge } from '@contract/bridge';

let current: HostBridge | null = null;

export function setBridge(bridge: HostBridge): void {
  current = bridge;
}

export function getBridge(): HostBridge {
  if (!current) current = createPlatformBridge();
  return current;
}

/** Called once by the app at launch. */
export function startHost(): HostBridge {
  return getBridge();
}

/** Thrown when the module runs on a platform it has no bridge for: the host must provide one. */
export class NoBridgeError extends Error {}

function createPlatformBridge(): HostBridge {
  if (process.env.TARO_ENV === 'h5') {
    // Required inside the branch so other bundles never contain the browser implementation.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { createH5Bridge } = require('./h5') as typeof import('./h5');
    // Embedded by a host page (embed.js): the host's bridge, or its JSBridge container's, and its configuration.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { embeddedBridge } = require('../embed/inApp') as typeof import('../embed/inApp');
    const embedded = embeddedBridge();
    if (embedded) return embedded;
    if (DEV_HOST) {
      // The dev host exists only in development builds; production bundles carry none of it.
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const { startDevHost } = require('@mock/devHost') as typeof import('@mock/devHost');
      const devHost = startDevHost();
      return createH5Bridge({ ready: devHost.ready, host: devHost.capabilities });
    }
    return createH5Bridge();
  } else if (process.env.TARO_ENV === 'weapp') {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { createWeappBridge, hostBridgeHook, hostConfigOf } = require('./weapp') as typeof import('./weapp');
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { setRuntimeConfig, WEAPP_KEYS } = require('@/config/runtime') as typeof import('@/config/runtime');
    const wechat = createWeappBridge();
    // A host mini-program embedding the module (blended build) may extend or replace the WeChat bridge,
    // and names itself, gives its colours and telemetry (before the first page renders: the bridge
    // starts with the app).
    const hostConfig = hostConfigOf();
    if (hostConfig) setRuntimeConfig(hostConfig, WEAPP_KEYS);
    const hook = hostBridgeHook();
    return hook ? hook(wechat) : wechat;
  } else {
    // An Alipay or other mini-program must never silently get the WeChat bridge.
    throw new NoBridgeError(`入学一件事: no host bridge for platform "${process.env.TARO_ENV}"; the host must call setBridge() with its own before the app starts`);
  }
}
