-- The enrolment server's schema: one table per repository of the Store port (server/ports/store.ts),
-- with the port's invariants as constraints. Instants are kept as the ISO text the use cases wrote
-- (round-trips exactly; ordered with COLLATE "C" as the memory adapter compares strings), with a
-- millisecond column beside the ones compared as instants. `seq` columns keep insertion order, the
-- tie-breaker of every list. Documents the port stores whole (applications, upkeep, lottery
-- commitments, job payloads, audit detail, settings) are jsonb.

create function forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'restrict_violation';
end;
$$;

create table accounts (
  id text primary key,
  seq bigserial not null,
  id_number text not null constraint accounts_id_number_key unique,
  name text not null,
  phone text not null,
  created_at text not null
);

create table sessions (
  token_hash text primary key,
  account_id text not null references accounts (id),
  created_at_ms bigint not null,
  expires_at_ms bigint not null
);
create index sessions_account on sessions (account_id);

create table face_verifications (
  id text primary key,
  provider text not null,
  verify_id text not null,
  created_at_ms bigint not null,
  expires_at_ms bigint not null,
  used_at_ms bigint
);

create table children (
  id text constraint children_pkey primary key,
  seq bigserial not null,
  id_number text not null constraint children_id_number_key unique,
  birth_certificate_name text not null,
  real_name text,
  birth_date text not null,
  sex text not null check (sex in ('male', 'female')),
  name_frozen_at text,
  created_at text not null
);

create table guardianships (
  child_id text not null references children (id),
  account_id text not null references accounts (id),
  seq bigserial not null,
  relationship text not null check (relationship in ('father', 'mother', 'grandparent', 'otherGuardian')),
  source text not null check (source in ('birthRecord', 'manual')),
  proof_required boolean not null,
  verified_priority boolean not null,
  created_at text not null,
  constraint guardianships_pkey primary key (child_id, account_id)
);
create index guardianships_account on guardianships (account_id, seq);
create index guardianships_child on guardianships (child_id, seq);

create table upkeep (
  account_id text not null references accounts (id),
  child_id text not null references children (id),
  info jsonb not null,
  primary key (account_id, child_id)
);

create table blobs (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bytea not null
);

create table uploads (
  file_id text primary key,
  seq bigserial not null,
  account_id text not null references accounts (id),
  material_code text not null check (material_code in (
    'householdRegister', 'birthCertificate', 'propertyCertificate', 'noPropertyProof', 'marriageCertificate',
    'residencePermit', 'employmentProof', 'rentalContract', 'disabilityCertificate', 'specialGroupProof',
    'guardianId', 'schoolRollProof')),
  district_code text,
  sha256 text not null references blobs (sha256),
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp')),
  size integer not null check (size >= 0),
  width integer not null,
  height integer not null,
  uploaded_at text not null
);
create index uploads_account on uploads (account_id);
create index uploads_newest on uploads (uploaded_at collate "C" desc, seq desc);

create table applications (
  id text primary key,
  seq bigserial not null,
  account_id text not null references accounts (id),
  child_id text not null references children (id),
  school_id text not null,
  district_code text not null,
  status text not null check (status in (
    'draft', 'submitted', 'withdrawn', 'underReview', 'correctionRequested', 'resubmitted', 'approved', 'rejected',
    'privateRegistered', 'lotteryWon', 'admittedWithoutLottery', 'lotteryLost', 'forfeited', 'confirmed',
    'noticeIssued', 'checkedIn')),
  created_at text not null,
  -- submittedAt, else createdAt: the review queue's order.
  queued_at text not null,
  confirm_by_ms bigint,
  -- The whole StoredApplication (status, updatedAt… kept in step with the columns above).
  doc jsonb not null,
  check (doc ->> 'id' = id and doc ->> 'status' = status and doc ->> 'childId' = child_id and doc ->> 'accountId' = account_id)
);
-- One live application per child (Q21, 不可兼报): the statuses of liveStatuses in src/domain/status.ts.
create unique index applications_one_live_per_child on applications (child_id) where status in (
  'submitted', 'underReview', 'correctionRequested', 'resubmitted', 'approved', 'privateRegistered', 'lotteryWon',
  'admittedWithoutLottery', 'confirmed', 'noticeIssued', 'checkedIn');
