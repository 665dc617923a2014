/**
 * Idempotency keys (one per attempt of a write): a replay with the same body answers the first
 * result; the same key with another body is refused, never answered with someone else's result.
 */
import type { AccountRecord, Repositories } from '../ports/store';
import { refuse } from './errors';

/** The earlier result id for this key and body, or null when the key is new. */
export async function replayOrReserve(repos: Repositories, account: AccountRecord, scope: string, key: string, bodyHash: string): Promise<string | null> {
  const seen = await repos.idempotency.get(account.id, scope, key);
  if (!seen) return null;
  if (seen.bodyHash !== bodyHash) refuse('CONFLICT', '这次提交与之前的提交内容不一致，请刷新页面后重新提交');
  return seen.resultId;
}

/** A canonical JSON text (keys sorted) of a request, for hashing. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
