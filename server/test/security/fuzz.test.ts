/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- generated bodies are any JSON by design */
/**
 * Fuzzing every request schema over HTTP (issue 12, "Done when"): for every route with a body,
 * params or a query, FUZZ_RUNS generated invalid requests — mutations of a valid request (wrong
 * types, hostile keys such as __proto__ at any depth, unknown keys, missing keys, huge and unicode
 * strings, deep nesting), random JSON, broken JSON text, wrong content types; hostile ids; hostile
 * upload bytes and headers. Every answer must be < 500, no invalid request may be accepted (2xx),
 * and nothing may change: every table is compared before and after each route. Figures are printed.
 */
import fc from 'fast-check';
import type { ZodType } from 'zod';
import {
  AddChildRequestSchema,
  BeginFaceVerificationRequestSchema,
  CreateSessionRequestSchema,
  IdSchema,
  MAX_JSON_BODY_BYTES,
  MaterialsQuerySchema,
  ResubmitRequestSchema,
  SaveUpkeepRequestSchema,
  SchoolsQuerySchema,
  SubmitApplicationRequestSchema,
  UpdateChildRequestSchema,
  YearQuerySchema,
} from '@contract/api';
import { AuditQuerySchema, DrawParamsSchema, RandomnessRequestSchema, ReviewRequestSchema, StaffApplicationsQuerySchema } from '@contract/staff';
import type { EnrolmentServer } from '../../compose';
import { sampleJpeg, samplePng } from '../../lib/sampleImages';
import { sampleUpkeep } from '../../qa/scenarioKit';
import { submissionBody } from '../submission';
import { HOSTILE_KEYS, jsonDepthExceeds, MAX_JSON_DEPTH } from '../../security/jsonGuard';
import { issueStaffToken } from '../../usecases/staff';
import { devServer, httpClient, openTestStore, STORE_KIND } from '../harness';

/**
 * The full count runs on PostgreSQL (the production store) and on memory (cheap); PGlite, the same
 * SQL on one single-threaded WASM connection, takes a sample. FUZZ_RUNS overrides every store.
 */
const FULL_RUNS = 1000;
const RUNS_BY_STORE = { memory: FULL_RUNS, postgres: FULL_RUNS, pglite: 250 } as const;
const RUNS = Number(process.env.FUZZ_RUNS ?? RUNS_BY_STORE[STORE_KIND]);
jest.setTimeout(600_000);

let server: EnrolmentServer;
const { call, login } = httpClient(() => server);
let parent: Record<string, string> = {};
let reviewer: Record<string, string> = {};
let operator: Record<string, string> = {};
let applicationId = '';
const CHILD = 'CH-two-children-primary';

beforeAll(async () => {
  // Limits off: the fuzz measures the schemas, not the rate limits (tested in overload.test.ts).
  server = await devServer(await openTestStore(), { limits: { principal: null, anonymous: null, global: null, writes: null } });
  await server.dev!.qa.reset('submitted');
  parent = await login('two-children');
  const issue = async (role: 'reviewer' | 'lotteryOperator', districtCode: string | null) => ({ Authorization: `Bearer ${(await issueStaffToken(server.deps, { name: '测试', role, districtCode }, '2024-06-01T09:00:00+08:00')).token}` });
  reviewer = await issue('reviewer', '500112');
  operator = await issue('lotteryOperator', null);
  applicationId = (await call('GET', '/api/v1/applications', undefined, parent)).data.applications[0].id;
});

/** Everything a request could change. */
const snapshot = () =>
  server.deps.store.read(async (r) =>
    JSON.stringify([
      await r.children.listAll(10_000),
      await r.applications.listAll(10_000),
      await r.uploads.listAll(10_000),
      await r.audit.list({ limit: 10_000 }),
      await r.guardianships.listByAccount((await r.accounts.byIdNumber('500112198703154627'))?.id ?? ''),
      await r.upkeep.get((await r.accounts.byIdNumber('500112198703154627'))?.id ?? '', CHILD),
      await r.lottery.listCommitments(),
      await r.staff.list(),
    ]),
  );

