/**
 * Face login (or a container's one-time proof) through the host bridge, ending in a session the
 * session store keeps. Only the login page logs in, so this is not part of the session store every
 * page (and the mini-program's main package) loads.
 */
import type { HostErrorKind } from '@contract/bridge';
import type { ApiError } from '@contract/errors';
import { getBridge } from '@/bridge';
import * as api from '@/services/api';
import { useSessionStore } from './session';

export type LoginFailure =
  | { kind: 'host'; reason: HostErrorKind }
  | { kind: 'api'; error: ApiError };

export async function login(): Promise<{ ok: true } | { ok: false; failure: LoginFailure }> {
  const bridge = getBridge();
  // A container where the citizen is already logged in hands the module a one-time proof.
  const handoff = await bridge.getLoginHandoff();
  let created;
  if (handoff.ok && handoff.value.kind === 'ssoTicket') {
    created = await api.createSession({ handoff: { kind: 'ssoTicket', code: handoff.value.code } });
  } else {
    // Server-first face verification: the server begins it, the host shows its face screen for it.
    const begun = await api.beginFaceVerification(handoff.ok ? { handoff: handoff.value } : {});
    if (!begun.ok) return { ok: false, failure: { kind: 'api', error: begun.error } };
    const face = await bridge.verifyFace({ verifyId: begun.data.verifyId, provider: begun.data.provider, reason: '入学一件事需要核验您的身份，核验通过后才能为子女报名' });
    if (!face.ok) return { ok: false, failure: { kind: 'host', reason: face.error.kind } };
    created = await api.createSession({ verificationId: begun.data.verificationId });
  }
  if (!created.ok) return { ok: false, failure: { kind: 'api', error: created.error } };
  await useSessionStore.getState().signedIn(created.data);
  return { ok: true };
}
