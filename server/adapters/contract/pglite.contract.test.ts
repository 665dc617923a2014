/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/** The Store contract over PGlite (the embedded engine) in a temp directory, and what its files keep. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../sql/open';
import { lockDataDir, openPglite } from '../sql/pglite';
import { migrate, readMigrations } from '../sql/migrate';
import { createSqlStore } from '../sql/store';
import type { SqlClient } from '../sql/client';
import type { Store } from '../../ports/store';
import { fixtures as f, storeContract } from './storeContract';
import { sqlSchemaContract } from './sqlSchemaContract';

// PGlite loaded outside jest's sandbox (see pgliteTestEnvironment.js).
jest.mock('@electric-sql/pglite', () => (globalThis as unknown as { __nativePglite: unknown }).__nativePglite);
jest.setTimeout(60_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-contract-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

storeContract('pglite', async () => {
  const opened = await openStore({ dataDir: path.join(tmp, 'contract') });
  expect(opened.engine).toBe('pglite');
  return opened;
});

describe('PGlite on disk', () => {
  // The contract's directory, closed by now (a new one costs an initdb: seconds on a busy machine).
  const dir = path.join(tmp, 'contract');
  let client: SqlClient;
  let store: Store;
  beforeAll(async () => {
    client = await openPglite(dir);
    // openStore migrated it already.
    expect(await migrate(client)).toEqual([]);
    store = createSqlStore(client);
    await store.reset();
    await store.transaction(async (r) => {
      await r.accounts.insert(f.account(1));
      await r.children.insert(f.child(1));
      await r.applications.insert(f.application('A1', 'CH1', 'AC1'), [f.history('submitted')]);
      await r.blobs.put('b'.repeat(64), Uint8Array.from([9, 8, 7]));
      await r.settings.next('seq:A');
    });
    await store.close();
    // Reopened on the same directory: the data is there, and the migrations have nothing left to do.
    client = await openPglite(dir);
    store = createSqlStore(client);
  });
  afterAll(() => store.close());

  test('closing and reopening the directory keeps the data; migrating again is a no-op', async () => {
    expect(await migrate(client)).toEqual([]);
    expect((await client.query('select count(*)::int as n from schema_migrations')).rows).toEqual([{ n: readMigrations().length }]);
    expect(await store.read((r) => r.accounts.get('AC1'))).toEqual(f.account(1));
    expect(await store.read((r) => r.applications.history('A1'))).toEqual([f.history('submitted')]);
    expect([...(await store.read((r) => r.blobs.get('b'.repeat(64))))!]).toEqual([9, 8, 7]);
    expect(await store.transaction((r) => r.settings.next('seq:A'))).toBe(2);
  });

  test('a second open of a directory in use is refused (one process per directory)', async () => {
    await expect(openPglite(dir)).rejects.toThrow(/in use by process/);
    await expect(openStore({ dataDir: dir })).rejects.toThrow(/in use by process/);
    // A lock left by a process that is gone is taken over.
    const stale = path.join(tmp, 'stale');
    fs.writeFileSync(`${stale}.lock`, '999999999');
    const release = lockDataDir(stale);
    expect(fs.readFileSync(`${stale}.lock`, 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(stale)).toThrow(/in use by process \d+ \(this one\)/);
    release();
    expect(fs.existsSync(`${stale}.lock`)).toBe(false);
  });

  test('openStore on the same directory opens it as it is', async () => {
    await store.close();
    const again = await openStore({ dataDir: dir });
    try {
      expect(await again.store.read((r) => r.settings.get('seq:A'))).toBe(2);
    } finally {
      await again.close();
    }
    client = await openPglite(dir);
    store = createSqlStore(client);
  });

  sqlSchemaContract('pglite', () => ({ store, sql: client }));
});
