/**
 * The memory adapter of the store: every table a plain JSON object, transactions run one at a time
 * on a copy that replaces the committed state only when they resolve. The invariants the SQL schema
 * enforces with constraints are checked here by the same rules (server/adapters/contract tests both).
 * Used by the browser mock (persisted to the page's storage) and page tests; not for production.
 */
import type { HistoryEntry } from '@contract/api';
import { liveStatuses } from '@/domain/status';
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
import type { UpkeepInfo } from '@contract/api';

export interface MemoryTables {
  version: number;
  accounts: Record<string, AccountRecord>;
  sessions: Record<string, SessionRecord>;
  faceVerifications: Record<string, FaceVerificationRecord>;
  children: Record<string, ChildRecord>;
  guardianships: Record<string, GuardianshipRecord>;
  upkeep: Record<string, UpkeepInfo>;
  uploads: Record<string, UploadMetaRecord>;
  applications: Record<string, StoredApplication>;
  history: Record<string, HistoryEntry[]>;
  idempotency: Record<string, IdempotencyRecord>;
  lottery: Record<string, LotteryCommitmentRecord>;
  jobs: Record<string, JobRecord>;
  audit: AuditRecord[];
  staff: Record<string, StaffRecord>;
  settings: Record<string, unknown>;
  /** Oldest first; ids increase. */
  messages: MessageRecord[];
  pushConsents: Record<string, { kinds: MessageRecord['kind'][]; updatedAt: string }>;
}

export const MEMORY_TABLES_VERSION = 2;

export function emptyTables(): MemoryTables {
  return {
    version: MEMORY_TABLES_VERSION,
    accounts: {},
    sessions: {},
    faceVerifications: {},
    children: {},
    guardianships: {},
    upkeep: {},
    uploads: {},
    applications: {},
    history: {},
    idempotency: {},
    lottery: {},
    jobs: {},
    audit: [],
    staff: {},
    settings: {},
    messages: [],
    pushConsents: {},
  };
}

export interface MemoryPersistence {
  /** Called after every committed transaction with the new state. */
  saveTables(tables: MemoryTables): Promise<void> | void;
  putBlob?(sha256: string, bytes: Uint8Array): Promise<void> | void;
  getBlob?(sha256: string): Promise<Uint8Array | null>;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const own = <T>(table: Record<string, T>, key: string): T | null => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null);
const copy = <T>(value: T | null): T | null => (value === null ? null : clone(value));
const LIVE = liveStatuses;