// ---------- generators ----------

const HOSTILE = [...HOSTILE_KEYS];
const hostileKey = fc.constantFrom(...HOSTILE);
const weirdKey = fc.oneof(hostileKey, fc.constantFrom('toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', '', ' ', '0', 'x'.repeat(300)), fc.string({ unit: 'grapheme', maxLength: 12 }));
const hugeString = fc.oneof(
  fc.integer({ min: 65, max: 2_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 33_000, max: 70_000 }).map((n) => '渝'.repeat(n)),
  fc.constantFrom('\u0000'.repeat(100), '\ud800\udc00'.repeat(100), '😀'.repeat(300), '<script>alert(1)</script>'.repeat(20), '\u202e'.repeat(80)),
);
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  hugeString,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 30 }),
  fc.dictionary(weirdKey, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 5 }),
);
const deep = fc.tuple(fc.integer({ min: MAX_JSON_DEPTH + 1, max: 400 }), fc.boolean()).map(([n, arrays]) => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = arrays ? [v] : { a: v };
  return v;
});

type Path = Array<string | number>;
/** Paths to every node down to depth 6 (a deeply nested mutation is not walked again). */
function pathsOf(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (at.length >= 6) return out;
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) out.push(...pathsOf((v as any)[k], [...at, k]));
  return out;
}
const clone = (v: unknown): any => JSON.parse(JSON.stringify(v));
function update(root: unknown, path: Path, fn: (node: any) => unknown): unknown {
  if (path.length === 0) return fn(root);
  const copy = clone(root);
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k];
  const last = path[path.length - 1];
  const next = fn(node[last]);
  if (next === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = next;
  return copy;
}
/** Sets an own key (so "__proto__" becomes a key in the JSON text, as an attacker sends it). */
function withOwnKey(obj: unknown, key: string, value: unknown): unknown {
  const target = obj && typeof obj === 'object' && !Array.isArray(obj) ? clone(obj) : {};
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

type Mutation = (v: unknown) => unknown;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  wrongValue.map((w) => () => w),
  fc.tuple(hostileKey, fc.jsonValue({ maxDepth: 2 })).map(([k, x]) => (v: unknown) => withOwnKey(v, k, x)),
  fc.tuple(weirdKey, fc.jsonValue({ maxDepth: 1 })).map(([k, x]) => (v: unknown) => withOwnKey(v, k, x)),
  fc.constant(() => undefined),
  hugeString.map((s) => () => s),
  deep.map((d) => () => d),
);

/** A request body: as text, with its content type and whether it is invalid by construction. */
interface BodyCase {
  text: string;
  type: string;
  note: string;
}

const CONTENT_TYPES = fc.oneof({ weight: 12, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml') });

function bodyCases(valid: unknown): fc.Arbitrary<BodyCase> {
  const paths = pathsOf(valid);
  const mutated = fc
    .tuple(fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }), CONTENT_TYPES)
    .map(([ms, type]) => {
      let v: unknown = valid;
      for (const [n, m] of ms) {
        const all = pathsOf(v);
        const path = all.length > 1 ? all[n % all.length] : paths[0];
        v = update(v, path, m);
      }
      return { text: JSON.stringify(v) ?? '', type, note: 'mutated' };
    });
  const random = fc.tuple(fc.jsonValue({ maxDepth: 4 }), CONTENT_TYPES).map(([v, type]) => ({ text: JSON.stringify(v), type, note: 'random' }));
  const broken = fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('{', '{"a":', '[1,2', '{"__proto__":}', "{'a':1}", '{"a":1,}', 'NaN', '\u0000', '{"a":1}{"b":2}', '\ufeff{}'),
      fc.nat().map((n) => JSON.stringify(valid).slice(0, n % Math.max(1, JSON.stringify(valid).length))),
    )
    .map((text) => ({ text, type: 'application/json', note: 'broken' }));
  return fc.oneof({ weight: 6, arbitrary: mutated }, { weight: 2, arbitrary: random }, { weight: 1, arbitrary: broken });
}

