/**
 * What every use case works with: the request context (who, when, which trace) and the ports.
 * One `now` per request, read once from the clock when the request arrives.
 */
import type { Clock } from '../ports/clock';
import type { BirthRegistry, DataSharing, FaceService, HostPush, ReportKeys } from '../ports/outside';
import type { AccountRecord, StaffRecord, Store } from '../ports/store';
import type { Reference } from '../ports/reference';

export type Principal = { kind: 'parent'; account: AccountRecord } | { kind: 'staff'; staff: StaffRecord };

export interface RequestContext {
  /** The instant this request is judged at (ISO, +08:00). */
  now: string;
  realNowMs: number;
  traceId: string;
  principal: Principal | null;
  /** The caller's network address (the socket's peer, or X-Forwarded-For through a trusted proxy); absent for the server's own work (jobs, QA). */
  clientAddress?: string;
}

export interface Policy {
  /** Manual adds an account may make of children it is not on the birth record of. */
  maxManualChildren: number;
  sessionTtlMs: number;
  faceVerificationTtlMs: number;
  /** Per-account upload quota. */
  maxUploadFiles: number;
  maxUploadBytes: number;
}

export const DEFAULT_POLICY: Policy = {
  maxManualChildren: 3,
  sessionTtlMs: 2 * 60 * 60 * 1000,
  faceVerificationTtlMs: 5 * 60 * 1000,
  maxUploadFiles: 200,
  maxUploadBytes: 300 * 1024 * 1024,
};

export interface Deps {
  store: Store;
  clock: Clock;
  reference: Reference;
  face: FaceService;
  birthRegistry: BirthRegistry;
  dataSharing: DataSharing;
  reportKeys: ReportKeys;
  /** The host's push service (issue 15); absent: messages are kept in 消息 only. */
  hostPush?: HostPush;
  /** The enrolment year this server runs. */
  year: number;
  policy: Policy;
  /** CSPRNG bytes (crypto.getRandomValues). */
  randomBytes(n: number): Uint8Array;
}
