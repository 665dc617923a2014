/**
 * Reads and writes JSON values through the host bridge's storage (drafts, session, settings).
 *
 * Drafts (keys starting with DRAFT_KEY_PREFIX) hold a child's personal data, so logout must remove
 * every one of them. The bridge's storage cannot list its keys, so saveJson keeps an index of the
 * draft keys it wrote under DRAFT_INDEX_KEY, and clearDrafts removes everything the index names.
 *
 * Drafts belong to the identity that wrote them: while a session's draftScope is set (setDraftScope,
 * driven by the session store) a draft key is stored as "<scope>/<key>", so a second parent on the
 * same phone reads and writes their own drafts, never the first one's, and the first parent finds
 * theirs again at the next login. Settings and the session itself are the device's (unscoped). The
 * namespace stays the outermost prefix of every key.
 */
import { getBridge } from '@/bridge';
import { runtimeConfig } from '@/config';

/** The bridge's storage with every key under the configured namespace (RuntimeConfig.storageNamespace). */
function storageOf() {
  const storage = getBridge().storage;
  const ns = runtimeConfig().storageNamespace;
  return {
    get: (key: string) => storage.get(ns + key),
    set: (key: string, value: string) => storage.set(ns + key, value),
    remove: (key: string) => storage.remove(ns + key),
  };
}

export const DRAFT_KEY_PREFIX = 'draft:';
/** Not itself a draft key, so it never lists itself. */
export const DRAFT_INDEX_KEY = 'draft-index';

export const isDraftKey = (key: string) => key.startsWith(DRAFT_KEY_PREFIX);

let scope: string | null = null;
const scopeListeners = new Set<() => void>();

/** The identity whose drafts are read and written (a session's draftScope), or null before any login. */
export function draftScope(): string | null {
  return scope;
}

/**
 * Switches whose drafts are read and written. When one identity's scope is left (another parent
 * logged in, or logout), the listeners drop what the stores hold in memory for it.
 */
export function setDraftScope(next: string | null): void {
  if (next === scope) return;
  const left = scope;
  scope = next;
  if (left !== null) for (const forget of [...scopeListeners]) forget();
}

/** Registers a store's "forget the previous identity's state in memory"; returns the unregister. */
export function onDraftScopeLeft(forget: () => void): () => void {
  scopeListeners.add(forget);
  return () => void scopeListeners.delete(forget);
}

let scopeKnown: (() => Promise<unknown>) | null = null;

/**
 * How to learn whose drafts these are (the session store's restore). After a reload a page may ask
 * for its draft before the saved session has been read: without waiting it would read the unscoped
 * key and find nothing, and the parent's draft would look lost.
 */
export function setDraftScopeSource(restore: () => Promise<unknown>): void {
  scopeKnown = restore;
}

const scopeSettled = async (key: string) => {
  if (isDraftKey(key) && scopeKnown) await scopeKnown();
};

// encodeURIComponent leaves no "/" in the scope, so "<scope>/<key>" parses back unambiguously.
const scopedName = (key: string, within: string | null = scope) => (within !== null && isDraftKey(key) ? `${encodeURIComponent(within)}/${key}` : key);

/** A name in the draft index: an unscoped draft key, or a draft key under some identity's scope. */
function isStoredDraftName(name: string): boolean {
  if (isDraftKey(name)) return true;
  const slash = name.indexOf('/');
  return slash > 0 && isDraftKey(name.slice(slash + 1));
}

// Index updates are read-modify-write: run them one after another so two drafts saved at the
// same moment (e.g. upkeep and materials) never drop each other's entry.
let indexQueue: Promise<unknown> = Promise.resolve();
function updateIndex(change: (keys: string[]) => string[] | null | Promise<string[] | null>): Promise<void> {
  const run = indexQueue.then(async () => {
    const storage = storageOf();
    const current = await readIndex();
    const next = await change(current);
    if (next === null) return;
    if (next.length === 0) await storage.remove(DRAFT_INDEX_KEY);
    else await storage.set(DRAFT_INDEX_KEY, JSON.stringify(next));
  });
  indexQueue = run.catch(() => undefined);
  return run;
}

async function readIndex(): Promise<string[]> {
  const raw = await storageOf().get(DRAFT_INDEX_KEY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string' && isStoredDraftName(k)) : [];
  } catch {
    return [];
  }
}

export async function loadJson<T>(key: string): Promise<T | null> {
  await scopeSettled(key);
  const raw = await storageOf().get(scopedName(key));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export async function saveJson(key: string, value: unknown): Promise<void> {
  const storage = storageOf();
  const text = JSON.stringify(value);
  if (!isDraftKey(key)) return storage.set(key, text);
  await scopeSettled(key);
  const name = scopedName(key);
  // Written inside the queued step, so a logout running at the same moment cannot miss it.
  await updateIndex(async (keys) => {
    await storage.set(name, text);
    return keys.includes(name) ? null : [...keys, name];
  });
}

export async function removeKey(key: string): Promise<void> {
  const storage = storageOf();
  if (!isDraftKey(key)) return storage.remove(key);
  await scopeSettled(key);
  const name = scopedName(key);
  await updateIndex(async (keys) => {
    await storage.remove(name);
    return keys.includes(name) ? keys.filter((k) => k !== name) : null;
  });
}

/** The drafts saved on this device and not yet removed, of every identity ("<scope>/<key>" when scoped). */
export function draftKeys(): Promise<string[]> {
  return indexQueue.then(readIndex);
}

/**
 * Removes every draft saved through saveJson, of every identity (logout: a shared phone must not
 * keep them). extraKeys name drafts saved before the index existed (unscoped, or in this scope).
 */
export async function clearDrafts(extraKeys: readonly string[] = []): Promise<void> {
  const storage = storageOf();
  const extra = extraKeys.flatMap((k) => [k, scopedName(k)]);
  // One queued step: a draft saved meanwhile is either removed here or indexed afterwards.
  await updateIndex(async (keys) => {
    await Promise.all([...new Set([...keys, ...extra])].map((k) => storage.remove(k)));
    return [];
  });
}
