/**
 * The enrolment API client: one place for auth, timeouts, typed errors and polite retries.
 * Pages and stores call the typed functions in api.ts, never this directly.
 */
import type { HostBridge, HttpRequest } from '@contract/bridge';
import type { ApiError, ApiErrorBody } from '@contract/errors';
import { clientErrors } from './messages';

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
}

export interface CallOptions {
  method?: HttpRequest['method'];
  body?: unknown;
  headers?: Record<string, string>;
  /** Safe to repeat after a network failure (GETs, and writes that carry an idempotency key). */
  idempotent?: boolean;
  timeoutMs?: number;
}

/** Under sustained overload at most 8 requests a minute: waits never shorter than 7.5 s. */
export const OVERLOAD_MIN_WAIT_MS = 7500;
export const OVERLOAD_MAX_ATTEMPTS = 6;
export const OVERLOAD_MAX_PER_MINUTE = 8;
/** How long after the last "overloaded" answer every request still keeps the spacing. */
export const OVERLOAD_MODE_MS = 60000;
const NETWORK_RETRIES = 2;

function isApiErrorBody(data: unknown): data is ApiErrorBody {
  return typeof data === 'object' && data !== null && typeof (data as ApiErrorBody).error?.code === 'string';
}

export function createApiClient(deps: ApiClientDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;

  /*
   * One limiter shared by every call of this client: several stores loading at once must not
   * multiply the rate an overloaded server sees. After a 429 no request leaves before the
   * backoff ends, and for a minute after it sends are spaced by at least OVERLOAD_MIN_WAIT_MS,
   * so the whole app stays within 8 requests a minute.
   */
  let notBefore = 0;
  let lastOverloadAt = -Infinity;
  let lastSlot = -Infinity;
  /** Send times of the last OVERLOAD_MAX_PER_MINUTE requests (a burst sent before the first 429 counts too). */
  const recent: number[] = [];
  let queued = 0;

  /** Reserves the next send time synchronously (so concurrent calls cannot take the same slot). */
  function reserveSlot(): number {
    const t = now();
    let slot = t;
    if (t - lastOverloadAt < OVERLOAD_MODE_MS || t < notBefore) {
      slot = Math.max(t, notBefore, lastSlot + OVERLOAD_MIN_WAIT_MS);
      if (recent.length >= OVERLOAD_MAX_PER_MINUTE) slot = Math.max(slot, recent[0] + 60000);
    }
    lastSlot = Math.max(lastSlot, slot);
    recent.push(slot);
    if (recent.length > OVERLOAD_MAX_PER_MINUTE) recent.shift();
    return slot;
  }

  async function waitForSlot(): Promise<void> {
    const wait = reserveSlot() - now();
    if (wait <= 0) return;
    queued += 1;
    deps.onQueue(true);
    try {
      await sleep(wait);
    } finally {
      queued -= 1;
      // Only the last waiting call takes the notice down, so it does not flicker.
      if (queued === 0) deps.onQueue(false);
    }
  }

  /** Backoff with full jitter on top of the server's Retry-After, never faster than the floor. */
  function overloadWait(attempt: number, retryAfterSeconds: number | undefined): number {
    const base = Math.max(OVERLOAD_MIN_WAIT_MS, (retryAfterSeconds ?? 0) * 1000) * Math.pow(1.5, attempt);
    return Math.round(base + random() * base * 0.5);
  }

  async function call<T>(url: string, options: CallOptions = {}): Promise<ApiResult<T>> {
    const method = options.method ?? 'GET';
    const idempotent = options.idempotent ?? method === 'GET';
    let networkFailures = 0;
    let overloads = 0;
    for (;;) {
      await waitForSlot();
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
        return { ok: false, error: kind === 'timeout' ? clientErrors.timeout() : clientErrors.network() };
      }
      const { status, data } = answer.value;
      if (status >= 200 && status < 300) return { ok: true, data: data as T };
      const error: ApiError = isApiErrorBody(data) ? data.error : clientErrors.unreadable();
      if (error.code === 'OVERLOADED') {
        lastOverloadAt = now();
        notBefore = Math.max(notBefore, lastOverloadAt + overloadWait(overloads, error.retryAfter));
        if (overloads < OVERLOAD_MAX_ATTEMPTS) {
          overloads += 1;
          continue;
        }
      }
      if (error.code === 'UNAUTHENTICATED') deps.onUnauthenticated();
      return { ok: false, error };
    }
  }

  return { call };
}

export type ApiClient = ReturnType<typeof createApiClient>;
