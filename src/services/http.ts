/**
 * The enrolment API client: one place for auth, timeouts, typed errors and polite retries.
 * Pages and stores call the typed functions in api.ts, never this directly.
 */
import type { ZodType } from 'zod';
import type { HostBridge, HttpRequest } from '@contract/bridge';
import type { ApiError, ApiErrorBody } from '@contract/errors';
import { clientErrors } from './messages';
import { createOverloadLimiter, OVERLOAD_MAX_ATTEMPTS, type OverloadLimiter } from './overloadLimiter';

export { OVERLOAD_MAX_ATTEMPTS, OVERLOAD_MAX_PER_MINUTE, OVERLOAD_MIN_WAIT_MS, OVERLOAD_MODE_MS } from './overloadLimiter';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export interface ApiClientDeps {
  bridge: () => HostBridge;
  token: () => string | null;
  /** Told when the server says the session is gone, so the app can re-login and come back. */
  onUnauthenticated: () => void;
  /** Told while the client waits politely in the queue of an overloaded server. */
  onQueue: (waiting: boolean) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Injected in tests; defaults to Date.now. */
  now?: () => number;
  /** The app shares one limiter between API calls and uploads; tests get a fresh one. */
  limiter?: OverloadLimiter;
  /** Told of every call that ends without success (after its retries): the host's telemetry. */
  onFailure?: (failure: { method: HttpRequest['method']; url: string; code: string; status: number }) => void;
}

export interface CallOptions {
  method?: HttpRequest['method'];
  body?: unknown;
  headers?: Record<string, string>;
  /** Safe to repeat after a network failure (GETs, and writes that carry an idempotency key). */
  idempotent?: boolean;
  timeoutMs?: number;
  /** The contract of the answer: a body that does not match it is not used (the parent is told, nothing breaks).
   *  A function loads it when an answer is in (services/api/call.ts: zod and the schemas ship in a chunk of their own). */
  schema?: ZodType | (() => Promise<ZodType>);
}

const NETWORK_RETRIES = 2;

function isApiErrorBody(data: unknown): data is ApiErrorBody {
  return typeof data === 'object' && data !== null && typeof (data as ApiErrorBody).error?.code === 'string';
}

export function createApiClient(deps: ApiClientDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;

  // One limiter for every call of this client (and, in the app, for uploads too: services/index.ts).
  const limiter = deps.limiter ?? createOverloadLimiter({ onQueue: deps.onQueue, sleep: deps.sleep, random: deps.random, now: deps.now });

  async function call<T>(url: string, options: CallOptions = {}): Promise<ApiResult<T>> {
    const method = options.method ?? 'GET';
    const result = await attempt<T>(url, method, options);
    if (!result.ok) deps.onFailure?.({ method, url, code: result.error.code, status: result.status });
    return result.ok ? result : { ok: false, error: result.error };
  }

  async function attempt<T>(url: string, method: HttpRequest['method'], options: CallOptions): Promise<{ ok: true; data: T } | { ok: false; error: ApiError; status: number }> {
    const idempotent = options.idempotent ?? method === 'GET';
    let networkFailures = 0;
    let overloads = 0;
    for (;;) {
      await limiter.waitForSlot();
      const token = deps.token();
      const headers: Record<string, string> = { ...options.headers };
      if (token) headers.Authorization = `Bearer ${token}`;
      const answer = await deps.bridge().request({ method, url, body: options.body, headers, timeoutMs: options.timeoutMs });
      if (!answer.ok) {
        const kind = answer.error.kind;
        if (idempotent && networkFailures < NETWORK_RETRIES && (kind === 'network' || kind === 'timeout')) {
          networkFailures += 1;
          await sleep(1000 * networkFailures + random() * 500);
          continue;
        }
        return { ok: false, error: kind === 'timeout' ? clientErrors.timeout() : clientErrors.network(), status: 0 };
      }
      const { status, data } = answer.value;
      if (status >= 200 && status < 300) {
        if (!options.schema) return { ok: true, data: data as T };
        // A lazy contract loads with the first answer that needs it; one that cannot load (offline) is a network failure.
        const contract = typeof options.schema === 'function' ? await options.schema().catch(() => null) : options.schema;
        if (!contract) return { ok: false, error: clientErrors.network(), status: 0 };
        const parsed = contract.safeParse(status === 204 ? undefined : data);
        return parsed.success ? { ok: true, data: parsed.data as T } : { ok: false, error: clientErrors.unreadable(), status };
      }
      const error: ApiError = isApiErrorBody(data) ? data.error : clientErrors.unreadable();
      if (error.code === 'OVERLOADED') {
        limiter.noteOverload(overloads, error.retryAfter);
        if (overloads < OVERLOAD_MAX_ATTEMPTS) {
          overloads += 1;
          continue;
        }
      }
      if (error.code === 'UNAUTHENTICATED') deps.onUnauthenticated();
      return { ok: false, error, status };
    }
  }

  return { call };
}

export type ApiClient = ReturnType<typeof createApiClient>;