create index applications_account on applications (account_id, seq);
create index applications_child on applications (child_id, seq);
create index applications_school_status on applications (school_id, status, seq);
create index applications_district_queue on applications (district_code, status, queued_at collate "C", seq);
create index applications_status_confirm on applications (status, confirm_by_ms);
create index applications_newest on applications (created_at collate "C" desc, seq desc);

-- Status history: appended, never rewritten.
create table application_history (
  seq bigserial primary key,
  application_id text not null references applications (id),
  at text not null,
  from_status text check (from_status in (
    'draft', 'submitted', 'withdrawn', 'underReview', 'correctionRequested', 'resubmitted', 'approved', 'rejected',
    'privateRegistered', 'lotteryWon', 'admittedWithoutLottery', 'lotteryLost', 'forfeited', 'confirmed',
    'noticeIssued', 'checkedIn')),
  to_status text not null check (to_status in (
    'draft', 'submitted', 'withdrawn', 'underReview', 'correctionRequested', 'resubmitted', 'approved', 'rejected',
    'privateRegistered', 'lotteryWon', 'admittedWithoutLottery', 'lotteryLost', 'forfeited', 'confirmed',
    'noticeIssued', 'checkedIn')),
  action text not null check (action in (
    'create', 'submit', 'withdraw', 'startReview', 'requestCorrection', 'resubmit', 'approve', 'reject',
    'registerPrivate', 'drawWon', 'drawLost', 'admitWithoutLottery', 'confirm', 'forfeit', 'issueNotice', 'checkIn')),
  actor text not null check (actor in ('parent', 'reviewer', 'system', 'teacher')),
  note text
);
create index application_history_app on application_history (application_id, seq);
create trigger application_history_append_only before update or delete on application_history
  for each row execute function forbid_change();

create table idempotency (
  account_id text not null references accounts (id),
  scope text not null,
  key text not null,
  body_hash text not null,
  result_id text not null,
  created_at text not null,
  constraint idempotency_pkey primary key (account_id, scope, key)
);

create table lottery_commitments (
  school_id text primary key,
  draw_id text not null constraint lottery_commitments_draw_id_key unique,
  doc jsonb not null,
  check (doc ->> 'schoolId' = school_id and doc ->> 'drawId' = draw_id)
);

create table jobs (
  id text primary key,
  seq bigserial not null,
  kind text not null,
  key text not null,
  run_at text not null,
  run_at_ms bigint not null,
  payload jsonb not null,
  state text not null check (state in ('pending', 'done', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  finished_at text,
  constraint jobs_kind_key unique (kind, key)
);
create index jobs_due on jobs (state, run_at_ms, id collate "C");

-- Who did what: appended, never rewritten.
create table audit (
  seq bigserial primary key,
  at text not null,
  actor_kind text not null check (actor_kind in ('staff', 'parent', 'system', 'qa')),
  actor_id text not null,
  action text not null,
  subject_kind text not null,
  subject_id text not null,
  before_status text,
  after_status text,
  detail jsonb not null,
  trace_id text not null
);
create index audit_subject on audit (subject_id, seq);
create index audit_actor on audit (actor_id, seq);
create trigger audit_append_only before update or delete on audit
  for each row execute function forbid_change();

create table staff (
  id text primary key,
  seq bigserial not null,
  name text not null,
  role text not null check (role in ('reviewer', 'lotteryOperator')),
  district_code text,
  token_hash text not null constraint staff_token_hash_key unique,
  created_at text not null,
  revoked_at text
);

create table settings (
  key text primary key,
  value jsonb not null
);
