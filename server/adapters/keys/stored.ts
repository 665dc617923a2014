/**
 * Report-code keys (报到码 signing) kept in the store: generated from the CSPRNG on first use and
 * marked as development keys. The browser mock and page tests use these; a Node server reads its
 * keys from configuration (file.ts), and production refuses development keys.
 */
import { generateKeyPair } from '@/domain/reportCode';
import { bytesToHex } from '@noble/hashes/utils';
import type { ReportKeyPair, ReportKeys } from '../../ports/outside';
import type { Store } from '../../ports/store';

export function createStoredReportKeys(store: Store, randomBytes: (n: number) => Uint8Array): ReportKeys {
  const cache = new Map<number, ReportKeyPair>();
  return {
    async forYear(year) {
      const cached = cache.get(year);
      if (cached) return cached;
      const key = `dev:report-key:${year}`;
      const pair = await store.transaction(async (repos) => {
        const kept = await repos.settings.get<ReportKeyPair>(key);
        if (kept) return kept;
        const fresh = generateKeyPair(bytesToHex(randomBytes(32)));
        await repos.settings.put(key, fresh);
        return fresh;
      });
      cache.set(year, pair);
      return pair;
    },
  };
}
