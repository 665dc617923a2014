/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/**
 * Overload is the server's job too (issue 12, property 9), attacked over HTTP with small limits:
 * a parent over its rate, the whole server over its rate and anonymous floods get 429 with
 * Retry-After; a burst of writes beyond the gate is shed at once with 503 + Retry-After, and every
 * write that was acknowledged is in the store (none that was shed is). With the default limits a
 * parent clicking through as fast as a script can never sees 429.
 */
import type { EnrolmentServer } from '../../compose';
import { samplePng } from '../../lib/sampleImages';
import type { Store } from '../../ports/store';
import type { OverloadLimits } from '../../security/overload';
import { sampleUpkeep } from '../../qa/scenarioKit';
import { devServer, httpClient, openTestStore } from '../harness';

jest.setTimeout(30_000);
/** Distinct images, made once (encoding is not what these tests time). */
const IMAGES = Array.from({ length: 16 }, (_, i) => samplePng(240, 240, 100 + i));

const OFF: OverloadLimits = { principal: null, anonymous: null, global: null, writes: null };
let nowMs = Date.now();
let writeDelayMs = 0;

/** This file's store (one per file: a real store costs an instance or a database), reset per server. */
let fileStore: Store;
beforeAll(async () => {
  fileStore = await openTestStore();
});

/** The file's store, with transactions made slow on demand (a database under load). */
function slowStore(): Store {
  const inner = fileStore;
  return {
    ...inner,
    transaction: async (fn) => {
      if (writeDelayMs) await new Promise((r) => setTimeout(r, writeDelayMs));
      return inner.transaction(fn);
    },
  };
}

async function serverWith(limits: Partial<OverloadLimits>): Promise<EnrolmentServer> {
  const store = slowStore();
  const s = await devServer(store, { realNowMs: () => nowMs, limits: { ...OFF, ...limits } });
  await s.dev!.qa.reset();
  return s;
}

function expectOverloaded(r: { status: number; data: any; headers: Headers }, status: number) {
  expect(r.status).toBe(status);
  expect(r.data.error.code).toBe('OVERLOADED');
  expect(r.data.error.message).toContain('当前访问人数较多');
  const after = Number(r.headers.get('retry-after'));
  expect(after).toBeGreaterThanOrEqual(1);
  expect(r.data.error.retryAfter).toBe(after);
}

beforeEach(() => {
  nowMs = Date.now();
  writeDelayMs = 0;
});

describe('rate limits (429 + Retry-After)', () => {
  test('per parent: the sixth request in a second is refused, another parent is not, and the bucket refills', async () => {
    const s = await serverWith({ principal: { burst: 5, perSecond: 1 } });
    const { call, login } = httpClient(() => s);
    const a = await login('two-children');
    const b = await login('migrant');
    for (let i = 0; i < 5; i++) expect((await call('GET', '/api/v1/applications', undefined, a)).status).toBe(200);
    expectOverloaded(await call('GET', '/api/v1/applications', undefined, a), 429);
    // A write over the limit is refused before it is read, and changes nothing.
    const before = await s.deps.store.read((r) => r.uploads.listAll(100));
    expectOverloaded(await call('POST', '/api/v1/uploads', samplePng(), { ...a, 'X-Material-Code': 'householdRegister' }), 429);
    expect(await s.deps.store.read((r) => r.uploads.listAll(100))).toEqual(before);
    expect((await call('GET', '/api/v1/applications', undefined, b)).status).toBe(200);
    nowMs += 1000;
    expect((await call('GET', '/api/v1/applications', undefined, a)).status).toBe(200);
    expectOverloaded(await call('GET', '/api/v1/applications', undefined, a), 429);
  });

  test('global: the whole server over its rate refuses every caller', async () => {
    const s = await serverWith({ global: { burst: 6, perSecond: 2 } });
    const { call, login } = httpClient(() => s);
    nowMs += 10_000; // logins spent tokens: start full
    const a = await login('two-children');
    const b = await login('migrant');
    nowMs += 10_000;
    for (let i = 0; i < 3; i++) {
      expect((await call('GET', '/api/v1/applications', undefined, a)).status).toBe(200);
      expect((await call('GET', '/api/v1/applications', undefined, b)).status).toBe(200);
    }
    expectOverloaded(await call('GET', '/api/v1/applications', undefined, a), 429);
    expectOverloaded(await call('GET', '/api/v1/time'), 429);
    nowMs += 500;
    expect((await call('GET', '/api/v1/applications', undefined, b)).status).toBe(200);
  });

  test('anonymous: a flood of face-verification starts from one address is refused', async () => {
    const s = await serverWith({ anonymous: { burst: 3, perSecond: 1 } });
    const { call } = httpClient(() => s);
    for (let i = 0; i < 3; i++) expect((await call('POST', '/api/v1/face-verifications', {})).status).toBe(201);
    expectOverloaded(await call('POST', '/api/v1/face-verifications', {}), 429);
  });

  test('defaults: a parent clicking through as fast as a script never sees 429', async () => {
    const s = await devServer(fileStore);
    const { call, login } = httpClient(() => s);
    await s.dev!.qa.reset();
    const statuses: number[] = [];
    for (let round = 0; round < 5; round++) {
      const auth = await login('two-children');
      for (const path of ['/api/v1/calendar', '/api/v1/districts', '/api/v1/children', '/api/v1/applications', '/api/v1/districts/500112/schools?stage=primary', '/api/v1/materials?districtCode=500112&stage=primary&schoolType=publicTight&source=localHukou']) {
        for (let i = 0; i < 5; i++) statuses.push((await call('GET', path, undefined, auth)).status);
      }
      for (let i = 0; i < 10; i++) statuses.push((await call('PUT', `/api/v1/children/CH-two-children-primary/upkeep`, sampleUpkeep('two-children'), auth)).status);
    }
    expect(statuses.length).toBe(200);
    expect(statuses.filter((x) => x === 429 || x === 503)).toEqual([]);
  });
});

