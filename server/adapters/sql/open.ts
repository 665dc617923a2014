/**
 * Opens the server's store: a PostgreSQL server when databaseUrl is set (postgres:// or
 * postgresql://), else the embedded PGlite in dataDir (created if missing). Migrations run on open.
 */
import fs from 'node:fs';
import type { Store } from '../../ports/store';
import type { SqlClient, SqlEngine } from './client';
import { migrate } from './migrate';
import { createSqlStore } from './store';

export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
  engine: SqlEngine;
}

export async function openStore(opts: { databaseUrl?: string; dataDir: string }): Promise<OpenedStore> {
  let client: SqlClient;
  if (opts.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(opts.databaseUrl)) throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
    const { openPostgres } = await import('./postgres');
    client = openPostgres(opts.databaseUrl);
  } else {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    const { openPglite } = await import('./pglite');
    client = await openPglite(opts.dataDir);
  }
  try {
    await migrate(client);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
  const store = createSqlStore(client);
  return { store, engine: client.engine, close: () => store.close() };
}
