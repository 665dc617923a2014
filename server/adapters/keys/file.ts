/**
 * Report-code keys from configuration (Node only): REPORT_CODE_SECRET_KEY_<year> (hex) in the
 * environment, else a key file <dir>/report-code-<year>.json. In development a missing file is
 * generated from the CSPRNG (and marked development); production refuses both a missing key and a
 * development one. Rotation: a new year's key, or a new file with a new public key published.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import type { ReportKeyPair, ReportKeys } from '../../ports/outside';

interface KeyFile {
  secretKey: string;
  publicKey: string;
  development: boolean;
  createdAt: string;
}

export class KeyConfigError extends Error {}

export function createFileReportKeys(opts: { dir: string; production: boolean; env?: Record<string, string | undefined> }): ReportKeys {
  const env = opts.env ?? process.env;
  const cache = new Map<number, ReportKeyPair>();
  const load = (year: number): ReportKeyPair => {
    const fromEnv = env[`REPORT_CODE_SECRET_KEY_${year}`];
    if (fromEnv) {
      if (!/^[0-9a-f]{64}$/i.test(fromEnv)) throw new KeyConfigError(`REPORT_CODE_SECRET_KEY_${year} must be 64 hex characters`);
      return { secretKey: fromEnv.toLowerCase(), publicKey: bytesToHex(ed25519.getPublicKey(hexToBytes(fromEnv.toLowerCase()))) };
    }
    const file = path.join(opts.dir, `report-code-${year}.json`);
    if (fs.existsSync(file)) {
      const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
      if (opts.production && kept.development) throw new KeyConfigError(`${file} is a development key: production needs a configured key (REPORT_CODE_SECRET_KEY_${year} or a key file made for production)`);
      return { secretKey: kept.secretKey, publicKey: kept.publicKey };
    }
    if (opts.production) throw new KeyConfigError(`no report-code key for ${year}: set REPORT_CODE_SECRET_KEY_${year} or provide ${file}`);
    const secret = randomBytes(32);
    const made: KeyFile = { secretKey: secret.toString('hex'), publicKey: bytesToHex(ed25519.getPublicKey(new Uint8Array(secret))), development: true, createdAt: new Date().toISOString() };
    fs.mkdirSync(opts.dir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(made, null, 2), { mode: 0o600 });
    return { secretKey: made.secretKey, publicKey: made.publicKey };
  };
  return {
    async forYear(year) {
      let pair = cache.get(year);
      if (!pair) {
        pair = load(year);
        cache.set(year, pair);
      }
      return pair;
    },
  };
}
