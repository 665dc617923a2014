/**
 * What a host page passes to embed() as `config`, checked (unknown keys and bad values refused) and
 * applied to the module's one runtime configuration (./index.ts). The storage namespace is applied
 * by the embedded bridge's storage (one prefix, never two).
 */
import { configure } from './index';

export interface RuntimeConfig {
  /** Origin (and optional path) of the enrolment API, without a trailing slash; '' = same origin as the page. */
  apiBaseUrl: string;
  /** Prefix of every storage key the module writes ("<namespace>:key"), so a host's own keys never collide. */
  storageNamespace: string;
  /** The host's display name for user text ("请在{hostName}中刷脸"); '' when the host gives none. */
  hostName: string;
}

const DEFAULTS: RuntimeConfig = { apiBaseUrl: '', storageNamespace: 'rxyjs', hostName: '' };

let current: RuntimeConfig = { ...DEFAULTS };

export class RuntimeConfigError extends Error {}

const NAMESPACE = /^[A-Za-z0-9_-]{1,40}$/;

/** Checks and completes a host's configuration (unknown keys are refused, so a typo is not silently ignored). */
export function normaliseRuntimeConfig(input: Partial<RuntimeConfig>): RuntimeConfig {
  const known = new Set(Object.keys(DEFAULTS));
  const unknown = Object.keys(input).filter((key) => !known.has(key));
  if (unknown.length) throw new RuntimeConfigError(`入学一件事: unknown configuration key(s) ${unknown.join(', ')}`);
  const next: RuntimeConfig = { ...DEFAULTS, ...input };
  if (typeof next.apiBaseUrl !== 'string' || (next.apiBaseUrl !== '' && !/^https?:\/\/[^\s]+$/.test(next.apiBaseUrl))) {
    throw new RuntimeConfigError('入学一件事: apiBaseUrl must be "" (same origin) or an http(s) URL');
  }
  next.apiBaseUrl = next.apiBaseUrl.replace(/\/+$/, '');
  if (typeof next.storageNamespace !== 'string' || !NAMESPACE.test(next.storageNamespace)) {
    throw new RuntimeConfigError('入学一件事: storageNamespace must be 1–40 letters, digits, "-" or "_"');
  }
  if (typeof next.hostName !== 'string' || next.hostName.length > 40) throw new RuntimeConfigError('入学一件事: hostName must be a string of at most 40 characters');
  return next;
}

export function setRuntimeConfig(input: Partial<RuntimeConfig>): RuntimeConfig {
  current = normaliseRuntimeConfig(input);
  // User text names the host only as the host names itself ('' when it gives no name).
  configure({ apiBaseUrl: current.apiBaseUrl, hostName: current.hostName });
  return current;
}

export function getRuntimeConfig(): Readonly<RuntimeConfig> {
  return current;
}