describe('bounded write gate (503 + Retry-After)', () => {
  test('a burst beyond concurrency + queue is shed at once; every acknowledged write is stored, no shed one is', async () => {
    const s = await serverWith({ writes: { concurrency: 2, queue: 2, maxWaitMs: 5_000 } });
    const { call, login } = httpClient(() => s);
    const auth = await login('two-children');
    writeDelayMs = 200;
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const r = await call('POST', '/api/v1/uploads', IMAGES[i], { ...auth, 'X-Material-Code': 'householdRegister' });
        return { ...r, ms: Date.now() - started };
      }),
    );
    writeDelayMs = 0;
    const ok = answers.filter((a) => a.status === 201);
    const shed = answers.filter((a) => a.status === 503);
    expect(ok).toHaveLength(4);
    expect(shed).toHaveLength(8);
    for (const r of shed) expectOverloaded(r, 503);
    // Shed before the first admitted write was even done: latency does not pile up behind the queue.
    expect(Math.max(...shed.map((a) => a.ms))).toBeLessThan(Math.min(...ok.map((a) => a.ms)));
    const stored = (await s.deps.store.read((r) => r.uploads.listAll(100))).map((u) => u.fileId).sort();
    expect(stored).toEqual(ok.map((a) => a.data.fileId).sort());
  });

  test('a write that waited longer than maxWaitMs is shed with 503 and never runs', async () => {
    const s = await serverWith({ writes: { concurrency: 1, queue: 10, maxWaitMs: 100 } });
    const { call, login } = httpClient(() => s);
    const auth = await login('two-children');
    writeDelayMs = 400;
    const answers = await Promise.all([0, 1, 2].map((i) => call('POST', '/api/v1/uploads', IMAGES[12 + i], { ...auth, 'X-Material-Code': 'householdRegister' })));
    writeDelayMs = 0;
    expect(answers.map((a) => a.status).sort()).toEqual([201, 503, 503]);
    for (const r of answers.filter((a) => a.status === 503)) expectOverloaded(r, 503);
    const stored = await s.deps.store.read((r) => r.uploads.listAll(100));
    expect(stored.map((u) => u.fileId)).toEqual([answers.find((a) => a.status === 201)!.data.fileId]);
    // The gate is free again.
    expect((await call('POST', '/api/v1/uploads', IMAGES[15], { ...auth, 'X-Material-Code': 'householdRegister' })).status).toBe(201);
  });
});

describe('slow senders', () => {
  test('an upload whose body trickles in holds no write slot while it is being sent', async () => {
    const s = await serverWith({ writes: { concurrency: 1, queue: 0, maxWaitMs: 50 } });
    const { call, login } = httpClient(() => s);
    const auth = await login('two-children');
    const image = IMAGES[0];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const slow = new ReadableStream<Uint8Array>({
      async start(ctl) {
        ctl.enqueue(image.subarray(0, 100));
        await held;
        ctl.enqueue(image.subarray(100));
        ctl.close();
      },
    });
    const trickling = s.app.request('http://localhost/api/v1/uploads', { method: 'POST', body: slow, headers: { ...auth, 'X-Material-Code': 'householdRegister', 'Content-Length': String(image.length) }, duplex: 'half' } as RequestInit);
    await new Promise((r) => setTimeout(r, 50));
    // With a Content-Length the body limit only checks the header: the app must read the body before the gate.
    // The slot is free: another parent's write goes through at once instead of being shed.
    const quick = await call('POST', '/api/v1/uploads', IMAGES[1], { ...(await login('migrant')), 'X-Material-Code': 'householdRegister' });
    expect(quick.status).toBe(201);
    release();
    expect((await trickling).status).toBe(201);
  });
});
