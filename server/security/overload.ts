/**
 * Overload is the server's job too (issue 12, property 9). Three guards in front of the API:
 *  - a token bucket per caller (the parent's account or the staff member; anonymous callers by
 *    their address: the socket's peer, or X-Forwarded-For only through a trusted proxy, see
 *    clientAddress.ts) and one for the whole server: over either, 429 OVERLOADED with
 *    Retry-After, before any use case runs;
 *  - a bounded gate for writes: at most `concurrency` writes run at once, at most `queue` wait and
 *    none waits longer than `maxWaitMs`; beyond that a write is shed at once with 503 OVERLOADED
 *    and Retry-After, so latency stays bounded instead of collapsing.
 * A shed request was never started, so nothing a parent was told succeeded is lost; the client
 * honours Retry-After (src/services/overloadLimiter.ts) and idempotency keys make its retry safe.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { errorBody } from '../http/errors';
import type { AppEnv } from '../http/context';

export interface Bucket {
  /** Requests allowed at once. */
  burst: number;
  /** Tokens added per second. */
  perSecond: number;
}

export interface OverloadLimits {
  /** Per parent account or staff member; null: off. */
  principal: Bucket | null;
  /** Per connection address, for requests without a session (login, public reference data). */
  anonymous: Bucket | null;
  /** The whole server. */
  global: Bucket | null;
  /** Writes (POST/PUT/PATCH/DELETE) in flight and waiting; null: off. */
  writes: { concurrency: number; queue: number; maxWaitMs: number } | null;
}

/**
 * Generous: a parent clicking through a journey makes a few requests a second at most; the e2e
 * suite and the load bench run far below these. Production sets its own (README, Security).
 */
export const DEFAULT_LIMITS: OverloadLimits = {
  principal: { burst: 300, perSecond: 20 },
  anonymous: { burst: 600, perSecond: 50 },
  global: { burst: 20_000, perSecond: 5_000 },
  writes: { concurrency: 64, queue: 1024, maxWaitMs: 5_000 },
};

const RATE_MESSAGE = '当前访问人数较多，请稍候再试，您填写的内容不会丢失';

/** Most callers a bucket set remembers: beyond it the least recently seen are forgotten. */
export const MAX_BUCKET_KEYS = 100_000;

/**
 * Token buckets by key, refilled lazily. Memory stays bounded and every request costs O(1)
 * amortised: idle full buckets are forgotten by a sweep once a minute (once a second while the set
 * is at its cap), and a set still at its cap after a sweep forgets its least recently seen callers
 * (Map order: a take moves its key to the end). A forgotten caller starts again with a full bucket;
 * the global bucket still bounds what many addresses together can do.
 */
export function createBuckets(bucket: Bucket, now: () => number, maxKeys = MAX_BUCKET_KEYS) {
  const state = new Map<string, { tokens: number; at: number }>();
  let sweptAt = now();
  let sweeps = 0;
  function sweep(t: number) {
    const due = t - sweptAt >= 60_000 || (state.size >= maxKeys && t - sweptAt >= 1_000);
    if (due) {
      sweptAt = t;
      sweeps++;
      for (const [key, s] of state) if (s.tokens + ((t - s.at) / 1000) * bucket.perSecond >= bucket.burst) state.delete(key);
    }
    if (state.size >= maxKeys) {
      const target = Math.floor(maxKeys * 0.9);
      for (const key of state.keys()) {
        if (state.size <= target) break;
        state.delete(key);
      }
    }
  }
  return {
    /** Takes one token: 0 when allowed, else the seconds until one is there. */
    take(key: string): number {
      const t = now();
      sweep(t);
      const s = state.get(key) ?? { tokens: bucket.burst, at: t };
      const tokens = Math.min(bucket.burst, s.tokens + (Math.max(0, t - s.at) / 1000) * bucket.perSecond);
      state.delete(key);
      if (tokens >= 1) {
        state.set(key, { tokens: tokens - 1, at: t });
        return 0;
      }
      state.set(key, { tokens, at: t });
      return Math.max(1, Math.ceil((1 - tokens) / bucket.perSecond));
    },
    /** Callers remembered, and full sweeps so far (tests). */
    size: () => state.size,
    sweeps: () => sweeps,
  };
}

