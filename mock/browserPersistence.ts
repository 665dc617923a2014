/**
 * Browser persistence for the mock server: the state in localStorage (small JSON), uploaded
 * image bytes in IndexedDB (too large for localStorage). A reload keeps both.
 */
import type { Persistence } from './service/store';
import type { MockState } from './service/state';
import { SCHEMA_VERSION } from './service/state';

const STATE_KEY = 'rxyjs-mock:state';
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

export function createBrowserPersistence(): Persistence {
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
    async loadState() {
      const raw = localStorage.getItem(STATE_KEY);
      if (!raw) return null;
      try {
        const state = JSON.parse(raw) as MockState;
        return state.schemaVersion === SCHEMA_VERSION ? state : null;
      } catch {
        return null;
      }
    },
    async saveState(state) {
      localStorage.setItem(STATE_KEY, JSON.stringify(state));
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
