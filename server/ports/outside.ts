/**
 * The outside world the enrolment server talks to: the host's face service, the birth registry
 * (出生医学证明), the 9 departments' data sharing, the report-code signing keys, and the host's push
 * service (消息 pushed to the parent's phone). Use cases see
 * only these interfaces; the simulations of development and the real services are adapters.
 */
import type { DataKind, FaceVerification, Relationship, VerificationResult } from '@contract/api';
import type { z } from 'zod';
import type { MessageKind } from '@contract/messages';
import type { LoginHandoffSchema } from '@contract/api';

type LoginHandoff = z.infer<typeof LoginHandoffSchema>;

/** A citizen as the face service (or the host's SSO) verified them. Full values: never logged. */
export interface VerifiedCitizen {
  idNumber: string;
  name: string;
  phone: string;
}

export type FaceOutcome =
  | { status: 'pending' }
  | { status: 'passed'; citizen: VerifiedCitizen }
  | { status: 'failed' | 'cancelled' | 'expired' };

export interface FaceService {
  /** Asks the face service for a verify id the host's face screen is shown for, and says whose screen that is. */
  begin(req: { handoff?: LoginHandoff; realNowMs: number }): Promise<{ verifyId: string; expiresAtMs: number; provider: FaceVerification['provider'] }>;
  /** The face service's verdict (server-to-server); the module never sees a face. */
  result(verifyId: string): Promise<FaceOutcome>;
  /** A host SSO ticket exchanged for the citizen the host has verified; null when not valid. */
  exchangeSsoTicket(ticket: string): Promise<VerifiedCitizen | null>;
}

/** A child on a Chongqing 出生医学证明 (only Chongqing-born children can be found, Q13). */
export interface BirthRecord {
  /** Stable registry key, used in the child's record id. */
  key: string;
  name: string;
  idNumber: string;
  birthDate: string;
  sex: 'male' | 'female';
  /** The guardians the certificate names, by ID number, with their relationship. */
  guardians: Array<{ idNumber: string; relationship: Relationship }>;
}

export interface BirthRegistry {
  /** Children whose certificate names this guardian. */
  childrenOf(guardianIdNumber: string): Promise<BirthRecord[]>;
  /** The record of a child by ID number, if the child was born in Chongqing. */
  findChild(childIdNumber: string): Promise<BirthRecord | null>;
}

/** What the departments' shared data says about a family (Q6, Q17, Q23). */
export interface SharedDataReport {
  results: VerificationResult[];
  /** 不动产: who owns the family's home, as far as the data tells. */
  propertyOwner: 'self' | 'spouse' | 'none' | 'unknown';
  /** 户籍: the household head is the other guardian. */
  householdHeadIsOtherGuardian: boolean;
}

export interface DataSharing {
  /** The tags of the 13 kinds for a guardian (and child), checked at `now`. */
  report(guardianIdNumber: string, now: string): Promise<SharedDataReport>;
  /** The kinds that matched, for waivers and verified priority. */
  matched(guardianIdNumber: string): Promise<DataKind[]>;
}

export interface ReportKeyPair {
  /** Hex Ed25519 keys. */
  secretKey: string;
  publicKey: string;
}

export interface ReportKeys {
  /** The year's signing key pair (configured; generated on first start only in development). */
  forYear(year: number): Promise<ReportKeyPair>;
}

/** One push as it leaves the enrolment server: a kind's title and the child's masked name, nothing else personal. */
export interface HostPushMessage {
  /** Whose host account to reach (the host maps it to its own user: openid, 渝快办 user id). */
  accountId: string;
  /** Opens the application when tapped (an id, not personal). */
  applicationId: string;
  kind: MessageKind;
  title: string;
  body: string;
  at: string;
}

/**
 * The host's push service, server-to-server (weapp: 订阅消息 subscribeMessage.send with the template
 * the parent consented to; 渝快办: its message centre API). docs/host-bridge.md describes the step.
 */
export interface HostPush {
  send(push: HostPushMessage): Promise<void>;
}
