/**
 * The Store port over SQL (server/migrations): one implementation for PGlite and a PostgreSQL
 * server alike, through the client of client.ts. Every statement is parameterised; no identifier is
 * ever built from input. The rules the memory adapter checks by hand are constraints here, and their
 * violations come back as the port's errors: 23505 → ConstraintViolation, 23503 → Error('foreign
 * key: …'). A call that fails inside a transaction fails the transaction, even when the caller
 * catches it (PostgreSQL would refuse every later statement anyway). Concurrent writes about one
 * child serialise on its row (children.lock: SELECT … FOR UPDATE).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { HistoryEntry, UpkeepInfo } from '@contract/api';
import { toMs } from '@/domain/time';
import {
  ConstraintViolation,
  type AccountRecord,
  type AuditRecord,
  type ChildRecord,
  type FaceVerificationRecord,
  type GuardianshipRecord,
  type IdempotencyRecord,
  type JobRecord,
  type LotteryCommitmentRecord,
  type MessageRecord,
  type Repositories,
  type SessionRecord,
  type StaffRecord,
  type Store,
  type StoredApplication,
  type UploadMetaRecord,
} from '../../ports/store';
import { sqlErrorInfo, type SqlClient, type SqlQueryable } from './client';

type Row = Record<string, unknown>;

/** Every table the store writes, in an order TRUNCATE accepts (it cascades anyway). */
const TABLES = [
  'messages',
  'push_consents',
  'application_history',
  'applications',
  'idempotency',
  'upkeep',
  'uploads',
  'blobs',
  'guardianships',
  'sessions',
  'children',
  'accounts',
  'face_verifications',
  'lottery_commitments',
  'jobs',
  'audit',
  'staff',
  'settings',
] as const;

const UNIQUE_CONSTRAINTS: Record<string, ConstraintViolation['constraint']> = {
  applications_one_live_per_child: 'live_application',
  idempotency_pkey: 'idempotency',
  children_pkey: 'child_id_number',
  children_id_number_key: 'child_id_number',
  guardianships_pkey: 'guardianship',
};

