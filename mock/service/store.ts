/**
 * Storage behind the mock service. The service only sees this interface: in node it is memory
 * (fresh per test), in the browser it persists across reloads, and a real server would put a
 * database here (read/write map to a read and a transaction).
 */
import type { MockState } from './state';

export interface MockStore {
  read<T>(fn: (state: MockState) => T): Promise<T>;
  /** Runs fn on the state; the change is kept only when fn does not throw. */
  write<T>(fn: (state: MockState) => T): Promise<T>;
  replace(state: MockState): Promise<void>;
  putBlob(id: string, bytes: Uint8Array): Promise<void>;
  getBlob(id: string): Promise<Uint8Array | null>;
}

export interface Persistence {
  loadState(): Promise<MockState | null>;
  saveState(state: MockState): Promise<void>;
  putBlob(id: string, bytes: Uint8Array): Promise<void>;
  getBlob(id: string): Promise<Uint8Array | null>;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Keeps the state in memory, writing through to an optional persistence after every change. */
export function createStore(initial: MockState, persistence?: Persistence): MockStore {
  let state = clone(initial);
  const blobs = new Map<string, Uint8Array>();
  let queue: Promise<unknown> = Promise.resolve();
  // Serialise writes: two requests in flight must not interleave inside one change.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    async read(fn) {
      return fn(state);
    },
    write(fn) {
      return serial(async () => {
        const draft = clone(state);
        const result = fn(draft);
        state = draft;
        if (persistence) await persistence.saveState(state);
        return result;
      });
    },
    replace(next) {
      return serial(async () => {
        state = clone(next);
        blobs.clear();
        if (persistence) await persistence.saveState(state);
      });
    },
    async putBlob(id, bytes) {
      blobs.set(id, bytes);
      if (persistence) await persistence.putBlob(id, bytes);
    },
    async getBlob(id) {
      return blobs.get(id) ?? (persistence ? persistence.getBlob(id) : null);
    },
  };
}
