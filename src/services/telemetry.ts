/**
 * What the module tells the host's telemetry hooks (runtime config `telemetry`): page views and
 * errors, as codes and routes only. Nothing a parent typed or any id leaves through here.
 */
import { runtimeConfig, type TelemetryError } from '@/config';

/** Calls a host hook; a failing hook is the host's to see in its own logs and never breaks the module. */
function callHook<T>(hook: ((value: T) => void) | undefined, value: T): void {
  try {
    hook?.(value);
  } catch {
    // Ignored on purpose (see above).
  }
}

/** Tells the host's telemetry about an error. */
export const reportError = (event: TelemetryError): void => callHook(runtimeConfig().telemetry.error, event);

/** Tells the host's telemetry a page was shown (its title). */
export const reportPageView = (pageTitle: string): void => callHook(runtimeConfig().telemetry.pageView, pageTitle);

/** The class of a thrown value ('TypeError'): what went wrong, without what it held. */
export function errorClass(error: unknown): string {
  if (error instanceof Error) return /^[A-Za-z]\w{0,39}$/.test(error.name) ? error.name : 'Error';
  // Taro hands uncaught errors over as their message ("TypeError: …"): keep the class only.
  const text = typeof error === 'string' ? error : error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string' ? (error as { message: string }).message : '';
  const named = /^([A-Z][A-Za-z]{0,39}Error)\b/.exec(text);
  return named ? named[1] : 'Error';
}

/** A segment that names a route, not a case: a plain lower-case word, or an API version ("v1"). */
const ROUTE_WORD = /^(?:[a-z][a-z-]{0,23}|v\d{1,2})$/;

/** "GET /api/applications/:id/history" for "GET /api/applications/A2024…/history?x=1": the route, not the case. */
export function apiRoute(method: string, url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0];
  const route = path
    .split('/')
    .map((segment) => (segment && !ROUTE_WORD.test(segment) ? ':id' : segment))
    .join('/');
  return `${method} ${route}`;
}
