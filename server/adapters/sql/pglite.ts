/**
 * The embedded engine: PostgreSQL in WASM (PGlite), its data directory on disk (or in memory when
 * dataDir is omitted). PGlite has one connection, so every statement outside a transaction and every
 * transaction as a whole run one at a time through a queue: a read never sees another transaction's
 * uncommitted writes, and two transactions never interleave on the one connection.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlQueryable } from './client';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One process at a time on a data directory: two PGlite instances on one directory would corrupt it
 * (e.g. `npm run staff` while the server runs on PGlite). The lock is a file beside the directory
 * holding the owner's pid; a lock whose process is gone is taken over. Returns its release.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = `${path.resolve(dataDir)}.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new Error(`the PGlite data directory ${dataDir} is in use by process ${owner}${owner === process.pid ? ' (this one)' : ''}: one process per directory (several processes need a PostgreSQL server, DATABASE_URL)`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}

export async function openPglite(dataDir?: string): Promise<SqlClient> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (error) {
    unlock();
    throw error;
  }
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  // Which client's transaction the current async context runs in: a statement on the outer client
  // from inside it would wait for the transaction it is part of, for ever.
  const inTransaction = new AsyncLocalStorage<true>();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error('the PGlite store is closed'));
    if (inTransaction.getStore()) return Promise.reject(new Error('nested use of the store inside a transaction (use the transaction\'s repositories)'));
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const direct: SqlQueryable = {
    async query<R>(text: string, params: readonly unknown[] = []) {
      const r = await db.query<R>(text, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(script: string) {
      await db.exec(script);
    },
  };
  return {
    engine: 'pglite',
    query: (text, params) => serial(() => direct.query(text, params)),
    exec: (script) => serial(() => direct.exec(script)),
    transaction: <T>(fn: (tx: SqlQueryable) => Promise<T>) =>
      serial(async () => {
        await db.query('begin');
        try {
          const result = await inTransaction.run(true, () => fn(direct));
          await db.query('commit');
          return result;
        } catch (error) {
          await db.query('rollback');
          throw error;
        }
      }),
    async close() {
      if (closed) return;
      const drained = queue;
      closed = true;
      await drained;
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
}
