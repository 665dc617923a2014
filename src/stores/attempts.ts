/**
 * Idempotent attempts (submission, resubmission): the key one attempt carries, and which failures
 * leave it uncertain whether the server acted, so the same key must be replayed.
 */
import type { ApiError } from '@contract/errors';

let sequence = 0;
/** Unique enough per attempt without crypto (not every mini-program runtime has getRandomValues). */
export function newAttemptKey(): string {
  sequence += 1;
  return `apply-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${sequence}`;
}

/** Errors after which the request may have reached the server. */
const UNCERTAIN: ReadonlyArray<ApiError['code']> = ['NETWORK', 'TIMEOUT', 'INTERNAL', 'OVERLOADED'];

export const isUncertain = (code: ApiError['code']): boolean => UNCERTAIN.includes(code);
