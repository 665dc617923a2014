/**
 * The host's face service as the dev host simulates it (provider 'dev'): the enrolment server begins
 * a verification, the dev host's face screen (the face sheet of mock/, or a test) completes it with
 * one of the seeded citizens, and the server reads the verdict. Also the host's SSO tickets.
 * Pending verifications live in this process only: a restart simply asks the parent to face again.
 */
import type { FaceOutcome, FaceService, VerifiedCitizen } from '../../ports/outside';
import { base64urlEncode } from '@/lib/base64url';
import { defaultIdentityId, findIdentity, type HostIdentity } from './identities';

const VERIFY_TTL_MS = 5 * 60 * 1000;

export interface SimulatedFaceService extends FaceService {
  /** The dev host's face screen finished: with a seeded identity (default: QA's chosen one), or cancelled. */
  complete(verifyId: string, outcome: { identityId?: string } | 'cancelled' | 'failed'): boolean;
  /** An SSO ticket of the dev host for a seeded identity (containers where the citizen is logged in). */
  issueSsoTicket(identityId?: string): string;
  /** Who the next face is when the face screen does not say (QA: POST /__qa/identity). */
  nextIdentityId: string;
  reset(): void;
}

export const citizenOf = (identity: HostIdentity): VerifiedCitizen => ({
  idNumber: identity.parent.idNumber,
  name: identity.parent.name,
  phone: identity.parent.phone,
});

export function createSimulatedFaceService(randomBytes: (n: number) => Uint8Array, realNowMs: () => number = Date.now): SimulatedFaceService {
  const pending = new Map<string, { expiresAtMs: number; outcome: FaceOutcome }>();
  const tickets = new Map<string, { identityId: string; expiresAtMs: number }>();
  const token = () => base64urlEncode(randomBytes(18));
  const service: SimulatedFaceService = {
    nextIdentityId: defaultIdentityId,
    async begin({ handoff, realNowMs: now }) {
      const verifyId = `devface_${token()}`;
      const expiresAtMs = now + VERIFY_TTL_MS;
      pending.set(verifyId, { expiresAtMs, outcome: { status: 'pending' } });
      // A mini-program (wx.login code) gets WeChat's face screen (requestFacialVerify), simulated all the same.
      return { verifyId, expiresAtMs, provider: handoff?.kind === 'wxLoginCode' ? 'wechat' : 'dev' };
    },
    async result(verifyId) {
      const entry = pending.get(verifyId);
      if (!entry) return { status: 'expired' };
      if (entry.expiresAtMs <= realNowMs()) {
        pending.delete(verifyId);
        return { status: 'expired' };
      }
      return entry.outcome;
    },
    complete(verifyId, outcome) {
      const entry = pending.get(verifyId);
      if (!entry || entry.outcome.status !== 'pending') return false;
      if (outcome === 'cancelled' || outcome === 'failed') {
        entry.outcome = { status: outcome };
        return true;
      }
      const identity = findIdentity(outcome.identityId ?? service.nextIdentityId);
      if (!identity) return false;
      entry.outcome = { status: 'passed', citizen: citizenOf(identity) };
      return true;
    },
    issueSsoTicket(identityId = service.nextIdentityId) {
      const ticket = `devsso_${token()}`;
      tickets.set(ticket, { identityId, expiresAtMs: realNowMs() + VERIFY_TTL_MS });
      return ticket;
    },
    async exchangeSsoTicket(ticket) {
      const entry = tickets.get(ticket);
      // Single use, short-lived: a replayed ticket is refused.
      tickets.delete(ticket);
      if (!entry || entry.expiresAtMs <= realNowMs()) return null;
      const identity = findIdentity(entry.identityId);
      return identity ? citizenOf(identity) : null;
    },
    reset() {
      pending.clear();
      tickets.clear();
      service.nextIdentityId = defaultIdentityId;
    },
  };
  return service;
}
