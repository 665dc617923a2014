/** Reads and writes JSON values through the host bridge's storage (drafts, session, settings). */
import { getBridge } from '@/bridge';

export async function loadJson<T>(key: string): Promise<T | null> {
  const raw = await getBridge().storage.get(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export async function saveJson(key: string, value: unknown): Promise<void> {
  await getBridge().storage.set(key, JSON.stringify(value));
}

export async function removeKey(key: string): Promise<void> {
  await getBridge().storage.remove(key);
}