/** Invalid by construction: not JSON, not JSON-typed, too big, too deep, a hostile key, or refused by the contract. */
function invalid(c: BodyCase, schema: ZodType): boolean {
  if (!/^application\/json/.test(c.type)) return true;
  const bytes = new TextEncoder().encode(c.text);
  if (bytes.length > MAX_JSON_BODY_BYTES) return true;
  // The text as the server reads it: UTF-8 (lone surrogates become U+FFFD), a leading BOM dropped.
  const text = new TextDecoder().decode(bytes);
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return true;
  let parsed: unknown;
  try {
    let hostile = false;
    parsed = JSON.parse(text, (k, v: unknown) => {
      if (HOSTILE_KEYS.has(k)) hostile = true;
      return v;
    });
    if (hostile) return true;
  } catch {
    return true;
  }
  return !schema.safeParse(parsed).success;
}

const hostileId = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  fc.integer({ min: 65, max: 5000 }).map((n) => 'A'.repeat(n)),
  fc.constantFrom('..', '../../etc/passwd', '%00', '__proto__', 'a b', "1' OR '1'='1", '<script>', 'C0001;DROP TABLE children', '😀', '\u202eCH', 'ＣＨ１', '.', 'a.b', 'a/b'),
);
const invalidId = (s: string) => !IdSchema.safeParse(s).success;

// ---------- the routes ----------

interface Figure {
  route: string;
  runs: number;
  crashes: number;
  accepted: number;
  statuses: Record<number, number>;
  ms: number;
}
const figures: Figure[] = [];

async function fuzzRoute<T>(route: string, arb: fc.Arbitrary<T>, send: (input: T) => Promise<{ status: number; data: any }>, seed?: number) {
  const before = await snapshot();
  const figure: Figure = { route, runs: 0, crashes: 0, accepted: 0, statuses: {}, ms: 0 };
  const started = Date.now();
  const failures: string[] = [];
  await fc.assert(
    fc.asyncProperty(arb, async (input) => {
      const r = await send(input);
      figure.runs++;
      figure.statuses[r.status] = (figure.statuses[r.status] ?? 0) + 1;
      if (r.status >= 500) figure.crashes++;
      if (r.status < 300) figure.accepted++;
      if ((r.status >= 500 || r.status < 300) && failures.length < 3) failures.push(`${r.status} ${JSON.stringify(input).slice(0, 300)} -> ${JSON.stringify(r.data).slice(0, 300)}`);
      // Every refusal is the one error shape, in Chinese.
      if (r.status >= 400 && r.status < 500 && !(r.data?.error?.code && /[\u4e00-\u9fa5]/.test(r.data.error.message))) failures.push(`${r.status} not an ApiErrorBody: ${JSON.stringify(r.data).slice(0, 200)}`);
    }),
    { numRuns: RUNS, seed, endOnFailure: true },
  );
  figure.ms = Date.now() - started;
  figures.push(figure);
  expect(failures).toEqual([]);
  expect(figure.crashes).toBe(0);
  expect(figure.accepted).toBe(0);
  expect(await snapshot()).toBe(before);
}

interface BodyRoute {
  name: string;
  method: string;
  path: () => string;
  schema: ZodType;
  valid: () => unknown;
  auth: () => Record<string, string>;
}

const submission = () => submissionBody({ idempotencyKey: 'fuzz-1', childId: CHILD, materials: { householdRegister: ['F000001'] } });

