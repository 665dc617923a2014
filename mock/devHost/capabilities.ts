/**
 * The dev host's capabilities for the H5 bridge: what 渝快办 would give an embedded page, simulated.
 * The face screen is the face sheet (or, in tests, the QA-chosen identity), whose verdict goes to
 * the simulated face service; 长辈版 changes arrive as the `host-ui-style` window event.
 */
import type { FaceVerifyRequest, HostResult, HostUiStyle, NotifyConsentRequest } from '@contract/bridge';
import type { MessageKindName } from '@contract/enums';
import type { H5HostCapabilities } from '@/bridge/h5';

/** The window event the dev host (QA panel, tests) dispatches when its UI style changes. */
export const UI_STYLE_EVENT = 'host-ui-style';

export interface DevHostOptions {
  /** Prefix of the dev host's paths: empty in the browser (same origin), absolute in jest. */
  origin?: string;
  /** The face screen: which seeded identity the face is, or cancelled. Absent: QA's chosen identity. */
  faceSheet?: (reason: string) => Promise<{ identityId: string } | 'cancelled'>;
  networkTimeoutMs?: () => number | undefined;
  /** The consent sheet for pushes: the kinds allowed ([] refused). Absent (tests): all asked for are allowed. */
  consentSheet?: (req: NotifyConsentRequest) => Promise<MessageKindName[] | 'cancelled'>;
}

const ok = <T>(value: T): HostResult<T> => ({ ok: true, value });
const fail = (kind: 'cancelled' | 'unavailable' | 'network' | 'failed', detail?: string): HostResult<never> => ({ ok: false, error: { kind, ...(detail ? { detail } : {}) } });

export function createDevHostCapabilities(options: DevHostOptions = {}): H5HostCapabilities {
  const origin = options.origin ?? '';
  const post = async (path: string, body: unknown) => {
    try {
      return await fetch(`${origin}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    } catch {
      return null;
    }
  };
  return {
    async verifyFace(req: FaceVerifyRequest) {
      if (req.provider !== 'dev') return fail('unavailable', `the dev host cannot show a ${req.provider} face screen`);
      const choice = options.faceSheet ? await options.faceSheet(req.reason) : {};
      if (choice === 'cancelled') {
        await post('/host/face/complete', { verifyId: req.verifyId, outcome: 'cancelled' });
        return fail('cancelled');
      }
      const res = await post('/host/face/complete', { verifyId: req.verifyId, ...choice });
      if (!res) return fail('network');
      return res.ok ? ok(undefined) : fail('failed', `face service ${res.status}`);
    },
    async getLoginHandoff() {
      // 渝快办 hands the module a logged-in citizen only where it is configured to: face login stays the default.
      return fail('unavailable', 'the dev host asks for face verification');
    },
    async openHostPage(page) {
      const res = await post('/host/open-page', { page });
      if (!res) return fail('network');
      return res.status === 200 ? ok(undefined) : fail('unavailable', `host ${res.status}`);
    },
    async getUiStyle(): Promise<HostUiStyle> {
      try {
        const res = await fetch(`${origin}/host/ui-style`);
        const style = ((await res.json()) as { style?: string }).style;
        return style === 'elder' ? 'elder' : 'normal';
      } catch {
        return 'normal';
      }
    },
    onUiStyleChange(listener) {
      if (typeof window === 'undefined') return () => undefined;
      const handler = (event: Event) => {
        const style = (event as CustomEvent<HostUiStyle>).detail;
        if (style === 'normal' || style === 'elder') listener(style);
      };
      window.addEventListener(UI_STYLE_EVENT, handler);
      return () => window.removeEventListener(UI_STYLE_EVENT, handler);
    },
    async requestNotifyConsent(req) {
      const choice = options.consentSheet ? await options.consentSheet(req) : req.kinds;
      return choice === 'cancelled' ? fail('cancelled') : ok({ accepted: choice });
    },
    networkTimeoutMs: options.networkTimeoutMs,
  };
}
