/**
 * The enrolment server's storage, as the use cases see it. Every write runs inside
 * `store.transaction`, so a rule checked and a row written happen together or not at all; adapters
 * enforce the invariants as constraints too (one live application per child, one idempotency key
 * per account and scope, append-only history and audit). Adapters: PostgreSQL (PGlite embedded, or a
 * server through DATABASE_URL) and memory (the browser mock, page tests); one contract suite
 * (server/adapters/contract) runs against all of them.
 */
import type {
  ApplicationStatus,
  ChildSource,
  HistoryEntry,
  LotteryEntrant,
  MaterialCode,
  Relationship,
  UpkeepInfo,
  UploadMime,
} from '@contract/api';
import type { Application } from '@contract/application';
import type { StaffRole } from '@contract/staff';
import type { MessageKind } from '@contract/messages';

export type { StaffRole };

export interface AccountRecord {
  id: string;
  /** Full values: masked in every answer, never logged. */
  idNumber: string;
  name: string;
  phone: string;
  createdAt: string;
}

export interface SessionRecord {
  /** sha256 of the bearer token: a database leak does not leak live tokens. */
  tokenHash: string;
  accountId: string;
  createdAtMs: number;
  expiresAtMs: number;
}

export interface FaceVerificationRecord {
  id: string;
  provider: string;
  verifyId: string;
  createdAtMs: number;
  expiresAtMs: number;
  /** Set once a session was issued for it: single use. */
  usedAtMs: number | null;
}

export interface ChildRecord {
  id: string;
  idNumber: string;
  birthCertificateName: string;
  realName: string | null;
  birthDate: string;
  sex: 'male' | 'female';
  /** The name is frozen once an application is approved (notice and report code carry it). */
  nameFrozenAt: string | null;
  createdAt: string;
}

/** How an account holds a child: found on the birth record, or added by hand (needs proof). */
export interface GuardianshipRecord {
  childId: string;
  accountId: string;
  relationship: Relationship;
  source: ChildSource;
  /** Whether proof of the relationship must be reviewed before an application can pass. */
  proofRequired: boolean;
  /** Policy priority (disability etc.) verified by data sharing for this child. */
  verifiedPriority: boolean;
  createdAt: string;
}

export interface UploadMetaRecord {
  fileId: string;
  accountId: string;
  materialCode: MaterialCode;
  districtCode: string | null;
  /** Content hash (hex sha256) the bytes are stored under. */
  sha256: string;
  mime: UploadMime;
  size: number;
  width: number;
  height: number;
  uploadedAt: string;
}

/** An application as stored: the contract's shape without its history, plus the owner. */
export type StoredApplication = Omit<Application, 'history'> & {
  accountId: string;
  /** The reviewed child name (frozen at approval): what notice and report code carry. */
  approvedChildName: string | null;
};

export interface IdempotencyRecord {
  accountId: string;
  scope: string;
  key: string;
  /** sha256 of the canonical request: the same key with another body is refused. */
  bodyHash: string;
  resultId: string;
  createdAt: string;
}

export interface LotteryCommitmentRecord {
  drawId: string;
  schoolId: string;
  places: number;
  listCommitment: string;
  entrantCount: number;
  committedAt: string;
  /** Secret per-draw salt of the pseudonyms: never published, so pseudonyms cannot be linked back. */
  salt: string;
  /** Frozen list: application id -> entrant (pseudonym, tier, family group). Real applications only. */
  entries: Array<{ applicationId: string | null } & LotteryEntrant>;
  /** The public randomness, once fixed (two staff entries that agree), and the draw. */
  randomness: string | null;
  randomnessEntries: Array<{ staffId: string; value: string; at: string }>;
  seed: string | null;
  order: string[] | null;
  drawnAt: string | null;
  /** True when entrants <= places: all admitted, nothing drawn. */
  withoutLottery: boolean;
}

export type JobState = 'pending' | 'done' | 'failed';

export interface JobRecord {
  id: string;
  kind: string;
  /** Unique per kind: scheduling the same job twice is a no-op. */
  key: string;
  runAt: string;
  payload: Record<string, unknown>;
  state: JobState;
  attempts: number;
  lastError: string | null;
  finishedAt: string | null;
}

export interface AuditRecord {
  at: string;
  actorKind: 'staff' | 'parent' | 'system' | 'qa';
  actorId: string;
  action: string;
  subjectKind: string;
  subjectId: string;
  beforeStatus: string | null;
  afterStatus: string | null;
  detail: Record<string, unknown>;
  traceId: string;
}


