/**
 * What a host passes as its configuration — embed()'s `config` on H5, the `config` of its
 * registration on WeChat — checked (unknown keys and bad values refused, so a typo is never silently
 * ignored) and applied to the module's one runtime configuration (./index.ts). The storage namespace
 * is applied by the embedded bridge's storage (one prefix, never two).
 */
import { MESSAGE_KINDS, type MessageKindName } from '@contract/enums';
import { configure, type TelemetryHooks, type ThemeTokens, THEME_TOKEN_NAMES } from './index';

export interface HostConfig {
  /** Origin (and optional path) of the enrolment API, without a trailing slash; '' = same origin as the page. */
  apiBaseUrl: string;
  /** Prefix of every storage key the module writes ("<namespace>:key"), so a host's own keys never collide. */
  storageNamespace: string;
  /** The host's display name for user text ("请在{hostName}中刷脸"); '' when the host gives none. */
  hostName: string;
  /** The host's colours for the module's design tokens; tokens not given keep the module's own. */
  theme: Partial<ThemeTokens>;
  /** The host's telemetry: page views and errors, never personal data. */
  telemetry: TelemetryHooks;
  /** WeChat 订阅消息 template ids per message kind, for the consent the WeChat bridge asks. */
  subscribeTemplates: Partial<Record<MessageKindName, string>>;
}

const DEFAULTS: HostConfig = { apiBaseUrl: '', storageNamespace: 'rxyjs', hostName: '', theme: {}, telemetry: {}, subscribeTemplates: {} };

/** The keys a host may set per platform: on WeChat the API origin is the build's request domain and
 *  storage is namespaced by the WeChat bridge. */
const H5_KEYS: (keyof HostConfig)[] = ['apiBaseUrl', 'storageNamespace', 'hostName', 'theme', 'telemetry'];
export const WEAPP_KEYS: (keyof HostConfig)[] = ['hostName', 'theme', 'telemetry', 'subscribeTemplates'];
const TELEMETRY_HOOKS: (keyof TelemetryHooks)[] = ['pageView', 'error'];

let current: HostConfig = { ...DEFAULTS };

export class RuntimeConfigError extends Error {}

const NAMESPACE = /^[A-Za-z0-9_-]{1,40}$/;
/** Colours as hex (#rgb, #rrggbb): what every host's design system can give, and safe inside a style. */
const COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

const fail = (message: string): never => {
  throw new RuntimeConfigError(`入学一件事: ${message}`);
};

function unknownKeys(input: object, known: readonly string[], what: string) {
  const unknown = Object.keys(input).filter((key) => !known.includes(key));
  if (unknown.length) fail(`unknown ${what} key(s) ${unknown.join(', ')}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks and completes a host's configuration; `keys` are the ones this platform lets a host set
 *  (the others are absent from the result). */
export function normaliseRuntimeConfig(input: Partial<HostConfig>, keys: readonly (keyof HostConfig)[] = H5_KEYS): HostConfig {
  if (!isPlainObject(input)) fail('the configuration must be an object');
  unknownKeys(input, keys, 'configuration');
  const next: HostConfig = { ...DEFAULTS, ...input };
  if (typeof next.apiBaseUrl !== 'string' || (next.apiBaseUrl !== '' && !/^https?:\/\/[^\s]+$/.test(next.apiBaseUrl))) {
    fail('apiBaseUrl must be "" (same origin) or an http(s) URL');
  }
  next.apiBaseUrl = next.apiBaseUrl.replace(/\/+$/, '');
  if (typeof next.storageNamespace !== 'string' || !NAMESPACE.test(next.storageNamespace)) {
    fail('storageNamespace must be 1–40 letters, digits, "-" or "_"');
  }
  if (typeof next.hostName !== 'string' || next.hostName.length > 40) fail('hostName must be a string of at most 40 characters');
  if (!isPlainObject(next.theme)) fail(`theme must be an object of colours (${THEME_TOKEN_NAMES.join(', ')})`);
  unknownKeys(next.theme, THEME_TOKEN_NAMES, 'theme');
  for (const [token, colour] of Object.entries(next.theme)) {
    if (typeof colour !== 'string' || !COLOUR.test(colour)) fail(`theme.${token} must be a hex colour such as "#1f6fd1"`);
  }
  if (!isPlainObject(next.telemetry)) fail(`telemetry must be an object of functions (${TELEMETRY_HOOKS.join(', ')})`);
  unknownKeys(next.telemetry, TELEMETRY_HOOKS, 'telemetry');
  for (const [hook, fn] of Object.entries(next.telemetry)) {
    if (fn !== undefined && typeof fn !== 'function') fail(`telemetry.${hook} must be a function`);
  }
  if (!isPlainObject(next.subscribeTemplates)) fail('subscribeTemplates must be an object of template ids by message kind');
  unknownKeys(next.subscribeTemplates, MESSAGE_KINDS, 'subscribeTemplates');
  for (const [kind, id] of Object.entries(next.subscribeTemplates)) {
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) fail(`subscribeTemplates.${kind} must be a WeChat template id`);
  }
  const out: HostConfig = { ...next, theme: { ...next.theme }, telemetry: { ...next.telemetry }, subscribeTemplates: { ...next.subscribeTemplates } };
  // Only what this platform takes: the result is checked again where it is applied (embed() hands
  // it to the app, which checks it with the same keys).
  for (const key of Object.keys(DEFAULTS) as (keyof HostConfig)[]) if (!keys.includes(key)) delete out[key];
  return out;
}

/** Checks the host's configuration and puts it in force. */
export function setRuntimeConfig(input: Partial<HostConfig>, keys: readonly (keyof HostConfig)[] = H5_KEYS): HostConfig {
  current = normaliseRuntimeConfig(input, keys);
  // The result holds only this platform's keys, so it applies as it is. User text names an embedding
  // host only as the host names itself ('' when it gives no name: 本应用). The storage namespace is
  // not applied here: the embedded bridge's storage prefixes every key with it (one prefix, never two).
  const { storageNamespace: _appliedByTheBridge, ...applied } = current;
  configure(applied);
  return current;
}

export function getRuntimeConfig(): Readonly<HostConfig> {
  return current;
}