/** The port's errors for the constraint violations the use cases handle; anything else unchanged. */
export function portError(error: unknown): unknown {
  const info = sqlErrorInfo(error);
  if (info.code === '23505') return new ConstraintViolation(UNIQUE_CONSTRAINTS[info.constraint ?? ''] ?? 'unique');
  if (info.code === '23503') return new Error(`foreign key: ${info.constraint ?? info.table ?? 'violated'}`);
  return error;
}

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const json = (v: unknown): string => JSON.stringify(v ?? null);
const bytes = (v: unknown): Uint8Array => {
  const b = v as Uint8Array;
  // A copy in a plain Uint8Array (the driver may hand out a Buffer over a shared pool).
  return Uint8Array.from(b);
};
/** Absent optional fields stay absent, as a JSON round-trip leaves them. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const account = (r: Row): AccountRecord => ({ id: String(r.id), idNumber: String(r.id_number), name: String(r.name), phone: String(r.phone), createdAt: String(r.created_at) });
const session = (r: Row): SessionRecord => ({ tokenHash: String(r.token_hash), accountId: String(r.account_id), createdAtMs: num(r.created_at_ms), expiresAtMs: num(r.expires_at_ms) });
const faceVerification = (r: Row): FaceVerificationRecord => ({
  id: String(r.id),
  provider: String(r.provider),
  verifyId: String(r.verify_id),
  createdAtMs: num(r.created_at_ms),
  expiresAtMs: num(r.expires_at_ms),
  usedAtMs: numOrNull(r.used_at_ms),
});
const child = (r: Row): ChildRecord => ({
  id: String(r.id),
  idNumber: String(r.id_number),
  birthCertificateName: String(r.birth_certificate_name),
  realName: strOrNull(r.real_name),
  birthDate: String(r.birth_date),
  sex: r.sex as ChildRecord['sex'],
  nameFrozenAt: strOrNull(r.name_frozen_at),
  createdAt: String(r.created_at),
});
const message = (r: Row): MessageRecord => ({
  id: String(r.seq),
  accountId: String(r.account_id),
  applicationId: String(r.application_id),
  kind: r.kind as MessageRecord['kind'],
  key: String(r.key),
  childNameMasked: String(r.child_name_masked),
  detail: plain(r.detail as MessageRecord['detail']),
  createdAt: String(r.created_at),
  readAt: strOrNull(r.read_at),
  pushedAt: strOrNull(r.pushed_at),
});
const guardianship = (r: Row): GuardianshipRecord => ({
  childId: String(r.child_id),
  accountId: String(r.account_id),
  relationship: r.relationship as GuardianshipRecord['relationship'],
  source: r.source as GuardianshipRecord['source'],
  proofRequired: Boolean(r.proof_required),
  verifiedPriority: Boolean(r.verified_priority),
  createdAt: String(r.created_at),
});
const upload = (r: Row): UploadMetaRecord => ({
  fileId: String(r.file_id),
  accountId: String(r.account_id),
  materialCode: r.material_code as UploadMetaRecord['materialCode'],
  districtCode: strOrNull(r.district_code),
  sha256: String(r.sha256),
  mime: r.mime as UploadMetaRecord['mime'],
  size: num(r.size),
  width: num(r.width),
  height: num(r.height),
  uploadedAt: String(r.uploaded_at),
});
const historyEntry = (r: Row): HistoryEntry => {
  const entry: HistoryEntry = {
    at: String(r.at),
    from: (r.from_status ?? null) as HistoryEntry['from'],
    to: r.to_status as HistoryEntry['to'],
    action: r.action as HistoryEntry['action'],
    actor: r.actor as HistoryEntry['actor'],
  };
  if (r.note !== null && r.note !== undefined) entry.note = String(r.note);
  return entry;
};
const idempotency = (r: Row): IdempotencyRecord => ({
  accountId: String(r.account_id),
  scope: String(r.scope),
  key: String(r.key),
  bodyHash: String(r.body_hash),
  resultId: String(r.result_id),
  createdAt: String(r.created_at),
});
const job = (r: Row): JobRecord => ({
  id: String(r.id),
  kind: String(r.kind),
  key: String(r.key),
  runAt: String(r.run_at),
  payload: plain(r.payload as Record<string, unknown>),
  state: r.state as JobRecord['state'],
  attempts: num(r.attempts),
  lastError: strOrNull(r.last_error),
  finishedAt: strOrNull(r.finished_at),
});
const auditRecord = (r: Row): AuditRecord => ({
  at: String(r.at),
  actorKind: r.actor_kind as AuditRecord['actorKind'],
  actorId: String(r.actor_id),
  action: String(r.action),
  subjectKind: String(r.subject_kind),
  subjectId: String(r.subject_id),
  beforeStatus: strOrNull(r.before_status),
  afterStatus: strOrNull(r.after_status),
  detail: plain(r.detail as Record<string, unknown>),
  traceId: String(r.trace_id),
});
const staff = (r: Row): StaffRecord => ({
  id: String(r.id),
  name: String(r.name),
  role: r.role as StaffRecord['role'],
  districtCode: strOrNull(r.district_code),
  tokenHash: String(r.token_hash),
  createdAt: String(r.created_at),
  revokedAt: strOrNull(r.revoked_at),
});

const appColumns = (app: StoredApplication) => [
  app.id,
  app.accountId,
  app.childId,
  app.schoolId,
  app.districtCode,
  app.status,
  app.createdAt,
  app.submittedAt ?? app.createdAt,
  app.confirmBy ? toMs(app.confirmBy) : null,
  json(app),
];

function repositories(db: SqlQueryable, copyDocs: boolean): Repositories {
  // JSON documents as the driver parsed them: `postgres` hands out fresh JSON.parse results; PGlite's
  // (another realm in jest) are copied into plain objects of this one.
  const doc = <T>(v: unknown): T => (copyDocs ? plain(v as T) : (v as T));
  const application = (r: Row): StoredApplication => doc<StoredApplication>(r.doc);
  const rows = async <T>(map: (r: Row) => T, text: string, params: unknown[] = []): Promise<T[]> => (await db.query<Row>(text, params)).rows.map(map);
  const one = async <T>(map: (r: Row) => T, text: string, params: unknown[] = []): Promise<T | null> => (await rows(map, text, params))[0] ?? null;
  const run = async (text: string, params: unknown[] = []): Promise<number> => (await db.query(text, params)).rowCount;

  const appendHistory = async (id: string, entries: HistoryEntry[]) => {
    if (entries.length === 0) return;
    await run(
      `insert into application_history (application_id, at, from_status, to_status, action, actor, note)
       select $1, e.entry ->> 'at', e.entry ->> 'from', e.entry ->> 'to', e.entry ->> 'action', e.entry ->> 'actor', e.entry ->> 'note'
       from jsonb_array_elements(($2::text)::jsonb) with ordinality as e(entry, n)
       order by e.n`,
      [id, json(entries)],
    );
  };

  return {
    accounts: {
      byIdNumber: (idNumber) => one(account, 'select * from accounts where id_number = $1', [idNumber]),
      get: (id) => one(account, 'select * from accounts where id = $1', [id]),
      async insert(a) {
        await run('insert into accounts (id, id_number, name, phone, created_at) values ($1, $2, $3, $4, $5)', [a.id, a.idNumber, a.name, a.phone, a.createdAt]);
      },
    },
    sessions: {
      async insert(s) {
        await run(
          `insert into sessions (token_hash, account_id, created_at_ms, expires_at_ms) values ($1, $2, $3::bigint, $4::bigint)
           on conflict (token_hash) do update set account_id = excluded.account_id, created_at_ms = excluded.created_at_ms, expires_at_ms = excluded.expires_at_ms`,
          [s.tokenHash, s.accountId, s.createdAtMs, s.expiresAtMs],
        );
      },
      get: (hash) => one(session, 'select * from sessions where token_hash = $1', [hash]),
      withAccount: (hash) =>
        one(
          (r) => ({
            session: session({ token_hash: r.token_hash, account_id: r.account_id, created_at_ms: r.s_created_at_ms, expires_at_ms: r.s_expires_at_ms }),
            account: account(r),
          }),
          `select a.*, s.token_hash, s.account_id, s.created_at_ms as s_created_at_ms, s.expires_at_ms as s_expires_at_ms
           from sessions s join accounts a on a.id = s.account_id where s.token_hash = $1`,
          [hash],
        ),
      async delete(hash) {
        await run('delete from sessions where token_hash = $1', [hash]);
      },
    },
    faceVerifications: {
      async insert(f) {
        await run(
          `insert into face_verifications (id, provider, verify_id, created_at_ms, expires_at_ms, used_at_ms) values ($1, $2, $3, $4::bigint, $5::bigint, $6::bigint)
           on conflict (id) do update set provider = excluded.provider, verify_id = excluded.verify_id, created_at_ms = excluded.created_at_ms,
             expires_at_ms = excluded.expires_at_ms, used_at_ms = excluded.used_at_ms`,
          [f.id, f.provider, f.verifyId, f.createdAtMs, f.expiresAtMs, f.usedAtMs],
        );
      },
      get: (id) => one(faceVerification, 'select * from face_verifications where id = $1', [id]),
      async markUsed(id, atMs) {
        return (await run('update face_verifications set used_at_ms = $2::bigint where id = $1 and used_at_ms is null', [id, atMs])) === 1;
      },
    },
    children: {
      get: (id) => one(child, 'select * from children where id = $1', [id]),
      async getMany(ids) {
        if (ids.length === 0) return [];
        return rows(child, 'select * from children where id = any($1::text[])', [[...new Set(ids)]]);
      },
      byIdNumber: (idNumber) => one(child, 'select * from children where id_number = $1', [idNumber]),
      async insert(c) {
        await run(
          `insert into children (id, id_number, birth_certificate_name, real_name, birth_date, sex, name_frozen_at, created_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [c.id, c.idNumber, c.birthCertificateName, c.realName, c.birthDate, c.sex, c.nameFrozenAt, c.createdAt],
        );
      },
      async update(c) {
        await run(
          `update children set id_number = $2, birth_certificate_name = $3, real_name = $4, birth_date = $5, sex = $6, name_frozen_at = $7, created_at = $8
           where id = $1`,
          [c.id, c.idNumber, c.birthCertificateName, c.realName, c.birthDate, c.sex, c.nameFrozenAt, c.createdAt],
        );
      },
      async lock(id) {
        await run('select 1 from children where id = $1 for update', [id]);
      },
      listAll: (limit) => rows(child, 'select * from children order by seq limit $1', [limit]),
    },
    guardianships: {
      get: (childId, accountId) => one(guardianship, 'select * from guardianships where child_id = $1 and account_id = $2', [childId, accountId]),
      listByAccount: (accountId) => rows(guardianship, 'select * from guardianships where account_id = $1 order by seq', [accountId]),
      listByChild: (childId) => rows(guardianship, 'select * from guardianships where child_id = $1 order by seq', [childId]),
      async insert(g) {
        await run(
          `insert into guardianships (child_id, account_id, relationship, source, proof_required, verified_priority, created_at)
           values ($1, $2, $3, $4, $5, $6, $7)`,
          [g.childId, g.accountId, g.relationship, g.source, g.proofRequired, g.verifiedPriority, g.createdAt],
        );
      },
      async update(g) {
        await run(
          `update guardianships set relationship = $3, source = $4, proof_required = $5, verified_priority = $6, created_at = $7
           where child_id = $1 and account_id = $2`,
          [g.childId, g.accountId, g.relationship, g.source, g.proofRequired, g.verifiedPriority, g.createdAt],
        );
      },
    },
    upkeep: {
      get: (accountId, childId) => one((r) => plain(r.info as UpkeepInfo), 'select info from upkeep where account_id = $1 and child_id = $2', [accountId, childId]),
      async put(accountId, childId, info) {
        await run(
          `insert into upkeep (account_id, child_id, info) values ($1, $2, ($3::text)::jsonb)
           on conflict (account_id, child_id) do update set info = excluded.info`,
          [accountId, childId, json(info)],
        );
      },
    },
    uploads: {
      async insert(m) {
        await run(
          `insert into uploads (file_id, account_id, material_code, district_code, sha256, mime, size, width, height, uploaded_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [m.fileId, m.accountId, m.materialCode, m.districtCode, m.sha256, m.mime, m.size, m.width, m.height, m.uploadedAt],
        );
      },
      get: (id) => one(upload, 'select * from uploads where file_id = $1', [id]),
      async getMany(ids) {
        if (ids.length === 0) return [];
        const found = new Map((await rows(upload, 'select * from uploads where file_id = any($1::text[])', [[...new Set(ids)]])).map((u) => [u.fileId, u]));
        // In the order asked, as the memory adapter answers.
        return ids.map((id) => found.get(id)).filter((u): u is UploadMetaRecord => u !== undefined).map(plain);
      },
      async countByAccount(accountId) {
        const r = await one((x) => ({ files: num(x.files), bytes: num(x.bytes) }), 'select count(*) as files, coalesce(sum(size), 0) as bytes from uploads where account_id = $1', [accountId]);
        return r ?? { files: 0, bytes: 0 };
      },
      listAll: (limit) => rows(upload, 'select * from uploads order by uploaded_at collate "C" desc, seq desc limit $1', [limit]),
    },
    blobs: {
      async put(hash, data) {
        // Hex text in: no driver has to recognise the Uint8Array (in jest PGlite runs in another realm, where it is not one).
        await run(`insert into blobs (sha256, bytes) values ($1, decode($2, 'hex')) on conflict (sha256) do nothing`, [hash, Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex')]);
      },
      get: (hash) => one((r) => bytes(r.bytes), 'select bytes from blobs where sha256 = $1', [hash]),
    },
    applications: {
      get: (id) => one(application, 'select doc from applications where id = $1', [id]),
      history: (id) => rows(historyEntry, 'select * from application_history where application_id = $1 order by seq', [id]),
      async historyOf(ids) {
        const map = new Map<string, HistoryEntry[]>(ids.map((id) => [id, []]));
        if (ids.length === 0) return map;
        const found = await db.query<Row>('select * from application_history where application_id = any($1::text[]) order by seq', [[...new Set(ids)]]);
        for (const r of found.rows) map.get(String(r.application_id))?.push(historyEntry(r));
        return map;
      },
      listByAccount: (accountId) => rows(application, 'select doc from applications where account_id = $1 order by seq', [accountId]),
      listByChild: (childId) => rows(application, 'select doc from applications where child_id = $1 order by seq', [childId]),
      async insert(app, history) {
        await run(
          `insert into applications (id, account_id, child_id, school_id, district_code, status, created_at, queued_at, confirm_by_ms, doc)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9::bigint, ($10::text)::jsonb)`,
          appColumns(app),
        );
        await appendHistory(app.id, history);
      },
      async update(app, appended) {
        const n = await run(
          `update applications set account_id = $2, child_id = $3, school_id = $4, district_code = $5, status = $6, created_at = $7, queued_at = $8,
             confirm_by_ms = $9::bigint, doc = ($10::text)::jsonb
           where id = $1`,
          appColumns(app),
        );
        if (n === 0) throw new Error(`no application ${app.id}`);
        await appendHistory(app.id, appended);
      },
      async patchMany(from, items) {
        if (items.length === 0) return [];
        const keys = ['id', 'accountId', 'childId', 'schoolId', 'districtCode', 'createdAt', 'submittedAt'];
        if (items.some(({ patch }) => keys.some((k) => k in patch))) throw new Error('patchMany: a patch may not change the row\'s keys');
        // One statement for the lot: the patches merged into the docs (and the status / confirm_by columns), the history in order.
        const input = items.map(({ id, patch, entry }, n) => ({ n, id, patch, confirmByMs: patch.confirmBy ? toMs(patch.confirmBy) : null, entry }));
        const r = await db.query<Row>(
          `with input as (
             select (e ->> 'n')::int as n, e ->> 'id' as id, e -> 'patch' as patch, (e ->> 'confirmByMs')::bigint as confirm_by_ms, e -> 'entry' as entry
             from jsonb_array_elements(($1::text)::jsonb) e
           ), moved as (
             update applications a set status = i.patch ->> 'status', confirm_by_ms = coalesce(i.confirm_by_ms, a.confirm_by_ms), doc = a.doc || i.patch
             from input i where a.id = i.id and a.status = $2::text
             returning a.id
           ), logged as (
             insert into application_history (application_id, at, from_status, to_status, action, actor, note)
             select i.id, i.entry ->> 'at', i.entry ->> 'from', i.entry ->> 'to', i.entry ->> 'action', i.entry ->> 'actor', i.entry ->> 'note'
             from input i where i.id in (select id from moved)
             order by i.n
             returning 1
           )
           select id from moved`,
          [json(input), from],
        );
        const moved = new Set(r.rows.map((x) => String(x.id)));
        // In the order given, as the memory adapter answers.
        return items.map((x) => x.id).filter((id) => moved.has(id));
      },
      listBySchool: (schoolId, status) => rows(application, 'select doc from applications where school_id = $1 and status = $2 order by seq', [schoolId, status]),
      schoolsWithStatus: (status) =>
        rows((r) => String(r.school_id), 'select distinct school_id collate "C" as school_id from applications where status = $1 order by 1', [status]),
      listByDistrict: (districtCode, statuses, limit) =>
        rows(
          application,
          'select doc from applications where district_code = $1 and status = any($2::text[]) order by queued_at collate "C", seq limit $3',
          [districtCode, statuses, limit],
        ),
      async expireUnconfirmed({ from, to, action, at, note }) {
        const r = await db.query<Row>(
          `with target as (
             select id, status, doc ->> 'confirmBy' as confirm_by from applications
             where status = any($1::text[]) and confirm_by_ms is not null and confirm_by_ms <= $2::bigint
             for update
           ), moved as (
             update applications a set status = $3::text, doc = a.doc || jsonb_build_object('status', $3::text, 'updatedAt', t.confirm_by)
             from target t where a.id = t.id
             returning a.id
           ), logged as (
             insert into application_history (application_id, at, from_status, to_status, action, actor, note)
             select t.id, t.confirm_by, t.status, $3::text, $4::text, 'system', $5::text from target t
             returning 1
           )
           select moved.id, (select count(*) from logged) as logged from moved`,
          [from, toMs(at), to, action, note],
        );
        return r.rows.map((x) => String(x.id));
      },
      async moveAll({ from, to, action, at, note, reportCodeAvailable }) {
        const r = await db.query<Row>(
          `with target as (
             select id from applications where status = $1::text for update
           ), moved as (
             update applications a set status = $2::text,
               doc = a.doc || jsonb_build_object('status', $2::text, 'updatedAt', $3::text)
                 || case when $6::boolean is null then '{}'::jsonb else jsonb_build_object('reportCodeAvailable', $6::boolean) end
             from target t where a.id = t.id
             returning a.id
           ), logged as (
             insert into application_history (application_id, at, from_status, to_status, action, actor, note)
             select t.id, $3::text, $1::text, $2::text, $4::text, 'system', $5::text from target t
             returning 1
           )
           select moved.id, (select count(*) from logged) as logged from moved`,
          [from, to, at, action, note, reportCodeAvailable ?? null],
        );
        return r.rows.map((x) => String(x.id));
      },
      listAll: (limit) => rows(application, 'select doc from applications order by created_at collate "C" desc, seq desc limit $1', [limit]),
      confirmDueBetween: (statuses, fromAt, toAt) =>
        rows(
          (r) => String(r.id),
          'select id from applications where status = any($1::text[]) and confirm_by_ms >= $2::bigint and confirm_by_ms < $3::bigint order by seq',
          [statuses, toMs(fromAt), toMs(toAt)],
        ),
      async countLivePerChildOverOne(statuses) {
        const r = await one(
          (x) => num(x.n),
          'select count(*) as n from (select child_id from applications where status = any($1::text[]) group by child_id having count(*) > 1) over_one',
          [statuses],
        );
        return r ?? 0;
      },
    },
    idempotency: {
      get: (accountId, scope, key) => one(idempotency, 'select * from idempotency where account_id = $1 and scope = $2 and key = $3', [accountId, scope, key]),
      async insert(r) {
        await run('insert into idempotency (account_id, scope, key, body_hash, result_id, created_at) values ($1, $2, $3, $4, $5, $6)', [
          r.accountId,
          r.scope,
          r.key,
          r.bodyHash,
          r.resultId,
          r.createdAt,
        ]);
      },
    },
    lottery: {
      commitment: (schoolId) => one((r) => doc<LotteryCommitmentRecord>(r.doc), 'select doc from lottery_commitments where school_id = $1', [schoolId]),
      byDrawId: (drawId) => one((r) => doc<LotteryCommitmentRecord>(r.doc), 'select doc from lottery_commitments where draw_id = $1', [drawId]),
      listCommitments: () => rows((r) => doc<LotteryCommitmentRecord>(r.doc), 'select doc from lottery_commitments order by school_id collate "C"'),
      async insert(c) {
        await run('insert into lottery_commitments (school_id, draw_id, doc) values ($1, $2, ($3::text)::jsonb)', [c.schoolId, c.drawId, json(c)]);
      },
      async update(c) {
        // As the memory adapter: writes the commitment of the school, whether or not one was there.
        await run(
          `insert into lottery_commitments (school_id, draw_id, doc) values ($1, $2, ($3::text)::jsonb)
           on conflict (school_id) do update set draw_id = excluded.draw_id, doc = excluded.doc`,
          [c.schoolId, c.drawId, json(c)],
        );
      },
    },
    jobs: {
      async schedule(j) {
        const n = await run(
          `insert into jobs (id, kind, key, run_at, run_at_ms, payload, state, attempts) values ($1, $2, $3, $4, $5::bigint, ($6::text)::jsonb, 'pending', 0)
           on conflict do nothing`,
          [j.id, j.kind, j.key, j.runAt, toMs(j.runAt), json(j.payload)],
        );
        return n === 1;
      },
      async rewind(now) {
        await run(`update jobs set state = 'pending', attempts = 0, last_error = null, finished_at = null where run_at_ms > $1::bigint`, [toMs(now)]);
      },
      claimDue: (now) =>
        one(job, `select * from jobs where state = 'pending' and run_at_ms <= $1::bigint order by run_at_ms, id collate "C" limit 1 for update skip locked`, [toMs(now)]),
      async finish(id, state, at, error) {
        await run(
          `update jobs set state = $2, attempts = attempts + 1, last_error = $4, finished_at = case when $2 = 'pending' then null else $3 end where id = $1`,
          [id, state, at, error ?? null],
        );
      },
      nextRunAt: () => one((r) => String(r.run_at), `select run_at from jobs where state = 'pending' order by run_at_ms, seq limit 1`),
      list: () => rows(job, 'select * from jobs order by run_at_ms, id collate "C"'),
    },
    audit: {
      async append(a) {
        await run(
          `insert into audit (at, actor_kind, actor_id, action, subject_kind, subject_id, before_status, after_status, detail, trace_id)
           values ($1, $2, $3, $4, $5, $6, $7, $8, ($9::text)::jsonb, $10)`,
          [a.at, a.actorKind, a.actorId, a.action, a.subjectKind, a.subjectId, a.beforeStatus, a.afterStatus, json(a.detail), a.traceId],
        );
      },
      list: ({ subjectId, actorId, limit }) =>
        rows(
          auditRecord,
          `select * from audit where ($1::text is null or subject_id = $1::text) and ($2::text is null or actor_id = $2::text) order by seq desc limit $3`,
          [subjectId || null, actorId || null, limit],
        ),
    },
    staff: {
      async insert(s) {
        await run('insert into staff (id, name, role, district_code, token_hash, created_at, revoked_at) values ($1, $2, $3, $4, $5, $6, $7)', [
          s.id,
          s.name,
          s.role,
          s.districtCode,
          s.tokenHash,
          s.createdAt,
          s.revokedAt,
        ]);
      },
      byTokenHash: (hash) => one(staff, 'select * from staff where token_hash = $1', [hash]),
      get: (id) => one(staff, 'select * from staff where id = $1', [id]),
      async revoke(id, at) {
        await run('update staff set revoked_at = $2 where id = $1 and revoked_at is null', [id, at]);
      },
      list: () => rows(staff, 'select * from staff order by seq'),
    },
    messages: {
      async record({ kind, key, at, items }) {
        if (items.length === 0) return [];
        // One statement for any number (the forfeit and notice jobs): owner and masked name from the row.
        return rows(
          (r) => String(r.seq),
          `insert into messages (account_id, application_id, kind, key, child_name_masked, detail, created_at)
           select a.account_id, a.id, $1::text, $2::text, a.doc ->> 'childNameMasked', i.detail::jsonb, $3::text
           from unnest($4::text[], $5::text[]) with ordinality as i (application_id, detail, n)
           join applications a on a.id = i.application_id
           order by i.n
           on conflict (application_id, kind, key) do nothing
           returning seq`,
          [kind, key, at, items.map((i) => i.applicationId), items.map((i) => json(i.detail ?? {}))],
        );
      },
      listByAccount: (accountId, limit) => rows(message, 'select * from messages where account_id = $1 order by seq desc limit $2', [accountId, limit]),
      async unreadCount(accountId) {
        return (await one((r) => num(r.n), 'select count(*) as n from messages where account_id = $1 and read_at is null', [accountId])) ?? 0;
      },
      async markRead(accountId, id, at) {
        if (!/^\d{1,18}$/.test(id)) return false;
        const r = await one((x) => x.seq, 'update messages set read_at = coalesce(read_at, $3) where seq = $1::bigint and account_id = $2 returning seq', [id, accountId, at]);
        return r !== null;
      },
      unpushed: (limit) =>
        rows(
          (r) => ({ ...message(r), pushWanted: Boolean(r.push_wanted) }),
          `select m.*, coalesce(m.kind = any(c.kinds), false) as push_wanted
           from messages m left join push_consents c on c.account_id = m.account_id
           where m.pushed_at is null order by m.seq limit $1`,
          [limit],
        ),
      async markPushed(ids, at) {
        if (ids.length === 0) return;
        await run('update messages set pushed_at = $2 where seq = any($1::bigint[]) and pushed_at is null', [ids, at]);
      },
    },
    pushConsents: {
      get: (accountId) =>
        one((r) => ({ kinds: [...(r.kinds as MessageRecord['kind'][])], updatedAt: String(r.updated_at) }), 'select kinds, updated_at from push_consents where account_id = $1', [accountId]),
      async put(accountId, kinds, at) {
        await run(
          'insert into push_consents (account_id, kinds, updated_at) values ($1, $2::text[], $3) on conflict (account_id) do update set kinds = excluded.kinds, updated_at = excluded.updated_at',
          [accountId, kinds, at],
        );
      },
    },
    settings: {
      async get<T>(key: string) {
        return one((r) => plain(r.value as T), 'select value from settings where key = $1', [key]);
      },
      async put(key, value) {
        await run('insert into settings (key, value) values ($1, ($2::text)::jsonb) on conflict (key) do update set value = excluded.value', [key, json(value)]);
      },
      async next(sequence) {
        const r = await one(
          (x) => num(x.n),
          `insert into settings (key, value) values ($1, '1'::jsonb)
           on conflict (key) do update set value = to_jsonb(coalesce((settings.value #>> '{}')::bigint, 0) + 1)
           returning (value #>> '{}')::bigint as n`,
          [sequence],
        );
        return r!;
      },
    },
  };
}

/**
 * Every statement through `db` fails with the port's errors; the first failure is kept in `failed`
 * so that the transaction fails even when its caller caught it.
 */
