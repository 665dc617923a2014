/**
 * The Node server's configuration, from the environment. Development (the default) runs the QA API
 * and the simulated host; NODE_ENV=production refuses to start with either, or with a development
 * signing key, and says what is missing.
 */
import path from 'node:path';
import { limitsFromEnv, type OverloadLimits } from '../security/overload';
import { parseTrustProxy, type TrustProxy } from '../security/clientAddress';

export interface NodeServerConfig {
  port: number;
  host: string;
  /** postgres://… selects a PostgreSQL server; otherwise the embedded PGlite in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  /** Report-code keys (dev keys are generated here on first start). */
  keysDir: string;
  production: boolean;
  /** QA API + dev host + simulated departments. */
  development: boolean;
  /** A built H5 folder to serve beside the API (npm start), or null for the API alone. */
  staticDir: string | null;
  /** Log one line per request. */
  logRequests: boolean;
  /** Rate limits and the write gate (RATE_* and WRITE_* variables, server/security/overload.ts). */
  limits: Partial<OverloadLimits>;
  /**
   * TRUST_PROXY: the reverse proxies in front (a number of hops, or their addresses), whose
   * X-Forwarded-For names the client for the rate limits; unset = the socket's peer, the header ignored.
   */
  trustProxy: TrustProxy | null;
}

export class ConfigError extends Error {}

const ROOT = path.resolve(__dirname, '..', '..');

export type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): NodeServerConfig {
  const production = env.NODE_ENV === 'production';
  const wantsDev = env.ENROLMENT_DEV === undefined ? !production : env.ENROLMENT_DEV === '1';
  if (production && wantsDev) {
    throw new ConfigError('NODE_ENV=production refuses to start with the QA API and the dev host (simulated 渝快办 face service and departments): unset ENROLMENT_DEV');
  }
  if (production && env.STATIC_DIR && /h5-(dev|mock)/.test(env.STATIC_DIR)) {
    throw new ConfigError(`NODE_ENV=production refuses to serve a development build (${env.STATIC_DIR}): build it with npm run build:h5`);
  }
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not ${env.PORT}`);
  const dataDir = path.resolve(ROOT, env.DATA_DIR ?? '.data');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? null,
    dataDir,
    keysDir: path.resolve(ROOT, env.KEYS_DIR ?? path.join(dataDir, 'keys')),
    production,
    development: wantsDev,
    staticDir: env.STATIC_DIR ? path.resolve(ROOT, env.STATIC_DIR) : null,
    logRequests: env.LOG_REQUESTS !== '0',
    limits: (() => {
      try {
        return limitsFromEnv(env);
      } catch (e) {
        throw new ConfigError((e as Error).message);
      }
    })(),
    trustProxy: (() => {
      try {
        return parseTrustProxy(env.TRUST_PROXY);
      } catch (e) {
        throw new ConfigError((e as Error).message);
      }
    })(),
  };
}
