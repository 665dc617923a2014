/**
 * Browser persistence of the in-browser server (offline demo): the tables in localStorage (small
 * JSON), uploaded image bytes in IndexedDB (too large for localStorage). A reload keeps both.
 */
import { MEMORY_TABLES_VERSION, type MemoryPersistence, type MemoryTables } from '@server/adapters/memory/store';

const STATE_KEY = 'rxyjs-mock:tables';
const DB_NAME = 'rxyjs-mock';
const BLOBS = 'blobs';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(BLOBS);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function createBrowserPersistence(): MemoryPersistence & { loadTables(): MemoryTables | null } {
  const db = openDb();
  const tx = async <T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const store = (await db).transaction(BLOBS, mode).objectStore(BLOBS);
    return new Promise((resolve, reject) => {
      const request = run(store);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  };
  return {
    loadTables() {
      try {
        const raw = localStorage.getItem(STATE_KEY);
        const tables = raw ? (JSON.parse(raw) as MemoryTables) : null;
        return tables?.version === MEMORY_TABLES_VERSION ? tables : null;
      } catch {
        return null;
      }
    },
    saveTables(tables) {
      localStorage.setItem(STATE_KEY, JSON.stringify(tables));
    },
    async putBlob(id, bytes) {
      await tx('readwrite', (store) => store.put(bytes, id));
    },
    async getBlob(id) {
      const value = await tx<Uint8Array | undefined>('readonly', (store) => store.get(id) as IDBRequest<Uint8Array | undefined>);
      return value ?? null;
    },
  };
}
