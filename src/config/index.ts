/**
 * Runtime configuration of the module: what a host-platform team embedding it may change without
 * touching pages. Defaults are this deployment's (渝快办, Chongqing); `configure()` at launch (before
 * the first page renders) overrides any part.
 *
 *   configure({ hostName: '渝快办', routePrefix: '/rxyjs', storageNamespace: 'ruxue:' });
 */

import type { MessageKindName } from '@contract/enums';

/** The colours of src/app.css's custom properties a host may set (its brand colour, its status colours). */
export interface ThemeTokens {
  primary: string;
  primaryDark: string;
  error: string;
  ok: string;
  warn: string;
}

/** Each token's custom property in src/app.css: every page's frame sets the host's values on it. */
export const THEME_PROPERTIES: Readonly<Record<keyof ThemeTokens, string>> = {
  primary: '--c-primary',
  primaryDark: '--c-primary-dark',
  error: '--c-err',
  ok: '--c-ok',
  warn: '--c-warn',
};
export const THEME_TOKEN_NAMES = Object.keys(THEME_PROPERTIES) as (keyof ThemeTokens)[];

/** What the module tells a host's telemetry about an error: codes and routes only, never a message
 *  (messages may hold what a parent typed) nor an id. */
export interface TelemetryError {
  /** 'api': a call that did not succeed; 'render': a page that failed to draw; 'script': an uncaught error or rejection. */
  kind: 'api' | 'render' | 'script';
  /** The API error code ('NETWORK', 'TIMEOUT', 'WINDOW_CLOSED' …), or the script error's class ('TypeError'). */
  code: string;
  /** For 'api': the method and path with ids as ':id' ("GET /api/applications/:id"); for 'render': the page's
   *  title; for 'script': the page's name in the route table ('application'), or 'app'. */
  where: string;
  /** For 'api': the HTTP status, 0 when no answer came. */
  status?: number;
}

export interface TelemetryHooks {
  /** A page was shown (its title; never personal data). */
  pageView?: (pageTitle: string) => void;
  /** Something went wrong (see TelemetryError); a hook that throws is ignored. */
  error?: (event: TelemetryError) => void;
}

export interface RuntimeConfig {
  /** Origin of the enrolment API; '' means the page's own origin (H5) — the weapp bridge uses API_ORIGIN. */
  apiBaseUrl: string;
  /** Prepended to every page path, for a module mounted under a host's subpackage root. */
  routePrefix: string;
  /** Prepended to every key the module stores through the host bridge. */
  storageNamespace: string;
  /** The host app's name as parents know it, in every sentence that names it. */
  hostName: string;
  theme: ThemeTokens;
  telemetry: TelemetryHooks;
  /**
   * WeChat 订阅消息 template ids per message kind (types/enums/messages.ts MESSAGE_KINDS), from the host's
   * mini-program console; a kind without one is not offered for pushes. Empty: no pushes asked for.
   */
  subscribeTemplates: Partial<Record<MessageKindName, string>>;
}

declare const API_ORIGIN: string | undefined;
/** Set by the build: '/<root>' in the WeChat embed build (the host's subpackage root), else ''. */
declare const ROUTE_PREFIX: string | undefined;

const DEFAULTS: RuntimeConfig = {
  apiBaseUrl: typeof API_ORIGIN === 'string' ? API_ORIGIN : '',
  routePrefix: typeof ROUTE_PREFIX === 'string' ? ROUTE_PREFIX : '',
  storageNamespace: '',
  hostName: '渝快办',
  theme: { primary: '#1f6fd1', primaryDark: '#1557a8', error: '#c62828', ok: '#0e7a3a', warn: '#a35200' },
  telemetry: {},
  subscribeTemplates: {},
};

let current: RuntimeConfig = DEFAULTS;

/** The configuration in force. */
export function runtimeConfig(): RuntimeConfig {
  return current;
}

/** Overrides parts of the configuration (shallow per group); returns the result. */
export function configure(patch: Partial<Omit<RuntimeConfig, 'theme' | 'telemetry'>> & { theme?: Partial<ThemeTokens>; telemetry?: TelemetryHooks }): RuntimeConfig {
  current = { ...current, ...patch, theme: { ...current.theme, ...patch.theme }, telemetry: { ...current.telemetry, ...patch.telemetry } };
  return current;
}

/** Back to the defaults (tests). */
export function resetConfig(): void {
  current = DEFAULTS;
}

/** What user text calls the host when the host gives no name of its own ("请将本应用更新到最新版本"). */
export const UNNAMED_HOST = '本应用';

/** The custom properties of the host's colours that differ from the module's own, for a page's frame
 *  (undefined when the host keeps the module's colours, so a page renders no style at all). */
export function themeStyle(theme: ThemeTokens = current.theme): Record<string, string> | undefined {
  const changed = THEME_TOKEN_NAMES.filter((token) => theme[token] !== DEFAULTS.theme[token]);
  return changed.length ? Object.fromEntries(changed.map((token) => [THEME_PROPERTIES[token], theme[token]])) : undefined;
}

/** The host's name, for user text: `${hostName()}“我的不动产”`. */
export const hostName = () => current.hostName || UNNAMED_HOST;
