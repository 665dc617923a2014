/**
 * @jest-environment node
 */
/**
 * The Store contract over a PostgreSQL server: PG_TEST_URL when set, else a throwaway cluster of
 * its own (scripts/pg-test-cluster.mjs). Never skipped: without PostgreSQL binaries (and no
 * PG_TEST_URL) it fails and says so. Each run works in databases of its own (random names), dropped
 * at the end, so runs in parallel do not collide.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { startCluster, stopCluster } from '../../../scripts/pg-test-cluster.mjs';
import { openStore, type OpenedStore } from '../sql/open';
import { openPostgres } from '../sql/postgres';
import type { SqlClient } from '../sql/client';
import { readMigrations } from '../sql/migrate';
import { storeContract } from './storeContract';
import { sqlSchemaContract } from './sqlSchemaContract';

jest.setTimeout(60_000);

let serverUrl = '';
let clusterDir: string | null = null;
const databases: string[] = [];

/** A fresh database on the test server; its URL. */
async function freshDatabase(label: string): Promise<string> {
  const name = `store_${label}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    // An identifier cannot be a parameter: the name is ours (hex), quoted as an identifier.
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  databases.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

beforeAll(async () => {
  if (process.env.PG_TEST_URL) serverUrl = process.env.PG_TEST_URL;
  else {
    // Throws "PostgreSQL binaries (initdb, pg_ctl) not found…" where PostgreSQL is not installed.
    const cluster = await startCluster();
    clusterDir = cluster.dir;
    serverUrl = cluster.url;
  }
});

afterAll(async () => {
  if (clusterDir) {
    stopCluster(clusterDir);
    return;
  }
  if (!serverUrl) return;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    for (const name of databases) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
});

storeContract('postgres', async () => {
  const opened = await openStore({ databaseUrl: await freshDatabase('contract'), dataDir: '/nonexistent' });
  expect(opened.engine).toBe('postgres');
  return opened;
});

describe('PostgreSQL server', () => {
  let url: string;
  let first: OpenedStore;
  let second: OpenedStore;
  let client: SqlClient;
  beforeAll(async () => {
    url = await freshDatabase('schema');
    // Two processes starting together: the advisory lock lets one migrate, the other finds it done.
    [first, second] = await Promise.all([openStore({ databaseUrl: url, dataDir: '/nonexistent' }), openStore({ databaseUrl: url, dataDir: '/nonexistent' })]);
    client = openPostgres(url, { max: 2 });
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close(), client?.close()]);
  });

  test('two stores opened together on one database migrate it once', async () => {
    const { rows } = await client.query<{ name: string }>('select name from schema_migrations');
    expect(rows.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
    // Both see each other's writes.
    await first.store.transaction((r) => r.settings.put('from-first', 1));
    expect(await second.store.read((r) => r.settings.get('from-first'))).toBe(1);
  });

  test('a due job claimed by one transaction is skipped by another (FOR UPDATE SKIP LOCKED)', async () => {
    await first.store.reset();
    await first.store.transaction(async (r) => {
      await r.jobs.schedule({ id: 'J1', kind: 'k', key: '1', runAt: '2024-06-10T10:00:00+08:00', payload: {} });
      await r.jobs.schedule({ id: 'J2', kind: 'k', key: '2', runAt: '2024-06-10T11:00:00+08:00', payload: {} });
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let claimedFirst: string | undefined;
    const holding = first.store.transaction(async (r) => {
      claimedFirst = (await r.jobs.claimDue('2024-06-11T00:00:00+08:00'))?.id;
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const other = await second.store.transaction((r) => r.jobs.claimDue('2024-06-11T00:00:00+08:00'));
    release();
    await holding;
    expect(claimedFirst).toBe('J1');
    expect(other?.id).toBe('J2');
  });

  sqlSchemaContract('postgres', () => ({ store: first.store, sql: client }));
});
