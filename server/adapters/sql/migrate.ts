/**
 * Schema migrations: server/migrations/*.sql in name order, each applied once and recorded in
 * schema_migrations (with its checksum: an applied file that changed afterwards refuses the start).
 * All of it runs in one transaction under a transaction-scoped advisory lock, so two processes
 * starting together apply them once: the second waits, then finds nothing left to do.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SqlClient } from './client';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../migrations');
/** An arbitrary constant: the advisory lock key of "migrating the enrolment schema". */
const MIGRATION_LOCK = 724_2024_001;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Applies the pending migrations; returns the names applied now (empty when up to date). */
export async function migrate(client: SqlClient, migrations: Migration[] = readMigrations()): Promise<string[]> {
  return client.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK]);
    await tx.exec(`create table if not exists schema_migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    const { rows } = await tx.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations');
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    const done: string[] = [];
    for (const m of migrations) {
      const seen = applied.get(m.name);
      if (seen !== undefined) {
        if (seen !== m.checksum) throw new Error(`migration ${m.name} was changed after it was applied (checksum differs): add a new migration instead`);
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (name, checksum) values ($1, $2)', [m.name, m.checksum]);
      done.push(m.name);
    }
    return done;
  });
}
