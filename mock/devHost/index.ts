/**
 * The dev host in the browser (development builds only): simulated 渝快办 around the module — its
 * face screen, its QA panel, its network-timeout knob — and, in the offline demo, the enrolment
 * server itself running in the page.
 */
import type { H5HostCapabilities } from '@/bridge/h5';
import { qaNetworkTimeoutMs } from '../networkKnob';
import { createDevHostCapabilities } from './capabilities';
import { showFaceSheet } from './faceSheet';
import { showConsentSheet } from './consentSheet';

export interface DevHost {
  /** Resolves when the server answers (at once, or once the in-browser server has started). */
  ready: Promise<void>;
  capabilities: H5HostCapabilities;
}

export function startDevHost(): DevHost {
  // A compile-time constant in a plain expression (not inside async code), so webpack drops the
  // in-page server from the dev-host build of npm start.
  const inPageServer = MOCK_HOST ? import(/* webpackChunkName: "in-browser-server" */ '../browser') : null;
  const ready = (async () => {
    if (inPageServer) await (await inPageServer).startInBrowserServer();
    const { mountQaEntry } = await import('../qaPanel');
    mountQaEntry();
  })();
  return { ready, capabilities: createDevHostCapabilities({ faceSheet: (reason) => showFaceSheet(reason), consentSheet: (req) => showConsentSheet(req), networkTimeoutMs: qaNetworkTimeoutMs }) };
}
