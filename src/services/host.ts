/**
 * What pages ask of the host app (渝快办 or a mini-program): calls, host pages, saving a file,
 * scanning. Pages use this service, never the bridge itself (lint: src/pages may not import @/bridge).
 */
import type { HostPage, HostResult, NotifyConsent, NotifyConsentRequest, SaveDocumentRequest } from '@contract/bridge';
import { getBridge } from '@/bridge';

export const host = {
  makePhoneCall: (phone: string) => getBridge().makePhoneCall(phone),
  openHostPage: (page: HostPage) => getBridge().openHostPage(page),
  saveDocument: (req: SaveDocumentRequest) => getBridge().saveDocument(req),
  scanCode: () => getBridge().scanCode(),
  /** Optional capability (bridge v2): a host without it has no pushes. */
  requestNotifyConsent: (req: NotifyConsentRequest): Promise<HostResult<NotifyConsent>> => {
    const bridge = getBridge();
    return bridge.requestNotifyConsent ? bridge.requestNotifyConsent(req) : Promise.resolve({ ok: false, error: { kind: 'unavailable', detail: 'host without pushes' } });
  },
};
