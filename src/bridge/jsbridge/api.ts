/**
 * The JS API of a JSBridge-style super-app container, as the module expects it: the capabilities
 * 浙里办's ZWJSBridge documents (a ready event, face verification, chooseImage, downloadFile,
 * phoneCall, scan, setTitle, close, openLink, the 长辈版 UI style), each promise-returning.
 *
 * A host team whose container speaks a different dialect (callbacks, other names, other fields)
 * writes a thin shim to this interface; everything else (mapping onto the H5 bridge, error kinds,
 * data URLs to bytes) is the module's adapter (./index.ts).
 *
 * Every call rejects with a JsBridgeError: `{ code, message }`, with the codes below.
 */
import type { FaceProvider } from '@contract/bridge';

/** The container's error codes (a call's rejection `code`). */
export const JsBridgeErrorCode = {
  /** Anything else went wrong in the container. */
  Failed: 1,
  /** The citizen cancelled (closed the face screen, the picker, the scanner). */
  Cancelled: 2,
  /** This container (or this version of it) does not have the call. */
  NotSupported: 3,
  /** The citizen or the container's configuration refused the permission (camera, album, phone). */
  NoPermission: 4,
  /** The container could not reach its own services. */
  Network: 5,
  /** The container gave up waiting. */
  Timeout: 6,
} as const;
export type JsBridgeErrorCode = (typeof JsBridgeErrorCode)[keyof typeof JsBridgeErrorCode];

export interface JsBridgeError {
  code: JsBridgeErrorCode | number;
  message?: string;
}

export type JsBridgeUiStyle = 'normal' | 'elder';

export interface JsBridgeApi {
  /** Resolves once the container's API can be called (ZWJSBridge.onReady); rejects if it never will. */
  ready(): Promise<void>;

  /**
   * Shows the container's face screen for a verification the enrolment server began with the
   * container's face service (`verifyId` is that service's certify id). Resolves when the citizen
   * finished it; the enrolment server learns the verdict itself, server-to-server.
   */
  faceVerify(req: { verifyId: string; provider: FaceProvider; reason: string }): Promise<void>;

  /** A one-time ticket of the citizen logged in to the container (SSO), exchanged by the enrolment server. */
  getSsoTicket?(): Promise<{ ticket: string }>;

  /** The container's image picker; each `picPath` is a data: URL or a URL the page may fetch. */
  chooseImage(req: { count: number; sourceType: Array<'camera' | 'album'> }): Promise<{ picPath: string[] }>;

  /** Opens or saves a file for the citizen; `url` is a data: URL of the bytes the module downloaded. */
  downloadFile(req: { url: string; fileName: string; mime: string }): Promise<void>;

  phoneCall(req: { phoneNumber: string }): Promise<void>;

  /** Scans a QR code with the container's scanner; resolves with the decoded text. */
  scan(req: { type: 'qrCode' }): Promise<{ text: string }>;

  /** The container's native title bar. */
  setTitle(req: { title: string }): Promise<void>;

  /** Closes the module's window, back to the container. */
  close(): Promise<void>;

  /** Opens a URL (a container page or web page) in a new container window. */
  openLink(req: { url: string }): Promise<void>;

  /**
   * Optional: the container's consent sheet for pushes (its message centre). `kinds` are the module's
   * message kinds (types/enums/messages.ts MESSAGE_KINDS); resolves with those the citizen allowed. A container
   * without it (or rejecting NotSupported) answers 'unsupported': messages stay in the module's 消息.
   */
  requestNotifyConsent?(req: { kinds: string[]; reason: string }): Promise<{ accepted: string[] }>;

  /** 长辈版 or normal (ZWJSBridge.getUiStyle). */
  getUiStyle?(): Promise<{ uiStyle: JsBridgeUiStyle }>;
  /** Called when the citizen switches 长辈版 on or off while the module runs; returns an unsubscribe. */
  onUiStyleChange?(listener: (uiStyle: JsBridgeUiStyle) => void): () => void;
}
