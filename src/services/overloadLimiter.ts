/**
 * The client's manners towards an overloaded server (429 + Retry-After), shared by every API call
 * and every upload of the module: several stores and uploads running at once must not multiply
 * the rate the server sees. After a 429 nothing leaves before the backoff ends, and for a minute
 * after it requests are spaced by at least OVERLOAD_MIN_WAIT_MS, so the whole app stays within
 * 8 requests a minute.
 */

/** Under sustained overload at most 8 requests a minute: waits never shorter than 7.5 s. */
export const OVERLOAD_MIN_WAIT_MS = 7500;
export const OVERLOAD_MAX_ATTEMPTS = 6;
export const OVERLOAD_MAX_PER_MINUTE = 8;
/** How long after the last "overloaded" answer every request still keeps the spacing. */
export const OVERLOAD_MODE_MS = 60000;

export interface OverloadLimiterDeps {
  /** Told while a request waits politely in the queue (the notice banner listens). */
  onQueue: (waiting: boolean) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Injected in tests; defaults to Date.now. */
  now?: () => number;
}

export interface OverloadLimiter {
  /** Resolves when this request may leave. */
  waitForSlot(): Promise<void>;
  /** The server answered "overloaded" to the `attempt`-th try (0-based): back off before the next. */
  noteOverload(attempt: number, retryAfterSeconds: number | undefined): void;
}

export function createOverloadLimiter(deps: OverloadLimiterDeps): OverloadLimiter {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
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

  /** Backoff with full jitter on top of the server's Retry-After, never faster than the floor. */
  function overloadWait(attempt: number, retryAfterSeconds: number | undefined): number {
    const base = Math.max(OVERLOAD_MIN_WAIT_MS, (retryAfterSeconds ?? 0) * 1000) * Math.pow(1.5, attempt);
    return Math.round(base + random() * base * 0.5);
  }

  return {
    async waitForSlot() {
      const wait = reserveSlot() - now();
      if (wait <= 0) return;
      queued += 1;
      deps.onQueue(true);
      try {
        await sleep(wait);
      } finally {
        queued -= 1;
        // Only the last waiting request takes the notice down, so it does not flicker.
        if (queued === 0) deps.onQueue(false);
      }
    },
    noteOverload(attempt, retryAfterSeconds) {
      lastOverloadAt = now();
      notBefore = Math.max(notBefore, lastOverloadAt + overloadWait(attempt, retryAfterSeconds));
    },
  };
}
