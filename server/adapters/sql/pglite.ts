/**
 * The embedded engine: PostgreSQL in WASM (PGlite), its data directory on disk (or in memory when
 * dataDir is omitted). PGlite has one connection, so every statement outside a transaction and every
 * transaction as a whole run one at a time through a queue: a read never sees another transaction's
 * uncommitted writes, and two transactions never interleave on the one connection.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlQueryable } from './client';

export async function openPglite(dataDir?: string): Promise<SqlClient> {
  const db = await PGlite.create(dataDir ? { dataDir } : {});
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
      await db.close();
    },
  };
}
