/**
 * The mock server's whole state: plain JSON, so it can be persisted in the browser, reset per test,
 * and later mapped to tables of a real database (one top-level key per table).
 */
import type { Application, Child, UpkeepInfo, UploadRecord, LotteryDraw } from '@contract/api';
import type { MaterialCode } from '@contract/materials';

export interface SessionRecord {
  token: string;
  identityId: string;
  createdAt: string;
  /** In mock-clock time, as told to the client. */
  expiresAt: string;
  /** Real epoch ms after which the session is gone. */
  realExpiresAtMs: number;
}

export interface FaceTicketRecord {
  ticket: string;
  identityId: string;
  expiresAt: string;
  used: boolean;
}

export interface ChildRecord extends Child {
  identityId: string;
  idNumber: string;
}

export interface UploadMeta extends UploadRecord {
  identityId: string;
  materialCode: MaterialCode | null;
}

export type FaultKind = 'error500' | 'timeout' | 'offline' | 'sessionExpired' | 'overloaded';

export interface FaultRule {
  id: string;
  /** Substring or path of the API route to hit; absent means every API route. */
  route?: string;
  kind: FaultKind;
  /** How many requests it still affects; absent means until cleared. */
  remaining?: number;
}

/** How one private school's admissions were decided (Q21): by a draw, or directly (demand <= places). */
export interface PrivateAdmissionRecord {
  schoolId: string;
  /** Per-draw salt of the pseudonyms, so a child's pseudonym means nothing outside this draw. */
  salt: string;
  /** The published draw, or null when everyone was admitted without one. */
  drawId: string | null;
  /** application id -> pseudonym of the real applicants. */
  pseudonyms: Record<string, string>;
  decidedAt: string;
}

export interface ClockState {
  /** Mock time = real time + offsetMs, so a countdown keeps ticking after QA sets the clock. */
  offsetMs: number;
  /** When set, time stands still at this instant (tests use it for exact boundaries). */
  frozenAt?: string;
}

export interface MockState {
  schemaVersion: number;
  year: number;
  scenario: string;
  clock: ClockState;
  nextFaceIdentityId: string;
  faceTickets: Record<string, FaceTicketRecord>;
  sessions: Record<string, SessionRecord>;
  children: Record<string, ChildRecord>;
  upkeep: Record<string, UpkeepInfo>;
  uploads: Record<string, UploadMeta>;
  applications: Record<string, Application>;
  /** idempotency key -> application id */
  idempotency: Record<string, string>;
  /** drawId -> published draw */
  draws: Record<string, LotteryDraw>;
  /** schoolId -> how its private admissions were decided */
  privateAdmissions: Record<string, PrivateAdmissionRecord>;
  faults: FaultRule[];
  uiStyle: 'normal' | 'elder';
  /** Counter for readable ids. */
  sequence: number;
}

export const SCHEMA_VERSION = 3;
