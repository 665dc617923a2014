/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/**
 * The enrolment server over HTTP for jest: a development server (QA API, simulated host) on a fresh
 * store per test file, called through app.request exactly as a client calls it.
 *
 * Which store is the jest project's choice (jest.config.js sets SERVER_TEST_STORE): the memory
 * adapter, PGlite in memory, or a PostgreSQL database of its own on PG_TEST_URL (CI's cluster, or the
 * one the postgres project's global set-up started). Every store a file opens is its own: a fresh
 * PGlite instance, or a fresh database dropped when the file ends, so files never see each other.
 * Test files that open SQL stores run under ./server/adapters/sql/pgliteTestEnvironment.js.
 */
import { randomBytes } from 'node:crypto';
import { composeServer, cryptoRandomBytes, type EnrolmentServer } from '../compose';
import { createMemoryStore } from '../adapters/memory/store';
import { createStoredReportKeys } from '../adapters/keys/stored';
import type { Store } from '../ports/store';
import { sampleJpeg, samplePng } from '../lib/sampleImages';

// PGlite loaded outside jest's sandbox (see pgliteTestEnvironment.js); required lazily below.
jest.mock('@electric-sql/pglite', () => (globalThis as unknown as { __nativePglite: unknown }).__nativePglite);

export const BASE = 'http://localhost';

export type TestStoreKind = 'memory' | 'pglite' | 'postgres';
const KINDS: readonly TestStoreKind[] = ['memory', 'pglite', 'postgres'];

/** The store this jest project runs the server tests on (memory outside the store projects). */
export const STORE_KIND: TestStoreKind = (() => {
  const kind = (globalThis as { SERVER_TEST_STORE?: string }).SERVER_TEST_STORE ?? 'memory';
  if (!(KINDS as readonly string[]).includes(kind)) throw new Error(`SERVER_TEST_STORE must be one of ${KINDS.join(', ')}, not ${kind}`);
  return kind as TestStoreKind;
})();

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  // Newest first: a database is dropped only after its store has closed its connections.
  for (const close of closers.splice(0).reverse()) await close();
});

async function freshPostgresDatabase(): Promise<string> {
  const serverUrl = process.env.PG_TEST_URL;
  // The postgres project's global set-up starts a cluster when PG_TEST_URL is not set: never skipped.
  if (!serverUrl) throw new Error('SERVER_TEST_STORE=postgres needs PG_TEST_URL (the postgres jest project sets it in its global set-up)');
  const { default: postgres } = await import('postgres');
  const name = `server_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    // An identifier cannot be a parameter: the name is ours (hex).
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  closers.push(async () => {
    const again = postgres(serverUrl, { max: 1, onnotice: () => undefined });
    try {
      await again.unsafe(`drop database if exists "${name}" with (force)`);
    } finally {
      await again.end();
    }
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new, empty, migrated store of this project's kind, closed (and dropped) when the file ends. */
export async function openTestStore(kind: TestStoreKind = STORE_KIND): Promise<Store> {
  if (kind === 'memory') return createMemoryStore();
  const { migrate } = await import('../adapters/sql/migrate');
  const { createSqlStore } = await import('../adapters/sql/store');
  let client;
  if (kind === 'pglite') {
    const { openPglite } = await import('../adapters/sql/pglite');
    // In memory: a file's data lives as long as the file does.
    client = await openPglite();
  } else {
    const url = await freshPostgresDatabase();
    const { openPostgres } = await import('../adapters/sql/postgres');
    client = openPostgres(url, { max: 4 });
  }
  await migrate(client);
  const store = createSqlStore(client);
  closers.push(() => store.close());
  return store;
}

export async function devServer(store?: Store, options: Omit<Parameters<typeof composeServer>[0], 'store' | 'reportKeys' | 'development'> = {}): Promise<EnrolmentServer> {
  const s = store ?? createMemoryStore();
  return composeServer({ ...options, store: s, reportKeys: createStoredReportKeys(s, cryptoRandomBytes), development: true });
}

export interface Answer {
  status: number;
  data: any;
  headers: Headers;
}

export function httpClient(server: () => EnrolmentServer) {
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body instanceof Uint8Array) init.body = body as unknown as BodyInit;
    else if (typeof body === 'string') init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    const res = await server().app.request(`${BASE}${path}`, init);
    const type = res.headers.get('content-type') ?? '';
    const data = type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer());
    return { status: res.status, data, headers: res.headers };
  }

  /** Freezes the server clock at a +08:00 local instant like '2024-06-11T10:00:00'. */
  async function clock(local: string, frozen = true) {
    const r = await call('POST', '/__qa/clock', { now: `${local}+08:00`, frozen });
    if (r.status !== 200) throw new Error(JSON.stringify(r.data));
  }

  /** Face login as a seeded identity, the way a host does it; returns the Authorization header. */
  async function login(identity = 'two-children'): Promise<Record<string, string>> {
    const begun = await call('POST', '/api/v1/face-verifications', {});
    if (begun.status !== 201) throw new Error(JSON.stringify(begun.data));
    server().dev!.face.complete(begun.data.verifyId, { identityId: identity });
    const session = await call('POST', '/api/v1/session', { verificationId: begun.data.verificationId });
    if (session.status !== 201) throw new Error(JSON.stringify(session.data));
    return { Authorization: `Bearer ${session.data.token}` };
  }

  return { call, clock, login };
}

/** A development server per test file on this project's store, reset to a scenario before each test, and the HTTP helpers. */
export function setupServer(scenario?: string) {
  let server: EnrolmentServer;
  beforeAll(async () => {
    server = await devServer(await openTestStore());
  });
  beforeEach(async () => {
    await server.dev!.qa.reset(scenario);
  });
  return { server: () => server, ...httpClient(() => server) };
}

/** Real, decodable images (the server decodes every upload): a 200 x 300 PNG and a 480 x 640 JPEG. */
export const TINY_PNG = samplePng(200, 300);
export const TINY_JPEG = sampleJpeg(480, 640);
