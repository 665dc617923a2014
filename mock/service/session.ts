/** Face tickets from the simulated host and the enrolment sessions they are exchanged for. */
import type { Session } from '@contract/api';
import { maskIdNumber, maskName, maskPhone } from '@/domain/masking';
import { findIdentity, type HostIdentity } from '../data/identities';
import type { ServiceContext } from './context';
import { serverNow } from './context';
import { discoverChildren } from './children';
import { refuse } from './result';
import type { MockState, SessionRecord } from './state';

const TICKET_TTL_MS = 5 * 60 * 1000;
const SESSION_TTL_MS = 2 * 60 * 60 * 1000;

function token(prefix: string, state: MockState): string {
  state.sequence += 1;
  // Not a secret in a mock; unique and unguessable enough to keep sessions apart in tests.
  return `${prefix}_${state.sequence.toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
}

export async function issueFaceTicket(ctx: ServiceContext): Promise<{ ticket: string; expiresAt: string }> {
  return ctx.store.write((state) => {
    const now = Date.parse(serverNow(ctx, state));
    const ticket = token('ft', state);
    const expiresAt = new Date(now + TICKET_TTL_MS).toISOString();
    state.faceTickets[ticket] = { ticket, identityId: state.nextFaceIdentityId, expiresAt, used: false };
    return { ticket, expiresAt };
  });
}

export async function createSession(ctx: ServiceContext, ticket: unknown): Promise<Session> {
  return ctx.store.write((state) => {
    const now = Date.parse(serverNow(ctx, state));
    const record = typeof ticket === 'string' ? state.faceTickets[ticket] : undefined;
    if (!record || record.used || Date.parse(record.expiresAt) <= now) {
      refuse('UNAUTHENTICATED', '刷脸核验已失效，请重新刷脸登录');
    }
    record.used = true;
    const identity = findIdentity(record.identityId);
    if (!identity) refuse('UNAUTHENTICATED', '未能识别您的身份，请重新刷脸登录');
    const session: SessionRecord = {
      token: token('st', state),
      identityId: identity.id,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + SESSION_TTL_MS).toISOString(),
      realExpiresAtMs: ctx.realNow() + SESSION_TTL_MS,
    };
    state.sessions[session.token] = session;
    // Face login is what finds the children through shared birth records (Q13).
    discoverChildren(state, identity);
    return {
      token: session.token,
      expiresAt: session.expiresAt,
      parent: {
        nameMasked: maskName(identity.parent.name),
        idNumberMasked: maskIdNumber(identity.parent.idNumber),
        phoneMasked: maskPhone(identity.parent.phone),
      },
    };
  });
}

export async function endSession(ctx: ServiceContext, authorization: string | null): Promise<void> {
  const bearer = authorization?.replace(/^Bearer\s+/i, '') ?? '';
  await ctx.store.write((state) => {
    delete state.sessions[bearer];
  });
}

/** The identity behind a request, or an UNAUTHENTICATED refusal. */
export function requireIdentity(ctx: ServiceContext, state: MockState, authorization: string | null): HostIdentity {
  const bearer = authorization?.replace(/^Bearer\s+/i, '') ?? '';
  const session = state.sessions[bearer];
  // Sessions age in real time: QA jumping the mock calendar by days must not log the parent out
  // (the sessionExpired fault is how QA tests expiry).
  if (!session || session.realExpiresAtMs <= ctx.realNow()) {
    refuse('UNAUTHENTICATED', '登录已过期，请重新刷脸登录，您填写的内容不会丢失');
  }
  const identity = findIdentity(session.identityId);
  if (!identity) refuse('UNAUTHENTICATED', '登录已过期，请重新刷脸登录');
  return identity;
}
