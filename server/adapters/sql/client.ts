/**
 * The little SQL client the store is written against, implemented by both engines (PGlite embedded,
 * a PostgreSQL server through the `postgres` driver): parameterised queries, multi-statement scripts
 * (migrations) and transactions. Values come back as each driver gives them (int8 as a string from
 * `postgres`, as a number from PGlite; bytea as Buffer or Uint8Array): the store normalises.
 */
export interface SqlResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted (or returned, for a SELECT). */
  rowCount: number;
}

export interface SqlQueryable {
  /** One statement with $1… placeholders; params are never spliced into the text. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
  /** A script of several statements without parameters (migrations only). */
  exec(script: string): Promise<void>;
}

export type SqlEngine = 'pglite' | 'postgres';

export interface SqlClient extends SqlQueryable {
  readonly engine: SqlEngine;
  /** BEGIN … COMMIT around fn (ROLLBACK when it rejects). Queries outside it see only committed data. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What both drivers tell of a failed statement. */
export interface SqlErrorInfo {
  /** SQLSTATE, e.g. 23505. */
  code: string | null;
  constraint: string | null;
  table: string | null;
}

export function sqlErrorInfo(error: unknown): SqlErrorInfo {
  const e = (error ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    code: str(e.code),
    // `postgres` names them constraint_name / table_name, PGlite constraint / table.
    constraint: str(e.constraint_name) ?? str(e.constraint),
    table: str(e.table_name) ?? str(e.table),
  };
}
