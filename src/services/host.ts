/**
 * What pages ask of the host app (渝快办 or a mini-program): calls, host pages, saving a file,
 * scanning. Pages use this service, never the bridge itself (lint: src/pages may not import @/bridge).
 */
import type { HostPage, SaveDocumentRequest } from '@contract/bridge';
import { getBridge } from '@/bridge';

export const host = {
  makePhoneCall: (phone: string) => getBridge().makePhoneCall(phone),
  openHostPage: (page: HostPage) => getBridge().openHostPage(page),
  saveDocument: (req: SaveDocumentRequest) => getBridge().saveDocument(req),
  scanCode: () => getBridge().scanCode(),
};