function repositories(t: MemoryTables, blobs: Map<string, Uint8Array>, persistence?: MemoryPersistence): Repositories {
  const liveOf = (childId: string, except?: string) =>
    Object.values(t.applications).filter((a) => a.childId === childId && a.id !== except && LIVE.has(a.status));
  const append = (id: string, entries: HistoryEntry[]) => {
    t.history[id] = [...(own(t.history, id) ?? []), ...clone(entries)];
  };
  const stamp = (x: { uploadedAt?: string; createdAt?: string }) => x.uploadedAt ?? x.createdAt ?? '';
  // Newest first; equal times: the later inserted first (as the SQL adapter's serial column orders them).
  const newestFirst = <T extends { uploadedAt?: string; createdAt?: string }>(list: T[]) =>
    list.reverse().sort((a, b) => (stamp(a) < stamp(b) ? 1 : stamp(a) > stamp(b) ? -1 : 0));
  const needAccount = (accountId: string, what: string) => {
    if (!own(t.accounts, accountId)) throw new Error(`foreign key: ${what}`);
  };
  return {
    accounts: {
      async byIdNumber(idNumber) {
        return copy(Object.values(t.accounts).find((a) => a.idNumber === idNumber) ?? null);
      },
      async get(id) {
        return copy(own(t.accounts, id));
      },
      async insert(account) {
        if (own(t.accounts, account.id) || Object.values(t.accounts).some((a) => a.idNumber === account.idNumber)) throw new ConstraintViolation('unique');
        t.accounts[account.id] = clone(account);
      },
    },
    sessions: {
      async insert(s) {
        needAccount(s.accountId, 'session');
        t.sessions[s.tokenHash] = clone(s);
      },
      async get(hash) {
        return copy(own(t.sessions, hash));
      },
      async withAccount(hash) {
        const session = own(t.sessions, hash);
        const account = session ? own(t.accounts, session.accountId) : null;
        return session && account ? { session: clone(session), account: clone(account) } : null;
      },
      async delete(hash) {
        delete t.sessions[hash];
      },
    },
    faceVerifications: {
      async insert(r) {
        t.faceVerifications[r.id] = clone(r);
      },
      async get(id) {
        return copy(own(t.faceVerifications, id));
      },
      async markUsed(id, atMs) {
        const r = own(t.faceVerifications, id);
        if (!r || r.usedAtMs !== null) return false;
        r.usedAtMs = atMs;
        return true;
      },
    },
    children: {
      async get(id) {
        return copy(own(t.children, id));
      },
      async getMany(ids) {
        return [...new Set(ids)].map((id) => copy(own(t.children, id))).filter((c): c is ChildRecord => c !== null);
      },
      async byIdNumber(idNumber) {
        return copy(Object.values(t.children).find((c) => c.idNumber === idNumber) ?? null);
      },
      async insert(child) {
        if (own(t.children, child.id) || Object.values(t.children).some((c) => c.idNumber === child.idNumber)) throw new ConstraintViolation('child_id_number');
        t.children[child.id] = clone(child);
      },
      async update(child) {
        if (own(t.children, child.id)) t.children[child.id] = clone(child);
      },
      async lock() {
        // Transactions already run one at a time.
      },
      async listAll(limit) {
        return clone(Object.values(t.children).slice(0, limit));
      },
    },
    guardianships: {
      async get(childId, accountId) {
        return copy(own(t.guardianships, `${childId}|${accountId}`));
      },
      async listByAccount(accountId) {
        // Insertion order, as the SQL adapter's serial column keeps it.
        return clone(Object.values(t.guardianships).filter((g) => g.accountId === accountId));
      },
      async listByChild(childId) {
        return clone(Object.values(t.guardianships).filter((g) => g.childId === childId));
      },
      async insert(g) {
        const key = `${g.childId}|${g.accountId}`;
        if (own(t.guardianships, key)) throw new ConstraintViolation('guardianship');
        if (!own(t.children, g.childId) || !own(t.accounts, g.accountId)) throw new Error('foreign key: guardianship');
        t.guardianships[key] = clone(g);
      },
      async update(g) {
        const key = `${g.childId}|${g.accountId}`;
        if (own(t.guardianships, key)) t.guardianships[key] = clone(g);
      },
    },
    upkeep: {
      async get(accountId, childId) {
        return copy(own(t.upkeep, `${accountId}|${childId}`));
      },
      async put(accountId, childId, info) {
        needAccount(accountId, 'upkeep');
        if (!own(t.children, childId)) throw new Error('foreign key: upkeep');
        t.upkeep[`${accountId}|${childId}`] = clone(info);
      },
    },
    uploads: {
      async insert(meta) {
        if (own(t.uploads, meta.fileId)) throw new ConstraintViolation('unique');
        needAccount(meta.accountId, 'upload');
        t.uploads[meta.fileId] = clone(meta);
      },
      async get(id) {
        return copy(own(t.uploads, id));
      },
      async getMany(ids) {
        return ids.map((id) => own(t.uploads, id)).filter((m): m is UploadMetaRecord => m !== null).map(clone);
      },
      async countByAccount(accountId) {
        const mine = Object.values(t.uploads).filter((u) => u.accountId === accountId);
        return { files: mine.length, bytes: mine.reduce((sum, u) => sum + u.size, 0) };
      },
      async listAll(limit) {
        return clone(newestFirst(Object.values(t.uploads)).slice(0, limit));
      },
    },
    blobs: {
      async put(hash, bytes) {
        if (blobs.has(hash)) return;
        blobs.set(hash, bytes.slice());
        await persistence?.putBlob?.(hash, bytes);
      },
      async get(hash) {
        return blobs.get(hash) ?? (await persistence?.getBlob?.(hash)) ?? null;
      },
    },
    applications: {
      async get(id) {
        return copy(own(t.applications, id));
      },
      async history(id) {
        return clone(own(t.history, id) ?? []);
      },
      async historyOf(ids) {
        return new Map(ids.map((id) => [id, clone(own(t.history, id) ?? [])]));
      },
      async listByAccount(accountId) {
        return clone(Object.values(t.applications).filter((a) => a.accountId === accountId));
      },
      async listByChild(childId) {
        return clone(Object.values(t.applications).filter((a) => a.childId === childId));
      },
      async insert(app, history) {
        if (own(t.applications, app.id)) throw new ConstraintViolation('unique');
        if (!own(t.children, app.childId) || !own(t.accounts, app.accountId)) throw new Error('foreign key: application');
        if (LIVE.has(app.status) && liveOf(app.childId).length > 0) throw new ConstraintViolation('live_application');
        t.applications[app.id] = clone(app);
        append(app.id, history);
      },
      async update(app, appended) {
        if (!own(t.applications, app.id)) throw new Error(`no application ${app.id}`);
        if (LIVE.has(app.status) && liveOf(app.childId, app.id).length > 0) throw new ConstraintViolation('live_application');
        t.applications[app.id] = clone(app);
        append(app.id, appended);
      },
      async patchMany(from, items) {
        const moved: string[] = [];
        for (const { id, patch, entry } of items) {
          const app = own(t.applications, id);
          if (!app || app.status !== from) continue;
          const next = { ...app, ...clone(patch) };
          if (LIVE.has(next.status) && liveOf(next.childId, id).length > 0) throw new ConstraintViolation('live_application');
          t.applications[id] = next;
          append(id, [entry]);
          moved.push(id);
        }
        return moved;
      },
      async listBySchool(schoolId, status) {
        return clone(Object.values(t.applications).filter((a) => a.schoolId === schoolId && a.status === status));
      },
      async schoolsWithStatus(status) {
        return [...new Set(Object.values(t.applications).filter((a) => a.status === status).map((a) => a.schoolId))].sort();
      },
      async listByDistrict(districtCode, statuses, limit) {
        return clone(
          Object.values(t.applications)
            .filter((a) => a.districtCode === districtCode && statuses.includes(a.status))
            .sort((a, b) => ((a.submittedAt ?? a.createdAt) < (b.submittedAt ?? b.createdAt) ? -1 : (a.submittedAt ?? a.createdAt) > (b.submittedAt ?? b.createdAt) ? 1 : 0))
            .slice(0, limit),
        );
      },
      async expireUnconfirmed({ from, to, action, at, note }) {
        const moved: string[] = [];
        for (const app of Object.values(t.applications)) {
          if (!from.includes(app.status) || !app.confirmBy || toMs(app.confirmBy) > toMs(at)) continue;
          append(app.id, [{ at: app.confirmBy, from: app.status, to, action, actor: 'system', note }]);
          app.status = to;
          app.updatedAt = app.confirmBy;
          moved.push(app.id);
        }
        return moved;
      },
      async moveAll({ from, to, action, at, note, reportCodeAvailable }) {
        const moved: string[] = [];
        for (const app of Object.values(t.applications)) {
          if (app.status !== from) continue;
          append(app.id, [{ at, from, to, action, actor: 'system', note }]);
          app.status = to;
          app.updatedAt = at;
          if (reportCodeAvailable !== undefined) app.reportCodeAvailable = reportCodeAvailable;
          moved.push(app.id);
        }
        return moved;
      },
      async listAll(limit) {
        return clone(newestFirst(Object.values(t.applications)).slice(0, limit));
      },
      async confirmDueBetween(statuses, fromAt, toAt) {
        return Object.values(t.applications)
          .filter((a) => statuses.includes(a.status) && a.confirmBy && toMs(a.confirmBy) >= toMs(fromAt) && toMs(a.confirmBy) < toMs(toAt))
          .map((a) => a.id);
      },
      async countLivePerChildOverOne(statuses) {
        const perChild = new Map<string, number>();
        for (const a of Object.values(t.applications)) if (statuses.includes(a.status)) perChild.set(a.childId, (perChild.get(a.childId) ?? 0) + 1);
        return [...perChild.values()].filter((n) => n > 1).length;
      },
    },
    idempotency: {
      async get(accountId, scope, key) {
        return copy(own(t.idempotency, `${accountId}|${scope}|${key}`));
      },
      async insert(r) {
        const k = `${r.accountId}|${r.scope}|${r.key}`;
        if (own(t.idempotency, k)) throw new ConstraintViolation('idempotency');
        needAccount(r.accountId, 'idempotency');
        t.idempotency[k] = clone(r);
      },
    },
    lottery: {
      async commitment(schoolId) {
        return copy(own(t.lottery, schoolId));
      },
      async byDrawId(drawId) {
        return copy(Object.values(t.lottery).find((c) => c.drawId === drawId) ?? null);
      },
      async listCommitments() {
        return clone(Object.values(t.lottery).sort((a, b) => (a.schoolId < b.schoolId ? -1 : 1)));
      },
      async insert(r) {
        if (own(t.lottery, r.schoolId) || Object.values(t.lottery).some((c) => c.drawId === r.drawId)) throw new ConstraintViolation('unique');
        t.lottery[r.schoolId] = clone(r);
      },
      async update(r) {
        t.lottery[r.schoolId] = clone(r);
      },
    },
    jobs: {
      async schedule(job) {
        if (Object.values(t.jobs).some((j) => j.kind === job.kind && j.key === job.key)) return false;
        t.jobs[job.id] = { ...clone(job), state: 'pending', attempts: 0, lastError: null, finishedAt: null };
        return true;
      },
      async rewind(now) {
        for (const j of Object.values(t.jobs)) {
          if (toMs(j.runAt) > toMs(now)) Object.assign(j, { state: 'pending', attempts: 0, lastError: null, finishedAt: null });
        }
      },
      async claimDue(now) {
        const due = Object.values(t.jobs)
          .filter((j) => j.state === 'pending' && toMs(j.runAt) <= toMs(now))
          .sort((a, b) => toMs(a.runAt) - toMs(b.runAt) || (a.id < b.id ? -1 : 1));
        return copy(due[0] ?? null);
      },
      async finish(id, state, at, error) {
        const j = own(t.jobs, id);
        if (!j) return;
        Object.assign(j, { state, attempts: j.attempts + 1, lastError: error ?? null, finishedAt: state === 'pending' ? null : at });
      },
      async nextRunAt() {
        const pending = Object.values(t.jobs).filter((j) => j.state === 'pending').sort((a, b) => toMs(a.runAt) - toMs(b.runAt));
        return pending[0]?.runAt ?? null;
      },
      async list() {
        return clone(Object.values(t.jobs).sort((a, b) => toMs(a.runAt) - toMs(b.runAt) || (a.id < b.id ? -1 : 1)));
      },
    },
    audit: {
      async append(r) {
        t.audit.push(clone(r));
      },
      async list({ subjectId, actorId, limit }) {
        return clone(t.audit.filter((r) => (!subjectId || r.subjectId === subjectId) && (!actorId || r.actorId === actorId)).slice(-limit).reverse());
      },
    },
    staff: {
      async insert(s) {
        if (own(t.staff, s.id) || Object.values(t.staff).some((x) => x.tokenHash === s.tokenHash)) throw new ConstraintViolation('unique');
        t.staff[s.id] = clone(s);
      },
      async byTokenHash(hash) {
        return copy(Object.values(t.staff).find((s) => s.tokenHash === hash) ?? null);
      },
      async get(id) {
        return copy(own(t.staff, id));
      },
      async revoke(id, at) {
        const s = own(t.staff, id);
        if (s && !s.revokedAt) s.revokedAt = at;
      },
      async list() {
        return clone(Object.values(t.staff));
      },
    },
    messages: {
      async record({ kind, key, at, items }) {
        const added: string[] = [];
        for (const { applicationId, detail } of items) {
          const app = own(t.applications, applicationId);
          if (!app || t.messages.some((m) => m.applicationId === applicationId && m.kind === kind && m.key === key)) continue;
          const n = ((own(t.settings, 'seq:messages') as number | null) ?? 0) + 1;
          t.settings['seq:messages'] = n;
          t.messages.push({ id: String(n), accountId: app.accountId, applicationId, kind, key, childNameMasked: app.childNameMasked, detail: clone(detail ?? {}), createdAt: at, readAt: null, pushedAt: null });
          added.push(String(n));
        }
        return added;
      },
      async listByAccount(accountId, limit) {
        return clone(t.messages.filter((m) => m.accountId === accountId).reverse().slice(0, limit));
      },
      async unreadCount(accountId) {
        return t.messages.filter((m) => m.accountId === accountId && !m.readAt).length;
      },
      async markRead(accountId, id, at) {
        const m = t.messages.find((x) => x.id === id && x.accountId === accountId);
        if (!m) return false;
        m.readAt ??= at;
        return true;
      },
      async unpushed(limit) {
        return clone(t.messages.filter((m) => !m.pushedAt).slice(0, limit)).map((m) => ({ ...m, pushWanted: own(t.pushConsents, m.accountId)?.kinds.includes(m.kind) ?? false }));
      },
      async markPushed(ids, at) {
        for (const m of t.messages) if (ids.includes(m.id) && !m.pushedAt) m.pushedAt = at;
      },
    },
    pushConsents: {
      async get(accountId) {
        return copy(own(t.pushConsents, accountId));
      },
      async put(accountId, kinds, at) {
        needAccount(accountId, 'push_consents');
        t.pushConsents[accountId] = { kinds: [...kinds], updatedAt: at };
      },
    },
    settings: {
      async get<T>(key: string) {
        return copy(own(t.settings, key) as T | null);
      },
      async put(key, value) {
        t.settings[key] = clone(value);
      },
      async next(sequence) {
        const n = ((own(t.settings, sequence) as number | null) ?? 0) + 1;
        t.settings[sequence] = n;
        return n;
      },
    },
  };
}

