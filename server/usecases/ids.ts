/** Identifiers: readable record ids from database sequences, secrets from the CSPRNG. */
import { base64urlEncode } from '@/lib/base64url';
import { sha256hex } from '@/domain/lottery';
import type { Repositories } from '../ports/store';
import type { Deps } from './context';

/** prefix + year + zero-padded sequence, e.g. "A2024000123"; unique because the sequence is. */
export async function nextId(repos: Repositories, deps: Deps, prefix: string): Promise<string> {
  const n = await repos.settings.next(`seq:${prefix}`);
  return `${prefix}${deps.year}${String(n).padStart(6, '0')}`;
}

/** An unguessable token (>= 128 bits from the CSPRNG), base64url. */
export const secretToken = (deps: Deps, bytes = 24): string => base64urlEncode(deps.randomBytes(bytes));

/** What the database keeps of a bearer token. */
export const tokenHash = (token: string): string => sha256hex(`token|${token}`);