const BODY_ROUTES: BodyRoute[] = [
  { name: 'POST /api/v1/face-verifications', method: 'POST', path: () => '/api/v1/face-verifications', schema: BeginFaceVerificationRequestSchema, valid: () => ({ handoff: { kind: 'wxLoginCode', code: 'abc' } }), auth: () => ({}) },
  { name: 'POST /api/v1/session', method: 'POST', path: () => '/api/v1/session', schema: CreateSessionRequestSchema, valid: () => ({ verificationId: 'V000001' }), auth: () => ({}) },
  { name: 'POST /api/v1/children', method: 'POST', path: () => '/api/v1/children', schema: AddChildRequestSchema, valid: () => ({ name: '王小明', idNumber: '500112201801010011', relationship: 'father' }), auth: () => parent },
  { name: 'PATCH /api/v1/children/{childId}', method: 'PATCH', path: () => `/api/v1/children/${CHILD}`, schema: UpdateChildRequestSchema, valid: () => ({ realName: '王子涵' }), auth: () => parent },
  { name: 'PUT /api/v1/children/{childId}/upkeep', method: 'PUT', path: () => `/api/v1/children/${CHILD}/upkeep`, schema: SaveUpkeepRequestSchema, valid: () => sampleUpkeep('two-children'), auth: () => parent },
  { name: 'POST /api/v1/applications', method: 'POST', path: () => '/api/v1/applications', schema: SubmitApplicationRequestSchema, valid: submission, auth: () => parent },
  { name: 'POST /api/v1/applications/{id}/resubmit', method: 'POST', path: () => `/api/v1/applications/${applicationId}/resubmit`, schema: ResubmitRequestSchema, valid: () => ({ idempotencyKey: 'fuzz-2', materials: { householdRegister: ['F000001'] } }), auth: () => parent },
  { name: 'POST /api/v1/staff/applications/{id}/review', method: 'POST', path: () => `/api/v1/staff/applications/${applicationId}/review`, schema: ReviewRequestSchema, valid: () => ({ action: 'request-correction', reason: '户口簿不清晰', items: ['householdRegister'] }), auth: () => reviewer },
  { name: 'POST /api/v1/staff/lottery/500112-M-1/randomness', method: 'POST', path: () => '/api/v1/staff/lottery/500112-M-1/randomness', schema: RandomnessRequestSchema, valid: () => ({ value: '2024062012345' }), auth: () => operator },
];

describe('bodies', () => {
  test.each(BODY_ROUTES.map((r) => [r.name, r] as const))('%s', async (name, r) => {
    const arb = bodyCases(r.valid()).filter((c) => invalid(c, r.schema));
    await fuzzRoute(name, arb, (c) => call(r.method, r.path(), c.text, { ...r.auth(), 'Content-Type': c.type }));
  });
});

interface ParamRoute {
  method: string;
  path: (id: string) => string;
  auth: () => Record<string, string>;
  /** The param's own schema (most are IdSchema). */
  isInvalid?: (id: string) => boolean;
}

