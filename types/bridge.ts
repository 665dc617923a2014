/**
 * The host bridge: the only way the module reaches the platform it is embedded in.
 * A host-platform team implements this interface (see docs/host-bridge.md); pages, stores and
 * services never touch window, wx, or the host's SDK directly.
 *
 * Every capability answers a HostResult instead of throwing, so pages can tell a parent
 * exactly what happened (cancelled by the parent, not available in this host, network).
 */

import type { MessageKindName } from './enums';

export type HostErrorKind = 'cancelled' | 'unavailable' | 'network' | 'failed' | 'timeout';

export interface HostError {
  kind: HostErrorKind;
  /** Technical detail for diagnostics; never personal data, never shown raw to parents. */
  detail?: string;
}

export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostError };

/** 长辈版 or normal, as super-apps expose their accessibility mode. */
export type HostUiStyle = 'normal' | 'elder';

export const BRIDGE_CONTRACT_VERSION = 2;
/** Whose face service issued the verify id: WeChat 2.0, Alipay, or the dev host's simulation. */
export type FaceProvider = 'wechat' | 'alipay' | 'dev';
export interface FaceVerifyRequest {
  /** Begun by the enrolment server (POST /api/v1/face-verifications); the host shows its face screen for it. */
  verifyId: string;
  provider: FaceProvider;
  /** Shown by the host on its face screen, e.g. "入学一件事 需要核验您的身份". */
  reason: string;
}
/** A one-time proof of who is logged in to the host, exchanged by the enrolment server (server-to-server). */
export interface LoginHandoff {
  kind: 'wxLoginCode' | 'ssoTicket';
  code: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under the enrolment API, e.g. "/api/v1/calendar?year=2024". */
  url: string;
  headers?: Record<string, string>;
  /** JSON-serialisable body. */
  body?: unknown;
  timeoutMs?: number;
}
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the response is JSON, otherwise the text. */
  data: unknown;
}

export interface PickImagesRequest {
  count: number;
  sources: Array<'camera' | 'album'>;
}
/** A picked (not yet uploaded) image, addressed by a host-local path or object URL. */
export interface PickedImage {
  path: string;
  name: string;
  size: number;
  mime: string;
}

export interface CompressRequest {
  path: string;
  /** Long edge in px after resizing (text must stay legible: >= 1600). */
  maxEdge: number;
  /** 0..1 */
  quality: number;
  /** If the result is larger, the host re-encodes at lower quality, then a smaller edge (not below 1600 px). */
  maxBytes?: number;
}
export interface CompressedImage {
  path: string;
  size: number;
  width: number;
  height: number;
  mime: string;
}

export interface UploadRequest {
  /** Full API path, e.g. "/api/v1/uploads". */
  url: string;
  path: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}
export interface UploadProgress {
  loaded: number;
  total: number;
}
export interface UploadTask {
  /** Resolves with the server's HttpResponse (any status), or a HostError when nothing came back. */
  result: Promise<HostResult<HttpResponse>>;
  abort(): void;
}

/** Host pages the module may send a parent to. */
export type HostPage = 'myRealEstate' | 'myCertificates' | 'hostHome';

export interface SaveDocumentRequest {
  /** API path of the document, e.g. the notice PDF. */
  url: string;
  fileName: string;
  mime: 'application/pdf';
  headers?: Record<string, string>;
}

/**
 * Consent to be notified (订阅消息), asked of the parent by the host (optional, since v2 · 2026-12).
 * The kinds are those of types/enums/messages.ts MESSAGE_KINDS; the host maps each to its own template or
 * channel. The enrolment server then sends the pushes server-to-server (docs/host-bridge.md).
 */
export interface NotifyConsentRequest {
  kinds: MessageKindName[];
  /** Shown by the host's consent sheet, e.g. "审核结果、补正和入学确认提醒". */
  reason: string;
}
export interface NotifyConsent {
  /** The kinds the parent accepted: all, some, or none (a refusal is ok with none). */
  accepted: MessageKindName[];
}

export interface HostBridge {
  /** Identifies the implementation in diagnostics ("h5", "weapp", a host's own name). */
  readonly platform: string;
  readonly contractVersion: typeof BRIDGE_CONTRACT_VERSION;

  /** 刷脸: shows the host's face screen for a verification the server began; ok(undefined) when the citizen finished it (the server learns the result itself). */
  verifyFace(req: FaceVerifyRequest): Promise<HostResult<void>>;
  /** wx.login code / SSO ticket of the citizen logged in to the host; 'unavailable' when the host has none. */
  getLoginHandoff(): Promise<HostResult<LoginHandoff>>;

  /** Calls the enrolment API; the host adds its gateway/auth headers. HTTP errors are ok results. */
  request(req: HttpRequest): Promise<HostResult<HttpResponse>>;

  pickImages(req: PickImagesRequest): Promise<HostResult<PickedImage[]>>;
  /** Resize and re-encode on the device before upload. */
  compressImage(req: CompressRequest): Promise<HostResult<CompressedImage>>;
  uploadFile(req: UploadRequest, onProgress?: (p: UploadProgress) => void): UploadTask;
  /**
   * A URL an <Image> can show: a picked image's path as is, or an uploaded image fetched from the
   * API with the given headers (so no token ever goes into a URL).
   */
  loadPreview(pathOrApiUrl: string, headers?: Record<string, string>): Promise<HostResult<string>>;

  openHostPage(page: HostPage): Promise<HostResult<void>>;
  makePhoneCall(phone: string): Promise<HostResult<void>>;

  storage: {
    get(key: string): Promise<string | null>;
    set(key: string, value: string): Promise<void>;
    remove(key: string): Promise<void>;
  };

  /** Downloads a document (e.g. the admission notice PDF) and opens or saves it for the parent. */
  saveDocument(req: SaveDocumentRequest): Promise<HostResult<void>>;

  /** Scans a QR code with the camera (teachers' 报到核验); resolves with the decoded text. */
  scanCode(): Promise<HostResult<string>>;

  /**
   * Optional (v2, additive): asks the parent's consent to push the given kinds. Absent, or answering
   * 'unavailable', in a host without pushes: messages are then read in 个人中心 → 消息 only.
   * WeChat: wx.requestSubscribeMessage with the runtime config's template ids (one tap: call it
   * straight from the parent's tap).
   */
  requestNotifyConsent?(req: NotifyConsentRequest): Promise<HostResult<NotifyConsent>>;

  getUiStyle(): Promise<HostUiStyle>;
  /** Called when the host switches between normal and 长辈版 while the module runs. */
  onUiStyleChange(listener: (style: HostUiStyle) => void): () => void;
}