function guarded(db: SqlQueryable, failed?: { error: unknown }): SqlQueryable {
  return {
    async query<R>(text: string, params?: readonly unknown[]) {
      try {
        return await db.query<R>(text, params);
      } catch (error) {
        const mapped = portError(error);
        if (failed && failed.error === undefined) failed.error = mapped;
        throw mapped;
      }
    },
    exec: (script) => db.exec(script),
  };
}

export function createSqlStore(client: SqlClient, opts: { checkNesting?: boolean } = {}): Store {
  // Nested store calls inside a transaction would read outside it (or, on PGlite's single
  // connection, wait for it for ever): refused at once. The check is a programming-error guard kept
  // in an AsyncLocalStorage, whose promise hooks tax every promise of the process: on for PGlite
  // (where the mistake would hang) and under tests (every use case runs there on every store), off
  // for a PostgreSQL server otherwise.
  const copyDocs = client.engine !== 'postgres';
  const checkNesting = opts.checkNesting ?? (client.engine === 'pglite' || process.env.NODE_ENV === 'test');
  const active = checkNesting ? new AsyncLocalStorage<true>() : null;
  const notNested = () => {
    if (active?.getStore()) throw new Error('nested store.read/store.transaction inside a transaction: use the repositories it was given');
  };
  return {
    async transaction(fn) {
      notNested();
      return client.transaction(async (tx) => {
        const failed: { error: unknown } = { error: undefined };
        const run = () => fn(repositories(guarded(tx, failed), copyDocs));
        const result = await (active ? active.run(true, run) : run());
        if (failed.error !== undefined) throw failed.error;
        return result;
      });
    },
    async read(fn) {
      notNested();
      return fn(repositories(guarded(client), copyDocs));
    },
    async reset() {
      notNested();
      // TRUNCATE fires no row triggers: the append-only tables are emptied only here.
      await client.transaction((tx) => tx.exec(`truncate table ${TABLES.join(', ')} restart identity cascade`));
    },
    close: () => client.close(),
  };
}