const PARAM_ROUTES: Array<[string, ParamRoute]> = [
  ['POST /api/v1/children/{childId}/reveal', { method: 'POST', path: (id) => `/api/v1/children/${id}/reveal`, auth: () => parent }],
  ['POST /api/v1/children/{childId}/upkeep/reveal', { method: 'POST', path: (id) => `/api/v1/children/${id}/upkeep/reveal`, auth: () => parent }],
  ['GET /api/v1/children/{childId}/upkeep', { method: 'GET', path: (id) => `/api/v1/children/${id}/upkeep`, auth: () => parent }],
  ['GET /api/v1/children/{childId}/report-code', { method: 'GET', path: (id) => `/api/v1/children/${id}/report-code`, auth: () => parent }],
  ['GET /api/v1/uploads/{fileId}', { method: 'GET', path: (id) => `/api/v1/uploads/${id}`, auth: () => parent }],
  ['GET /api/v1/applications/{id}', { method: 'GET', path: (id) => `/api/v1/applications/${id}`, auth: () => parent }],
  ['POST /api/v1/applications/{id}/withdraw', { method: 'POST', path: (id) => `/api/v1/applications/${id}/withdraw`, auth: () => parent }],
  ['POST /api/v1/applications/{id}/confirm', { method: 'POST', path: (id) => `/api/v1/applications/${id}/confirm`, auth: () => parent }],
  ['GET /api/v1/applications/{id}/lottery', { method: 'GET', path: (id) => `/api/v1/applications/${id}/lottery`, auth: () => parent }],
  ['GET /api/v1/applications/{id}/notice', { method: 'GET', path: (id) => `/api/v1/applications/${id}/notice`, auth: () => parent }],
  ['GET /api/v1/applications/{id}/notice.pdf', { method: 'GET', path: (id) => `/api/v1/applications/${id}/notice.pdf`, auth: () => parent }],
  ['GET /api/v1/staff/applications/{id}', { method: 'GET', path: (id) => `/api/v1/staff/applications/${id}`, auth: () => reviewer }],
  ['POST /api/v1/staff/applications/{id}/reveal', { method: 'POST', path: (id) => `/api/v1/staff/applications/${id}/reveal`, auth: () => reviewer }],
  ['GET /api/v1/staff/applications/{id}/files/{fileId}', { method: 'GET', path: (id) => `/api/v1/staff/applications/${applicationId}/files/${id}`, auth: () => reviewer }],
  ['POST /api/v1/staff/lottery/{schoolId}/draw', { method: 'POST', path: (id) => `/api/v1/staff/lottery/${id}/draw`, auth: () => operator }],
  ['GET /api/v1/lottery/draws/{drawId}', { method: 'GET', path: (id) => `/api/v1/lottery/draws/${id}`, auth: () => ({}), isInvalid: (id) => !DrawParamsSchema.safeParse({ drawId: id }).success }],
  ['GET /api/v1/districts/{districtCode}/schools', { method: 'GET', path: (id) => `/api/v1/districts/${id}/schools?stage=primary`, auth: () => parent, isInvalid: (id) => !/^\d{6}$/.test(id) }],
];

describe('params', () => {
  test.each(PARAM_ROUTES)('%s', async (name, r) => {
    const isInvalid = r.isInvalid ?? invalidId;
    const arb = hostileId.filter(isInvalid);
    await fuzzRoute(name, arb, (id) => call(r.method, r.path(encodeURIComponent(id)), undefined, r.auth()));
  });
});

interface QueryRoute {
  path: string;
  schema: ZodType;
  valid: Record<string, string>;
  auth: () => Record<string, string>;
}

const QUERY_ROUTES: Array<[string, QueryRoute]> = [
  ['GET /api/v1/materials', { path: '/api/v1/materials', schema: MaterialsQuerySchema, valid: { districtCode: '500112', stage: 'primary', schoolType: 'publicTight', source: 'localHukou', childId: CHILD }, auth: () => parent }],
  ['GET /api/v1/districts/500112/schools?stage', { path: '/api/v1/districts/500112/schools', schema: SchoolsQuerySchema, valid: { stage: 'primary' }, auth: () => parent }],
  ['GET /api/v1/calendar?year', { path: '/api/v1/calendar', schema: YearQuerySchema, valid: { year: '2024' }, auth: () => ({}) }],
  ['GET /api/v1/districts?year', { path: '/api/v1/districts', schema: YearQuerySchema, valid: { year: '2024' }, auth: () => ({}) }],
  ['GET /api/v1/staff/applications?status&limit', { path: '/api/v1/staff/applications', schema: StaffApplicationsQuerySchema, valid: { status: 'pendingReview', limit: '50' }, auth: () => reviewer }],
  ['GET /api/v1/staff/audit?subjectId&limit', { path: '/api/v1/staff/audit', schema: AuditQuerySchema, valid: { subjectId: 'A1', limit: '10' }, auth: () => operator }],
];

