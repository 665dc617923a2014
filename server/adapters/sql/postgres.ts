/**
 * A PostgreSQL server through the `postgres` driver (DATABASE_URL): a small pool, every transaction
 * on a connection of its own (reserved, BEGIN … COMMIT/ROLLBACK); queries outside a transaction run
 * on any pooled connection (autocommit).
 */
import postgres from 'postgres';
import type { SqlClient, SqlQueryable } from './client';

type Sql = postgres.Sql | postgres.TransactionSql;

function queryable(sql: Sql): SqlQueryable {
  return {
    async query<R>(text: string, params: readonly unknown[] = []) {
      // Prepared: the store's statements are fixed texts (parameters are never spliced in), so each
      // connection parses and describes one once instead of on every call.
      const result = await sql.unsafe(text, params.map((p) => (p === undefined ? null : p)) as postgres.ParameterOrJSON<never>[], { prepare: true });
      return { rows: result as unknown as R[], rowCount: result.count ?? result.length };
    },
    async exec(script: string) {
      // Without parameters `unsafe` uses the simple protocol: several statements in one go.
      await sql.unsafe(script);
    },
  };
}

export function openPostgres(url: string, options: { max?: number } = {}): SqlClient {
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => undefined, connection: { application_name: 'ruxue-enrolment' } });
  const outer = queryable(sql);
  return {
    engine: 'postgres',
    query: outer.query,
    exec: outer.exec,
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      // A connection of its own; BEGIN is not awaited, so it goes out in one write with the
      // transaction's first statement instead of costing a round trip of its own.
      const tx = await sql.reserve();
      try {
        const begun = tx.unsafe('begin');
        begun.catch(() => undefined);
        let result: T;
        try {
          result = await fn(queryable(tx));
          await begun;
        } catch (error) {
          await tx.unsafe('rollback').catch(() => undefined);
          throw error;
        }
        await tx.unsafe('commit');
        return result;
      } finally {
        tx.release();
      }
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
