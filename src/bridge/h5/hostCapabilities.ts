/**
 * What an H5 page's container gives the module beyond the browser: its face screen, its login
 * hand-off, its own pages, its 长辈版 switch, its scanner. A plain browser has none of them; the dev
 * host (mock/devHost) simulates 渝快办's; a JSBridge container's adapter maps its JS API onto these.
 */
import type { FaceVerifyRequest, HostPage, HostResult, HostUiStyle, LoginHandoff, NotifyConsent, NotifyConsentRequest, PickImagesRequest } from '@contract/bridge';

/** An image the container's own picker gave, as bytes the browser can hold. */
export interface ContainerImage {
  blob: Blob;
  name: string;
}
/** A document the module downloaded (with its headers) for the container to open or save. */
export interface ContainerDocument {
  blob: Blob;
  fileName: string;
  mime: string;
}

export interface H5HostCapabilities {
  /** Shows the host's face screen for a verification the enrolment server began. */
  verifyFace?(req: FaceVerifyRequest): Promise<HostResult<void>>;
  getLoginHandoff?(): Promise<HostResult<LoginHandoff>>;
  openHostPage?(page: HostPage): Promise<HostResult<void>>;
  getUiStyle?(): Promise<HostUiStyle>;
  onUiStyleChange?(listener: (style: HostUiStyle) => void): () => void;
  scanCode?(): Promise<HostResult<string>>;
  makePhoneCall?(phone: string): Promise<HostResult<void>>;
  /** The container's consent sheet for pushes (订阅消息); absent: no pushes in this container. */
  requestNotifyConsent?(req: NotifyConsentRequest): Promise<HostResult<NotifyConsent>>;
  /** The container's image picker instead of the browser's file input. */
  pickImages?(req: PickImagesRequest): Promise<HostResult<ContainerImage[]>>;
  /** The container opens or saves a downloaded document instead of the browser's download. */
  saveDocument?(doc: ContainerDocument): Promise<HostResult<void>>;
  /** The container's native title bar: told the title of every page the module shows. */
  setTitle?(title: string): void;
  /** The container's network timeout in ms, read at every request (a mini-program's networkTimeout). */
  networkTimeoutMs?(): number | undefined;
}
