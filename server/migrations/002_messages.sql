-- 消息 (issue 15): what a parent is told about their application, recorded in the transaction of the
-- change. The words are composed when read (src/domain/messages.ts) from the kind and these facts.
create table messages (
  seq bigserial primary key,
  account_id text not null references accounts (id),
  application_id text not null references applications (id),
  kind text not null check (kind in (
    'correctionRequested', 'approved', 'rejected', 'admitted', 'waitlisted', 'notAdmitted', 'forfeited',
    'noticeIssued', 'correctionDue', 'confirmationDue')),
  -- '' for a change; the deadline of a reminder: one reminder per deadline per application.
  key text not null,
  child_name_masked text not null,
  detail jsonb not null default '{}'::jsonb check (jsonb_typeof(detail) = 'object'),
  created_at text not null,
  read_at text,
  pushed_at text,
  constraint messages_once unique (application_id, kind, key),
  -- A reminder names its deadline; a change has none.
  check ((kind in ('correctionDue', 'confirmationDue')) = (key <> ''))
);
create index messages_account on messages (account_id, seq desc);
create index messages_unread on messages (account_id) where read_at is null;
create index messages_unpushed on messages (seq) where pushed_at is null;

-- The kinds a parent allowed, in the host's consent sheet, to be pushed (订阅消息); one row per account.
create table push_consents (
  account_id text primary key references accounts (id),
  kinds text[] not null check (kinds <@ array[
    'correctionRequested', 'approved', 'rejected', 'admitted', 'waitlisted', 'notAdmitted', 'forfeited',
    'noticeIssued', 'correctionDue', 'confirmationDue']::text[]),
  updated_at text not null
);
