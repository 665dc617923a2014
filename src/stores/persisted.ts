/**
 * Reads and writes JSON values through the host bridge's storage (drafts, session, settings).
 *
 * Drafts (keys starting with DRAFT_KEY_PREFIX) hold a child's personal data, so logout must remove
 * every one of them. The bridge's storage cannot list its keys, so saveJson keeps an index of the
 * draft keys it wrote under DRAFT_INDEX_KEY, and clearDrafts removes everything the index names.
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
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string' && isDraftKey(k)) : [];
  } catch {
    return [];
  }
}

export async function loadJson<T>(key: string): Promise<T | null> {
  const raw = await storageOf().get(key);
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
  // Written inside the queued step, so a logout running at the same moment cannot miss it.
  await updateIndex(async (keys) => {
    await storage.set(key, text);
    return keys.includes(key) ? null : [...keys, key];
  });
}

export async function removeKey(key: string): Promise<void> {
  const storage = storageOf();
  if (!isDraftKey(key)) return storage.remove(key);
  await updateIndex(async (keys) => {
    await storage.remove(key);
    return keys.includes(key) ? keys.filter((k) => k !== key) : null;
  });
}

/** The draft keys saved on this device and not yet removed. */
export function draftKeys(): Promise<string[]> {
  return indexQueue.then(readIndex);
}

/** Removes every draft saved through saveJson (logout: a shared phone must not keep them). */
export async function clearDrafts(extraKeys: readonly string[] = []): Promise<void> {
  const storage = storageOf();
  // One queued step: a draft saved meanwhile is either removed here or indexed afterwards.
  await updateIndex(async (keys) => {
    await Promise.all([...new Set([...keys, ...extraKeys])].map((k) => storage.remove(k)));
    return [];
  });
}
