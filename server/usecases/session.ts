/**
 * Login (Q4, Q7), server-first: the server begins a face verification with the host's face
 * service, the host shows its face screen for that id, the server reads the verdict and issues a
 * session. Or a host's SSO ticket, exchanged server-to-server. The module never sees a face image
 * or the citizen's full ID from the host; sessions are CSPRNG tokens stored only as hashes.
 */
import type { BeginFaceVerificationRequest, CreateSessionRequest, FaceVerification, Session } from '@contract/api';
import { maskIdNumber, maskName, maskPhone } from '@/domain/masking';
import { toIso } from '@/domain/time';
import type { VerifiedCitizen } from '../ports/outside';
import type { AccountRecord, Repositories } from '../ports/store';
import { ConstraintViolation } from '../ports/store';
import type { Deps, RequestContext } from './context';
import { refuse } from './errors';
import { nextId, secretToken, tokenHash } from './ids';
import { sha256hex } from '@/domain/lottery';
import { discoverChildren } from './children';

export async function beginFaceVerification(deps: Deps, ctx: RequestContext, body: BeginFaceVerificationRequest): Promise<FaceVerification> {
  const begun = await deps.face.begin({ handoff: body.handoff, realNowMs: ctx.realNowMs });
  const expiresAtMs = Math.min(begun.expiresAtMs, ctx.realNowMs + deps.policy.faceVerificationTtlMs);
  const id = `FV_${secretToken(deps, 12)}`;
  await deps.store.transaction((repos) =>
    repos.faceVerifications.insert({ id, provider: begun.provider, verifyId: begun.verifyId, createdAtMs: ctx.realNowMs, expiresAtMs, usedAtMs: null }),
  );
  return { verificationId: id, verifyId: begun.verifyId, provider: begun.provider, expiresAt: toIso(expiresAtMs) };
}

const FACE_AGAIN = '刷脸核验已失效，请重新刷脸登录';

async function citizenOf(deps: Deps, ctx: RequestContext, repos: Repositories, body: CreateSessionRequest): Promise<VerifiedCitizen> {
  if ('handoff' in body) {
    const citizen = await deps.face.exchangeSsoTicket(body.handoff.code);
    if (!citizen) refuse('UNAUTHENTICATED', '登录凭证已失效，请重新进入或刷脸登录');
    return citizen;
  }
  const record = await repos.faceVerifications.get(body.verificationId);
  if (!record || record.expiresAtMs <= ctx.realNowMs || record.usedAtMs !== null) refuse('UNAUTHENTICATED', FACE_AGAIN);
  const outcome = await deps.face.result(record.verifyId);
  if (outcome.status === 'pending') refuse('UNAUTHENTICATED', '尚未完成刷脸核验，请完成刷脸后重试');
  if (outcome.status !== 'passed') refuse('UNAUTHENTICATED', outcome.status === 'failed' ? '刷脸核验未通过，请重新刷脸' : FACE_AGAIN);
  // Single use: a replayed verification id never issues a second session.
  if (!(await repos.faceVerifications.markUsed(record.id, ctx.realNowMs))) refuse('UNAUTHENTICATED', FACE_AGAIN);
  return outcome.citizen;
}

async function accountFor(deps: Deps, ctx: RequestContext, repos: Repositories, citizen: VerifiedCitizen): Promise<AccountRecord> {
  const existing = await repos.accounts.byIdNumber(citizen.idNumber);
  if (existing) return existing;
  const account: AccountRecord = { id: await nextId(repos, deps, 'AC'), idNumber: citizen.idNumber, name: citizen.name, phone: citizen.phone, createdAt: ctx.now };
  try {
    await repos.accounts.insert(account);
  } catch (error) {
    if (error instanceof ConstraintViolation) refuse('CONFLICT', '登录请求过于频繁，请稍后重试');
    throw error;
  }
  return account;
}

export async function createSession(deps: Deps, ctx: RequestContext, body: CreateSessionRequest): Promise<Session> {
  return deps.store.transaction(async (repos) => {
    const citizen = await citizenOf(deps, ctx, repos, body);
    const account = await accountFor(deps, ctx, repos, citizen);
    const token = secretToken(deps);
    const expiresAtMs = ctx.realNowMs + deps.policy.sessionTtlMs;
    await repos.sessions.insert({ tokenHash: tokenHash(token), accountId: account.id, createdAtMs: ctx.realNowMs, expiresAtMs });
    // Face login is what finds the children through shared birth records (Q13).
    await discoverChildren(deps, ctx, repos, account);
    return {
      token,
      expiresAt: toIso(expiresAtMs),
      parent: { nameMasked: maskName(account.name), idNumberMasked: maskIdNumber(account.idNumber), phoneMasked: maskPhone(account.phone) },
      draftScope: sha256hex(`draft-scope|${account.id}`).slice(0, 16),
    };
  });
}

export async function endSession(deps: Deps, bearer: string | null): Promise<void> {
  if (!bearer) return;
  await deps.store.transaction((repos) => repos.sessions.delete(tokenHash(bearer)));
}

/** The account behind a bearer token, or null when there is none or it expired (real time). */
export async function accountOfToken(deps: Deps, bearer: string, realNowMs: number): Promise<AccountRecord | null> {
  return deps.store.read(async (repos) => {
    const found = await repos.sessions.withAccount(tokenHash(bearer));
    if (!found || found.session.expiresAtMs <= realNowMs) return null;
    return found.account;
  });
}
