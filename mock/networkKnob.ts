/**
 * QA knob (dev-host builds only): the simulated host's network timeout. It belongs to the phone, not
 * the server, so it lives in the page's storage and survives reloads until cleared: the QA panel's
 * 网络超时 field sets it, or localStorage.setItem('qa:network-timeout-ms', '2500') in the console.
 */
const KEY = 'qa:network-timeout-ms';

export function qaNetworkTimeoutMs(): number | undefined {
  try {
    const value = Number(window.localStorage.getItem(KEY));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Returns the timeout now in force (undefined: the app's own defaults). */
export function setQaNetworkTimeoutMs(timeoutMs: number | null): { timeoutMs: number | null } {
  if (typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs >= 100) window.localStorage.setItem(KEY, String(Math.round(timeoutMs)));
  else window.localStorage.removeItem(KEY);
  return { timeoutMs: qaNetworkTimeoutMs() ?? null };
}
