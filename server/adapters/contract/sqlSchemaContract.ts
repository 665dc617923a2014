/**
 * What the SQL schema enforces below the Store port, checked through a raw client (for PGlite and
 * PostgreSQL alike): history and audit are append-only, enums are check constraints that accept
 * exactly the contract's values, and migrations are recorded once.
 */
import { APPLICATION_STATUSES, MATERIAL_CODES, MESSAGE_KINDS } from '@contract/enums';
import type { SqlQueryable } from '../sql/client';
import { readMigrations } from '../sql/migrate';
import type { Store } from '../../ports/store';
import { fixtures as f } from './storeContract';

export interface SqlUnderTest {
  store: Store;
  sql: SqlQueryable;
}

export function sqlSchemaContract(name: string, opened: () => SqlUnderTest): void {
  describe(`SQL schema: ${name}`, () => {
    const seedApp = async () => {
      await opened().store.reset();
      await opened().store.transaction(async (r) => {
        await r.accounts.insert(f.account(1));
        await r.children.insert(f.child(1));
        await r.applications.insert(f.application('A1', 'CH1', 'AC1'), [f.history('submitted')]);
        await r.audit.append(f.audit(1));
      });
    };

    test('every migration file is recorded once in schema_migrations', async () => {
      const { rows } = await opened().sql.query<{ name: string }>('select name from schema_migrations order by name');
      expect(rows.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
    });

    test('status history and audit refuse UPDATE and DELETE (append-only triggers)', async () => {
      await seedApp();
      const { sql } = opened();
      await expect(sql.query(`update application_history set note = 'rewritten'`)).rejects.toThrow(/append-only/);
      await expect(sql.query('delete from application_history')).rejects.toThrow(/append-only/);
      await expect(sql.query(`update audit set action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(sql.query('delete from audit')).rejects.toThrow(/append-only/);
      const history = await opened().store.read((r) => r.applications.history('A1'));
      expect(history).toEqual([f.history('submitted')]);
    });

    test('the status check accepts every contract status and nothing else', async () => {
      await seedApp();
      const { sql } = opened();
      for (const status of APPLICATION_STATUSES) {
        await sql.query(`insert into application_history (application_id, at, from_status, to_status, action, actor) values ('A1', 'x', $1, $1, 'submit', 'system')`, [status]);
      }
      await expect(sql.query(`insert into application_history (application_id, at, to_status, action, actor) values ('A1', 'x', 'lost', 'submit', 'system')`)).rejects.toMatchObject({ code: '23514' });
      await expect(sql.query(`insert into application_history (application_id, at, to_status, action, actor) values ('A1', 'x', 'submitted', 'submit', 'robot')`)).rejects.toMatchObject({ code: '23514' });
    });

    test('the material code check accepts every contract code and nothing else', async () => {
      await seedApp();
      const { store } = opened();
      await store.transaction(async (r) => {
        await r.blobs.put('a'.repeat(64), new Uint8Array([1]));
        for (const code of MATERIAL_CODES) await r.uploads.insert(f.upload(`F-${code}`, 'AC1', { materialCode: code }));
      });
      await expect(store.transaction((r) => r.uploads.insert(f.upload('F-x', 'AC1', { materialCode: 'selfie' as never })))).rejects.toMatchObject({ code: '23514' });
    });

    test('messages: the kind check accepts every contract kind and nothing else; one per (application, kind, key); a reminder names its deadline', async () => {
      await seedApp();
      const { sql } = opened();
      const insert = (kind: string, key: string) =>
        sql.query(`insert into messages (account_id, application_id, kind, key, child_name_masked, created_at) values ('AC1', 'A1', $1, $2, '王*', 'x')`, [kind, key]);
      for (const kind of MESSAGE_KINDS) await insert(kind, kind.endsWith('Due') ? '2024-07-16T00:00:00+08:00' : '');
      await expect(insert('gossip', '')).rejects.toMatchObject({ code: '23514' });
      await expect(insert('approved', '')).rejects.toMatchObject({ code: '23505' });
      await expect(insert('confirmationDue', '')).rejects.toMatchObject({ code: '23514' });
      await expect(insert('approved', '2024-07-16T00:00:00+08:00')).rejects.toMatchObject({ code: '23514' });
      await expect(sql.query(`insert into messages (account_id, application_id, kind, key, child_name_masked, created_at) values ('AC1', 'A404', 'approved', '', '王*', 'x')`)).rejects.toMatchObject({ code: '23503' });
      // Push consent holds contract kinds only.
      await sql.query(`insert into push_consents (account_id, kinds, updated_at) values ('AC1', $1::text[], 'x')`, [[...MESSAGE_KINDS]]);
      await expect(sql.query(`update push_consents set kinds = array['gossip'] where account_id = 'AC1'`)).rejects.toMatchObject({ code: '23514' });
    });

    test('an upload needs its bytes stored first (foreign key to blobs)', async () => {
      await seedApp();
      await expect(opened().store.transaction((r) => r.uploads.insert(f.upload('F1', 'AC1', { sha256: 'e'.repeat(64) })))).rejects.toThrow(/^foreign key: /);
    });

    test('store calls nested inside a transaction are refused, not deadlocked', async () => {
      const { store } = opened();
      await expect(store.transaction(() => store.read((r) => r.accounts.get('AC1')))).rejects.toThrow(/nested/);
      await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(/nested/);
    });
  });
}