export function rateLimit(limits: OverloadLimits, now: () => number): MiddlewareHandler<AppEnv> {
  const principal = limits.principal ? createBuckets(limits.principal, now) : null;
  const anonymous = limits.anonymous ? createBuckets(limits.anonymous, now) : null;
  const global = limits.global ? createBuckets(limits.global, now) : null;
  return async (c, next) => {
    const who = c.get('ctx').principal;
    const own = who ? principal?.take(who.kind === 'parent' ? `p:${who.account.id}` : `s:${who.staff.id}`) ?? 0 : anonymous?.take(`a:${c.get('ctx').clientAddress ?? 'local'}`) ?? 0;
    // A caller over its own limit does not spend the server's tokens.
    const wait = own || (global?.take('all') ?? 0);
    if (wait > 0) return errorBody(c, { code: 'OVERLOADED', message: RATE_MESSAGE, retryAfter: wait }, 429);
    return next();
  };
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The bounded gate for writes: run, wait briefly in a bounded queue, or be shed at once with 503. */
export function writeGate(limits: NonNullable<OverloadLimits['writes']>) {
  let running = 0;
  const waiting: Array<{ go: () => void }> = [];
  const retryAfter = Math.max(1, Math.ceil(limits.maxWaitMs / 1000));
  const shed = (c: Context) => errorBody(c, { code: 'OVERLOADED', message: RATE_MESSAGE, retryAfter }, 503);

  function release() {
    const next = waiting.shift();
    if (next) next.go();
    else running--;
  }

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    if (running >= limits.concurrency) {
      if (waiting.length >= limits.queue) return shed(c);
      const admitted = await new Promise<boolean>((resolve) => {
        const entry = {
          go: () => {
            clearTimeout(timer);
            resolve(true);
          },
        };
        const timer = setTimeout(() => {
          const at = waiting.indexOf(entry);
          if (at >= 0) waiting.splice(at, 1);
          resolve(false);
        }, limits.maxWaitMs);
        waiting.push(entry);
      });
      // A slot handed over by release() keeps `running` as it was (one left, one entered).
      if (!admitted) return shed(c);
    } else running++;
    try {
      await next();
    } finally {
      release();
    }
  };
  return { middleware, stats: () => ({ running, waiting: waiting.length }) };
}

/**
 * Limits from the environment (each optional; 0 turns a guard off):
 * RATE_PRINCIPAL_BURST / RATE_PRINCIPAL_PER_SEC, RATE_ANON_BURST / RATE_ANON_PER_SEC,
 * RATE_GLOBAL_BURST / RATE_GLOBAL_PER_SEC, WRITE_CONCURRENCY / WRITE_QUEUE / WRITE_MAX_WAIT_MS.
 */
export function limitsFromEnv(env: Record<string, string | undefined>): Partial<OverloadLimits> {
  const num = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number ≥ 0, not ${raw}`);
    return n;
  };
  const out: Partial<OverloadLimits> = {};
  const bucket = (key: 'principal' | 'anonymous' | 'global', prefix: string) => {
    const burst = num(`${prefix}_BURST`);
    const perSecond = num(`${prefix}_PER_SEC`);
    if (burst === undefined && perSecond === undefined) return;
    const base = DEFAULT_LIMITS[key]!;
    out[key] = burst === 0 || perSecond === 0 ? null : { burst: burst ?? base.burst, perSecond: perSecond ?? base.perSecond };
  };
  bucket('principal', 'RATE_PRINCIPAL');
  bucket('anonymous', 'RATE_ANON');
  bucket('global', 'RATE_GLOBAL');
  const concurrency = num('WRITE_CONCURRENCY');
  const queue = num('WRITE_QUEUE');
  const maxWaitMs = num('WRITE_MAX_WAIT_MS');
  if (concurrency !== undefined || queue !== undefined || maxWaitMs !== undefined) {
    const base = DEFAULT_LIMITS.writes!;
    out.writes = concurrency === 0 ? null : { concurrency: concurrency ?? base.concurrency, queue: queue ?? base.queue, maxWaitMs: maxWaitMs ?? base.maxWaitMs };
  }
  return out;
}