export interface StaffRecord {
  id: string;
  name: string;
  role: StaffRole;
  /** District scope; null for city-wide roles. */
  districtCode: string | null;
  tokenHash: string;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * A message to a parent (issue 15), recorded in the transaction of the change it tells of. The words
 * are composed when read (src/domain/messages.ts), from the kind and these facts.
 */
export interface MessageRecord {
  /** Readable, increasing: newest first is highest first. */
  id: string;
  /** The application's owner: the only account that reads it. */
  accountId: string;
  applicationId: string;
  kind: MessageKind;
  /** With (application, kind): unique, so a reminder for one deadline is recorded once ('' for a change). */
  key: string;
  childNameMasked: string;
  detail: { deadline?: string; waitingPosition?: number };
  createdAt: string;
  readAt: string | null;
  /** When the host push was sent (or found not wanted); null while it waits for the push step. */
  pushedAt: string | null;
}

/** Thrown by adapters when a uniqueness invariant would break (a unique index in SQL). */
export class ConstraintViolation extends Error {
  constructor(public readonly constraint: 'live_application' | 'idempotency' | 'child_id_number' | 'guardianship' | 'unique') {
    super(`constraint violated: ${constraint}`);
  }
}

export interface Repositories {
  accounts: {
    byIdNumber(idNumber: string): Promise<AccountRecord | null>;
    get(id: string): Promise<AccountRecord | null>;
    insert(account: AccountRecord): Promise<void>;
  };
  sessions: {
    insert(session: SessionRecord): Promise<void>;
    get(tokenHash: string): Promise<SessionRecord | null>;
    /** The session and its account in one read (every authenticated request asks this). */
    withAccount(tokenHash: string): Promise<{ session: SessionRecord; account: AccountRecord } | null>;
    delete(tokenHash: string): Promise<void>;
  };
  faceVerifications: {
    insert(record: FaceVerificationRecord): Promise<void>;
    get(id: string): Promise<FaceVerificationRecord | null>;
    /** Marks it used; false if it was already used (a replay). */
    markUsed(id: string, atMs: number): Promise<boolean>;
  };
  children: {
    get(id: string): Promise<ChildRecord | null>;
    /** Several children in one call (the lottery's freeze): the ones found, in any order. */
    getMany(ids: string[]): Promise<ChildRecord[]>;
    byIdNumber(idNumber: string): Promise<ChildRecord | null>;
    insert(child: ChildRecord): Promise<void>;
    update(child: ChildRecord): Promise<void>;
    /** Serialises writes about one child (row lock in SQL) until the transaction ends. */
    lock(id: string): Promise<void>;
    /** Every child, oldest first (QA only). */
    listAll(limit: number): Promise<ChildRecord[]>;
  };
  guardianships: {
    get(childId: string, accountId: string): Promise<GuardianshipRecord | null>;
    listByAccount(accountId: string): Promise<GuardianshipRecord[]>;
    listByChild(childId: string): Promise<GuardianshipRecord[]>;
    insert(g: GuardianshipRecord): Promise<void>;
    update(g: GuardianshipRecord): Promise<void>;
  };
  upkeep: {
    get(accountId: string, childId: string): Promise<UpkeepInfo | null>;
    put(accountId: string, childId: string, info: UpkeepInfo): Promise<void>;
  };
  uploads: {
    insert(meta: UploadMetaRecord): Promise<void>;
    get(fileId: string): Promise<UploadMetaRecord | null>;
    getMany(fileIds: string[]): Promise<UploadMetaRecord[]>;
    countByAccount(accountId: string): Promise<{ files: number; bytes: number }>;
    /** Every upload, newest first (QA only). */
    listAll(limit: number): Promise<UploadMetaRecord[]>;
  };
  blobs: {
    /** Content-addressed: putting the same bytes twice keeps one copy. */
    put(sha256: string, bytes: Uint8Array): Promise<void>;
    get(sha256: string): Promise<Uint8Array | null>;
  };
  applications: {
    get(id: string): Promise<StoredApplication | null>;
    history(id: string): Promise<HistoryEntry[]>;
    historyOf(ids: string[]): Promise<Map<string, HistoryEntry[]>>;
    listByAccount(accountId: string): Promise<StoredApplication[]>;
    listByChild(childId: string): Promise<StoredApplication[]>;
    /** ConstraintViolation('live_application') when the child already has a live one. */
    insert(app: StoredApplication, history: HistoryEntry[]): Promise<void>;
    /** Writes the new row and appends history entries (history is never rewritten). */
    update(app: StoredApplication, appended: HistoryEntry[]): Promise<void>;
    /**
     * Set-based, for the lottery's decision: each listed application still in `from` gets its
     * `patch` merged into the row (top-level fields; `status` always, `confirmBy` when given, never
     * the row's keys: id, accountId, childId, schoolId, districtCode, createdAt, submittedAt) and its
     * one history entry appended; one no longer in `from` (or missing) is left alone. Answers the
     * ids moved.
     */
    patchMany(from: ApplicationStatus, items: Array<{ id: string; patch: PatchOfApplication; entry: HistoryEntry }>): Promise<string[]>;
    /** Applications of a school in a status, for the lottery. */
    listBySchool(schoolId: string, status: ApplicationStatus): Promise<StoredApplication[]>;
    /** Schools that have applications in a status (for the lottery jobs). */
    schoolsWithStatus(status: ApplicationStatus): Promise<string[]>;
    /** For review: a district's applications in the given statuses, oldest first. */
    listByDistrict(districtCode: string, statuses: ApplicationStatus[], limit: number): Promise<StoredApplication[]>;
    /**
     * Set-based deadline step: every application in `from` whose `confirmBy <= at` moves to `to`,
     * with one history entry each (dated at its own confirmBy). Returns the ids moved.
     */
    expireUnconfirmed(args: { from: ApplicationStatus[]; to: ApplicationStatus; action: HistoryEntry['action']; at: string; note: string }): Promise<string[]>;
    /** Set-based: every application in `from` moves to `to` at `at` (notices). Returns the ids moved. */
    moveAll(args: { from: ApplicationStatus; to: ApplicationStatus; action: HistoryEntry['action']; at: string; note: string; reportCodeAvailable?: boolean }): Promise<string[]>;
    /** Every application, newest first (QA and invariant checks only). */
    listAll(limit: number): Promise<StoredApplication[]>;
    /** Ids of applications in `statuses` whose confirmBy lies in [fromAt, toAt) (the day-before reminders). */
    confirmDueBetween(statuses: ApplicationStatus[], fromAt: string, toAt: string): Promise<string[]>;
    /** Live applications of every child (for the invariant checks of tests and the bench). */
    countLivePerChildOverOne(liveStatuses: ApplicationStatus[]): Promise<number>;
  };
  idempotency: {
    get(accountId: string, scope: string, key: string): Promise<IdempotencyRecord | null>;
    /** ConstraintViolation('idempotency') on a duplicate (account, scope, key). */
    insert(record: IdempotencyRecord): Promise<void>;
  };
  lottery: {
    commitment(schoolId: string): Promise<LotteryCommitmentRecord | null>;
    byDrawId(drawId: string): Promise<LotteryCommitmentRecord | null>;
    listCommitments(): Promise<LotteryCommitmentRecord[]>;
    insert(record: LotteryCommitmentRecord): Promise<void>;
    update(record: LotteryCommitmentRecord): Promise<void>;
  };
  jobs: {
    /** Inserts unless (kind, key) exists; returns whether it was new. */
    schedule(job: Omit<JobRecord, 'state' | 'attempts' | 'lastError' | 'finishedAt'>): Promise<boolean>;
    /** Development clock moved back: jobs after `now` are pending again. */
    rewind(now: string): Promise<void>;
    /** The next due pending job, locked for this transaction (FOR UPDATE SKIP LOCKED in SQL). */
    claimDue(now: string): Promise<JobRecord | null>;
    /** Records an attempt: the new state (pending again to retry), attempts + 1, the error if any. */
    finish(id: string, state: JobState, at: string, error?: string): Promise<void>;
    nextRunAt(): Promise<string | null>;
    list(): Promise<JobRecord[]>;
  };
  audit: {
    append(record: AuditRecord): Promise<void>;
    list(filter: { subjectId?: string; actorId?: string; limit: number }): Promise<AuditRecord[]>;
  };
  staff: {
    insert(staff: StaffRecord): Promise<void>;
    byTokenHash(tokenHash: string): Promise<StaffRecord | null>;
    get(id: string): Promise<StaffRecord | null>;
    revoke(id: string, at: string): Promise<void>;
    list(): Promise<StaffRecord[]>;
  };
  messages: {
    /**
     * Set-based: one message of `kind` and `key` for each listed application, to its owner, with the
     * application's masked child name; one whose (application, kind, key) exists is skipped (a
     * reminder twice is one). Unknown ids are skipped. Answers the new messages' ids.
     */
    record(args: { kind: MessageKind; key: string; at: string; items: Array<{ applicationId: string; detail?: MessageRecord['detail'] }> }): Promise<string[]>;
    /** The account's messages, newest first. */
    listByAccount(accountId: string, limit: number): Promise<MessageRecord[]>;
    unreadCount(accountId: string): Promise<number>;
    /** Marks the account's own message read (once: the first read time stays); false when it is not theirs. */
    markRead(accountId: string, id: string, at: string): Promise<boolean>;
    /** Messages whose push step has not run, oldest first, each with whether its owner consented to its kind (the push job). */
    unpushed(limit: number): Promise<Array<MessageRecord & { pushWanted: boolean }>>;
    markPushed(ids: string[], at: string): Promise<void>;
  };
  pushConsents: {
    get(accountId: string): Promise<{ kinds: MessageKind[]; updatedAt: string } | null>;
    /** Replaces the account's answer. */
    put(accountId: string, kinds: MessageKind[], at: string): Promise<void>;
  };
  /** Small named values: sequences for readable ids, and the dev host's settings (QA clock…). */
  settings: {
    get<T>(key: string): Promise<T | null>;
    put<T>(key: string, value: T): Promise<void>;
    /** Atomically increments a named counter and returns the new value. */
    next(sequence: string): Promise<number>;
  };
}

/** What patchMany may change of an application: its status and fields that are not the row's keys. */
export type PatchOfApplication = { status: ApplicationStatus } & Partial<
  Omit<StoredApplication, 'id' | 'accountId' | 'childId' | 'schoolId' | 'districtCode' | 'createdAt' | 'submittedAt' | 'status'>
>;

export interface Store {
  /** Runs fn in one transaction; its writes are kept only when it resolves. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Runs reads without a transaction (each read sees committed data). */
  read<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Empties every table (QA reset, tests). */
  reset(): Promise<void>;
  close(): Promise<void>;
}