const queryValue = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), hugeString.map((s) => s.slice(0, 3000)), fc.constantFrom('', '-1', '0', '1e9', 'NaN', 'Infinity', '2024.5', 'primary ', 'PRIMARY', 'null', '[]', '{}'));
const queryCases = (valid: Record<string, string>) =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...Object.keys(valid)), queryValue).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.tuple(weirdKey.filter((k) => k.length > 0), queryValue).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.constantFrom(...Object.keys(valid)).map((k) => {
      const copy = { ...valid };
      delete copy[k];
      return copy;
    }),
  );
const queryInvalid = (q: Record<string, string>, schema: ZodType) => Object.keys(q).some((k) => HOSTILE_KEYS.has(k)) || !schema.safeParse(q).success;

describe('queries', () => {
  test.each(QUERY_ROUTES)('%s', async (name, r) => {
    const arb = queryCases(r.valid).filter((q) => queryInvalid(q, r.schema));
    await fuzzRoute(name, arb, (q) => call('GET', `${r.path}?${new URLSearchParams(q).toString()}`, undefined, r.auth()));
  });
});

describe('uploads', () => {
  const JPEG = sampleJpeg(240, 240);
  const PNG = samplePng(220, 220);
  const cat = (a: Uint8Array, b: Uint8Array) => {
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  /** Bytes that are not an acceptable image by construction. */
  const badBytes = fc.oneof(
    // Random bytes without an image signature (documents, archives, noise).
    fc.uint8Array({ minLength: 0, maxLength: 3000 }).filter((b) => !(b[0] === 0xff && b[1] === 0xd8) && !(b[0] === 0x89 && b[1] === 0x50)),
    // A real image with non-padding bytes appended (a polyglot).
    fc.tuple(fc.constantFrom(JPEG, PNG), fc.uint8Array({ minLength: 1, maxLength: 400 }).filter((t) => t.some((x) => ![0, 0xff, 0x20, 0x0a, 0x0d, 0x09].includes(x)))).map(([img, tail]) => cat(img, tail)),
    // A real image cut short.
    fc.tuple(fc.constantFrom(JPEG, PNG), fc.double({ min: 0, max: 0.98, noNaN: true })).map(([img, f]) => img.subarray(0, Math.floor(img.length * f))),
    // Only the signature and a header, then noise.
    fc.tuple(fc.constantFrom(JPEG.subarray(0, 200), PNG.subarray(0, 33)), fc.uint8Array({ maxLength: 500 })).map(([head, noise]) => cat(head, noise)),
  );
  const badHeaders = fc.oneof(
    fc.record({ 'X-Material-Code': fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('__proto__', 'constructor', 'HOUSEHOLDREGISTER', '')) }).filter((h) => !['householdRegister', 'birthCertificate', 'propertyCertificate', 'noPropertyProof', 'marriageCertificate', 'residencePermit', 'employmentProof', 'rentalContract', 'disabilityCertificate', 'specialGroupProof', 'guardianId', 'schoolRollProof'].includes(h['X-Material-Code'])),
    fc.record({ 'X-Material-Code': fc.constant('householdRegister'), 'Idempotency-Key': fc.oneof(fc.integer({ min: 65, max: 500 }).map((n) => 'k'.repeat(n)), fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !/^[A-Za-z0-9_.:-]+$/.test(k))) }),
    fc.record({ 'X-Material-Code': fc.constant('householdRegister'), 'X-District-Code': fc.string({ minLength: 1, maxLength: 10 }).filter((d) => !/^\d{6}$/.test(d)) }),
  );
  const asciiHeaders = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, encodeURIComponent(v).slice(0, 600)]));
  const reallyBadHeader = (h: Record<string, string>) => {
    const a = asciiHeaders(h);
    const code = a['X-Material-Code'];
    return !['householdRegister', 'birthCertificate', 'propertyCertificate', 'noPropertyProof', 'marriageCertificate', 'residencePermit', 'employmentProof', 'rentalContract', 'disabilityCertificate', 'specialGroupProof', 'guardianId', 'schoolRollProof'].includes(code) || (a['Idempotency-Key'] !== undefined && !/^[A-Za-z0-9_.:-]{1,64}$/.test(a['Idempotency-Key'])) || (a['X-District-Code'] !== undefined && !/^\d{6}$/.test(a['X-District-Code']));
  };

  test('POST /api/v1/uploads (bytes)', async () => {
    await fuzzRoute('POST /api/v1/uploads (bytes)', badBytes, (bytes) => call('POST', '/api/v1/uploads', bytes, { ...parent, 'X-Material-Code': 'householdRegister' }));
  });
  /** Multipart bodies (mini-program uploadFile) that carry no acceptable image in the field "file". */
  const badForms = fc.oneof(
    fc.tuple(fc.constantFrom('file2', 'File', '__proto__', 'constructor', ''), fc.constantFrom(JPEG, PNG)).map(([name, img]) => ({ name, bytes: img as Uint8Array | string })),
    fc.string({ maxLength: 200 }).map((text) => ({ name: 'file', bytes: text as Uint8Array | string })),
    badBytes.map((bytes) => ({ name: 'file', bytes: bytes as Uint8Array | string })),
  );
  test('POST /api/v1/uploads (multipart)', async () => {
    await fuzzRoute('POST /api/v1/uploads (multipart)', badForms, async ({ name, bytes }) => {
      const form = new FormData();
      if (typeof bytes === 'string') form.append(name, bytes);
      else form.append(name, new Blob([bytes as unknown as BlobPart], { type: 'image/jpeg' }), 'photo.jpg');
      const res = await server.app.request('http://localhost/api/v1/uploads', { method: 'POST', body: form, headers: { ...parent, 'X-Material-Code': 'householdRegister' } });
      return { status: res.status, data: await res.json() };
    });
  });
  test('POST /api/v1/uploads (headers)', async () => {
    await fuzzRoute('POST /api/v1/uploads (headers)', badHeaders.filter(reallyBadHeader), (h) => call('POST', '/api/v1/uploads', JPEG, { ...parent, ...asciiHeaders(h) }));
  });
});

