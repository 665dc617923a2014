/**
 * Picks the host bridge for the platform being built. Everything in the module reaches the host
 * through getBridge(); tests install their own with setBridge().
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

function createPlatformBridge(): HostBridge {
  if (process.env.TARO_ENV === 'h5') {
    // Required inside the branch so the weapp bundle never contains the browser implementation.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { createH5Bridge } = require('./h5') as typeof import('./h5');
    if (MOCK_HOST) {
      // The mock host (MSW) exists only in mock builds; production bundles carry none of it.
      const mockHost = import(/* webpackChunkName: "mock-host" */ '@mock/browser');
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const { qaNetworkTimeoutMs } = require('@mock/networkKnob') as typeof import('@mock/networkKnob');
      return createH5Bridge({
        ready: mockHost.then((m) => m.startMockHost()),
        faceScreen: (reason) => mockHost.then((m) => m.showFaceSheet(reason)),
        networkTimeoutMs: qaNetworkTimeoutMs,
      });
    }
    return createH5Bridge();
  } else {
    // An else branch (not code after the if) so the compile-time constant drops it from H5 bundles.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { createWeappBridge } = require('./weapp') as typeof import('./weapp');
    return createWeappBridge();
  }
}
