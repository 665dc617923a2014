/**
 * What an H5 page's container gives the module beyond the browser: its face screen, its login
 * hand-off, its own pages, its 长辈版 switch, its scanner. A plain browser has none of them; the dev
 * host (mock/devHost) simulates 渝快办's; a JSBridge container's adapter maps its JS API onto these.
 */
import type { FaceVerifyRequest, HostPage, HostResult, HostUiStyle, LoginHandoff } from '@contract/bridge';

export interface H5HostCapabilities {
  /** Shows the host's face screen for a verification the enrolment server began. */
  verifyFace?(req: FaceVerifyRequest): Promise<HostResult<void>>;
  getLoginHandoff?(): Promise<HostResult<LoginHandoff>>;
  openHostPage?(page: HostPage): Promise<HostResult<void>>;
  getUiStyle?(): Promise<HostUiStyle>;
  onUiStyleChange?(listener: (style: HostUiStyle) => void): () => void;
  scanCode?(): Promise<HostResult<string>>;
  makePhoneCall?(phone: string): Promise<HostResult<void>>;
  /** The container's network timeout in ms, read at every request (a mini-program's networkTimeout). */
  networkTimeoutMs?(): number | undefined;
}