/**
 * The repositories with every call's failure remembered: a transaction one of whose calls failed
 * fails as a whole even when its caller caught the error (as PostgreSQL refuses the rest of it).
 */
function remembering(repos: Repositories, failed: { error: unknown }): Repositories {
  const wrapped: Record<string, Record<string, unknown>> = {};
  for (const [name, repo] of Object.entries(repos) as Array<[string, Record<string, (...args: unknown[]) => Promise<unknown>>]>) {
    wrapped[name] = {};
    for (const [method, call] of Object.entries(repo)) {
      wrapped[name][method] = async (...args: unknown[]) => {
        try {
          return await call(...args);
        } catch (error) {
          if (failed.error === undefined) failed.error = error;
          throw error;
        }
      };
    }
  }
  return wrapped as unknown as Repositories;
}

export function createMemoryStore(initial: MemoryTables = emptyTables(), persistence?: MemoryPersistence): Store & { tables(): MemoryTables } {
  let committed = clone(initial);
  const blobs = new Map<string, Uint8Array>();
  let queue: Promise<unknown> = Promise.resolve();
  // One transaction at a time, as SERIALIZABLE as it gets: no two interleave.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    transaction(fn) {
      return serial(async () => {
        const working = clone(committed);
        const failed: { error: unknown } = { error: undefined };
        const result = await fn(remembering(repositories(working, blobs, persistence), failed));
        if (failed.error !== undefined) throw failed.error;
        committed = working;
        await persistence?.saveTables(committed);
        return result;
      });
    },
    read(fn) {
      // A snapshot: the committed tables are replaced, never changed, by a commit.
      return fn(repositories(committed, blobs, persistence));
    },
    reset() {
      return serial(async () => {
        committed = emptyTables();
        blobs.clear();
        await persistence?.saveTables(committed);
      });
    },
    async close() {
      await queue;
    },
    tables: () => committed,
  };
}