afterAll(() => {
  const rows = figures.map((f) => `${f.route.padEnd(58)} ${String(f.runs).padStart(6)} ${String(f.crashes).padStart(6)} ${String(f.accepted).padStart(9)} ${String(f.ms).padStart(7)}ms  ${Object.entries(f.statuses).map(([s, n]) => `${s}:${n}`).join(' ')}`);
  const total = figures.reduce((a, f) => ({ runs: a.runs + f.runs, crashes: a.crashes + f.crashes, accepted: a.accepted + f.accepted }), { runs: 0, crashes: 0, accepted: 0 });
  // eslint-disable-next-line no-console -- the figures are the point of this file
  console.log(
    [
      `Fuzz over HTTP on the ${STORE_KIND} store, ${figures.length} routes, ${RUNS} generated requests per route` +
        (RUNS < FULL_RUNS ? ` (a sample: the full ${FULL_RUNS} per route run on ${Object.entries(RUNS_BY_STORE).filter(([, n]) => n >= FULL_RUNS).map(([k]) => k).join(' and ')})` : '') +
        ':', `${'route'.padEnd(58)} ${'runs'.padStart(6)} ${'5xx'.padStart(6)} ${'accepted'.padStart(9)} ${'time'.padStart(9)}  statuses`, ...rows, `${'total'.padEnd(58)} ${String(total.runs).padStart(6)} ${String(total.crashes).padStart(6)} ${String(total.accepted).padStart(9)}`].join('\n'),
  );
});
