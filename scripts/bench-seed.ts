/**
 * Seeds a PostgreSQL database (the bench's throwaway cluster) with the whole city: 600,000 children
 * across the 41 districts of 2024, 400,000 parent accounts (one in two holds two children), their
 * guardianships, and applications to the 2024 schools across the lifecycle (submitted, in review,
 * correction, resubmitted, approved, rejected, withdrawn, confirmed, and private registrations for
 * the lottery), each with its status history. Bulk SQL (INSERT … SELECT generate_series), after the
 * server's own migrations, so every constraint of server/migrations holds.
 *
 *   DATABASE_URL=postgres://… npx tsx scripts/bench-seed.ts [--children=600000]
 *
 * Pre-issued sessions (hashed as the session use case stores them) for the accounts the load uses:
 * token `bench-session-token-${n}` for account n of the fresh pool (freshAccounts below).
 */
import postgres from 'postgres';
import { phasePeriod } from '@/domain/calendar';
import { createStaticReference } from '../server/data/reference';
import { openStore } from '../server/adapters/sql/open';
import { sampleUpkeep } from '../server/qa/scenarioKit';

export const YEAR = 2024;
export const CITY_CHILDREN = 600_000;

export interface SeedShape {
  children: number;
  accounts: number;
}

export const shapeOf = (children: number): SeedShape => ({ children, accounts: Math.round((children * 2) / 3) });

/** Child n's account: accounts 1..children-accounts hold two children (n and n + accounts), the rest one. */
export const accountOfChild = (shape: SeedShape, n: number) => ((n - 1) % shape.accounts) + 1;

/** The accounts whose only child has no application yet (n % 100 < 40, single-child accounts): the load's parents. */
export function freshAccounts(shape: SeedShape): number[] {
  const out: number[] = [];
  for (let a = shape.children - shape.accounts + 1; a <= shape.accounts; a++) if (a % 100 < 40) out.push(a);
  return out;
}

export const pad = (n: number, width = 7) => String(n).padStart(width, '0');
export const accountId = (n: number) => `BA${pad(n)}`;
export const childId = (n: number) => `BC${pad(n)}`;
/** At least 16 characters, as the bearer parser requires. */
export const benchToken = (n: number) => `bench-session-token-${n}`;

/** The district of child n (the 41 education units of 2024, round robin) and its stage. */
export function districtCodes(): string[] {
  return createStaticReference()
    .districts(YEAR)
    .map((d) => d.code);
}
export const districtOfChild = (codes: string[], n: number) => codes[n % codes.length];
export const stageOfChild = (n: number) => (n % 2 === 0 ? 'primary' : 'junior');

/**
 * The lifecycle mix, by n % 100 for children with an application (n % 100 >= 40): the status and the
 * steps that led there (from the state machine of src/domain/status.ts).
 */
const PATHS: Array<{ from: number; to: number; status: string; steps: Array<[string | null, string, string, string]> }> = (() => {
  const create: [null, string, string, string] = [null, 'draft', 'create', 'parent'];
  const submit: [string, string, string, string] = ['draft', 'submitted', 'submit', 'parent'];
  const review: [string, string, string, string] = ['submitted', 'underReview', 'startReview', 'reviewer'];
  return [
    { from: 40, to: 59, status: 'submitted', steps: [create, submit] },
    { from: 60, to: 69, status: 'underReview', steps: [create, submit, review] },
    { from: 70, to: 72, status: 'correctionRequested', steps: [create, submit, review, ['underReview', 'correctionRequested', 'requestCorrection', 'reviewer']] },
    {
      from: 73,
      to: 74,
      status: 'resubmitted',
      steps: [create, submit, review, ['underReview', 'correctionRequested', 'requestCorrection', 'reviewer'], ['correctionRequested', 'resubmitted', 'resubmit', 'parent']],
    },
    { from: 75, to: 84, status: 'approved', steps: [create, submit, review, ['underReview', 'approved', 'approve', 'reviewer']] },
    { from: 85, to: 86, status: 'rejected', steps: [create, submit, review, ['underReview', 'rejected', 'reject', 'reviewer']] },
    { from: 87, to: 88, status: 'withdrawn', steps: [create, submit, ['submitted', 'withdrawn', 'withdraw', 'parent']] },
    { from: 89, to: 97, status: 'privateRegistered', steps: [create, ['draft', 'privateRegistered', 'registerPrivate', 'parent']] },
    { from: 98, to: 99, status: 'confirmed', steps: [create, submit, review, ['underReview', 'approved', 'approve', 'reviewer'], ['approved', 'confirmed', 'confirm', 'parent']] },
  ];
})();

export async function seedCity(databaseUrl: string, shape: SeedShape, log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<{ ms: number; counts: Record<string, number> }> {
  const t0 = Date.now();
  // The server's migrations first (what startNodeServer would run on open).
  const opened = await openStore({ databaseUrl, dataDir: '/nonexistent' });
  await opened.close();

  const reference = createStaticReference();
  const codes = districtCodes();
  const schools = reference.schools(YEAR);
  const calendar = reference.calendar(YEAR);
  const confirmationEnd = phasePeriod(calendar, 'confirmation')!.end;
  const upkeep = sampleUpkeep('two-children');

  // One connection: the temporary tables below live in it.
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    await sql.unsafe('set synchronous_commit = off');
    await sql.unsafe(`create temp table b_district (idx int primary key, code text not null)`);
    await sql`insert into b_district ${sql(codes.map((code, idx) => ({ idx, code })))}`;
    await sql.unsafe(`create temp table b_school (district_code text, stage text, n int, id text, name text, type text, nature text, primary key (district_code, stage, n))`);
    const schoolRows = schools.map((s) => ({ district_code: s.districtCode, stage: s.stage, n: Number(s.id.split('-').pop()), id: s.id, name: s.name, type: s.type, nature: s.nature }));
    for (let i = 0; i < schoolRows.length; i += 500) await sql`insert into b_school ${sql(schoolRows.slice(i, i + 500))}`;
    const publicN = [...new Set(schools.filter((s) => s.nature === 'public').map((s) => Number(s.id.split('-').pop())))].sort((a, b) => a - b);
    const privateN = [...new Set(schools.filter((s) => s.nature === 'private').map((s) => Number(s.id.split('-').pop())))].sort((a, b) => a - b);
    await sql.unsafe(`create temp table b_path (status text, step int, from_status text, to_status text, action text, actor text)`);
    await sql`insert into b_path ${sql(PATHS.flatMap((p) => p.steps.map(([from_status, to_status, action, actor], step) => ({ status: p.status, step, from_status, to_status, action, actor }))))}`;
    await sql.unsafe(`create temp table b_mix (r int primary key, status text)`);
    await sql`insert into b_mix ${sql(PATHS.flatMap((p) => Array.from({ length: p.to - p.from + 1 }, (_, k) => ({ r: p.from + k, status: p.status }))))}`;

    const step = async (label: string, text: string, params: unknown[] = []) => {
      const t = Date.now();
      const r = await sql.unsafe(text, params as never[]);
      log(`  seed ${label}: ${r.count} rows, ${((Date.now() - t) / 1000).toFixed(1)} s`);
      return r.count;
    };
    const N = shape.children;
    const A = shape.accounts;
    const counts: Record<string, number> = {};
    const iso = (expr: string) => `to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS".000+08:00"')`;

    counts.accounts = await step(
      'accounts',
      `insert into accounts (id, id_number, name, phone, created_at)
       select 'BA' || lpad(a::text, 7, '0'), '51' || lpad(a::text, 15, '0') || 'X', '家长' || a, '139' || lpad(a::text, 8, '0'), ${iso(`timestamp '2024-05-07 08:00' + (a % 86400) * interval '1 second'`)}
       from generate_series(1, $1::int) a`,
      [A],
    );
    counts.children = await step(
      'children',
      `insert into children (id, id_number, birth_certificate_name, real_name, birth_date, sex, name_frozen_at, created_at)
       select 'BC' || lpad(n::text, 7, '0'), d.code || lpad(n::text, 11, '0') || 'X', '孩子' || n, null,
         to_char((case when n % 2 = 0 then date '2017-09-01' else date '2011-09-01' end) + (n % 360), 'YYYY-MM-DD'),
         case when (n / 2) % 2 = 0 then 'male' else 'female' end, null, ${iso(`timestamp '2024-05-07 08:00' + (n % 86400) * interval '1 second'`)}
       from generate_series(1, $1::int) n join b_district d on d.idx = n % ${codes.length}`,
      [N],
    );
    counts.guardianships = await step(
      'guardianships',
      `insert into guardianships (child_id, account_id, relationship, source, proof_required, verified_priority, created_at)
       select 'BC' || lpad(n::text, 7, '0'), 'BA' || lpad((((n - 1) % $2::int) + 1)::text, 7, '0'), case when n % 3 = 0 then 'father' else 'mother' end,
         'birthRecord', false, n % 50 = 0, ${iso(`timestamp '2024-05-07 08:00' + (n % 86400) * interval '1 second'`)}
       from generate_series(1, $1::int) n`,
      [N, A],
    );
    // Applications: every child with n % 100 >= 40, status by the mix, a school of its district and stage.
    counts.applications = await step(
      'applications',
      `insert into applications (id, account_id, child_id, school_id, district_code, status, created_at, queued_at, confirm_by_ms, doc)
       select x.app_id, x.acc, x.child, s.id, s.district_code, x.status, x.at, x.at, x.confirm_ms,
         jsonb_build_object(
           'id', x.app_id, 'number', 'RX${YEAR}' || s.district_code || lpad(x.n::text, 7, '0'), 'childId', x.child, 'childNameMasked', '孩*',
           'stage', s.stage, 'districtCode', s.district_code, 'nature', s.nature, 'schoolType', s.type, 'schoolId', s.id, 'schoolName', s.name,
           'source', 'localHukou', 'status', x.status, 'materials', '{}'::jsonb, 'upkeep', $3::jsonb, 'verification', '[]'::jsonb,
           'submittedAt', x.at, 'reportCodeAvailable', false, 'publicFallback', false, 'createdAt', x.at, 'updatedAt', x.at,
           'accountId', x.acc, 'approvedChildName', case when x.status in ('approved', 'confirmed') then '孩子' || x.n end)
         || case when x.status in ('approved', 'confirmed') then jsonb_build_object('confirmBy', $4::text) else '{}'::jsonb end
       from (
         select n, 'SA' || lpad(n::text, 7, '0') as app_id, 'BA' || lpad((((n - 1) % $2::int) + 1)::text, 7, '0') as acc, 'BC' || lpad(n::text, 7, '0') as child,
           m.status, d.code, case when n % 2 = 0 then 'primary' else 'junior' end as stage,
           ${iso(`timestamp '2024-06-03 08:00' + (n % 500000) * interval '1 second'`)} as at,
           case when m.status in ('approved', 'confirmed') then $5::bigint end as confirm_ms,
           case when m.status = 'privateRegistered' then (array[${privateN.join(',')}])[1 + (n / 100) % ${privateN.length}]
                else (array[${publicN.join(',')}])[1 + (n / 100) % ${publicN.length}] end as school_n
         from generate_series(1, $1::int) n
         join b_district d on d.idx = n % ${codes.length}
         join b_mix m on m.r = n % 100
       ) x
       join b_school s on s.district_code = x.code and s.stage = x.stage and s.n = x.school_n`,
      [N, A, JSON.stringify({ ...upkeep }), confirmationEnd, Date.parse(confirmationEnd)],
    );
    counts.history = await step(
      'application_history',
      `insert into application_history (application_id, at, from_status, to_status, action, actor, note)
       select a.id, a.created_at, p.from_status, p.to_status, p.action, p.actor, null
       from applications a join b_path p on p.status = a.status
       where a.id like 'SA%'
       order by a.seq, p.step`,
    );
    counts.idempotency = await step(
      'idempotency',
      `insert into idempotency (account_id, scope, key, body_hash, result_id, created_at)
       select account_id, 'submit', 'seed-' || id, md5(id) || md5(id), id, created_at from applications where id like 'SA%'`,
    );
    const fresh = freshAccounts(shape);
    counts.sessions = await step(
      'sessions (pre-issued, hashed)',
      `insert into sessions (token_hash, account_id, created_at_ms, expires_at_ms)
       select encode(sha256(convert_to('token|bench-session-token-' || a, 'UTF8')), 'hex'), 'BA' || lpad(a::text, 7, '0'), $2::bigint, $2::bigint + 86400000::bigint * 30
       from unnest($1::int[]) a`,
      [fresh, Date.now()],
    );
    // The ids the use cases draw from sequences start after the seed's (they use other prefixes anyway).
    await step('analyze', 'analyze');
    return { ms: Date.now() - t0, counts };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL=postgres://… is required (e.g. node scripts/pg-test-cluster.mjs start)');
  const arg = process.argv.find((a) => a.startsWith('--children='));
  const children = arg ? Number(arg.slice(11)) : CITY_CHILDREN;
  const { ms, counts } = await seedCity(url, shapeOf(children));
  process.stdout.write(`seeded ${JSON.stringify(counts)} in ${(ms / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] && /bench-seed\.ts$/.test(process.argv[1])) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
