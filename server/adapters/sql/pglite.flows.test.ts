/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/**
 * The enrolment server over HTTP on the embedded PostgreSQL (PGlite) store, as the Node server runs
 * it: face login → children → upkeep → submit → a duplicate refused → withdraw.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { liveStatuses } from '@/domain/status';
import type { EnrolmentServer } from '../../compose';
import { sampleUpkeep } from '../../qa/scenarioKit';
import { devServer, httpClient, TINY_PNG } from '../../test/harness';
import { submissionBody as bodyFor } from '../../test/submission';
import { openStore, type OpenedStore } from './open';

// PGlite loaded outside jest's sandbox (see pgliteTestEnvironment.js).
jest.mock('@electric-sql/pglite', () => (globalThis as unknown as { __nativePglite: unknown }).__nativePglite);
jest.setTimeout(60_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-flows-'));
let opened: OpenedStore;
let server: EnrolmentServer;
const { call, clock, login } = httpClient(() => server);
const CHILD = 'CH-two-children-primary';

beforeAll(async () => {
  opened = await openStore({ dataDir: tmp });
  server = await devServer(opened.store);
  await server.dev!.qa.reset();
});

afterAll(async () => {
  await server?.jobs.stop();
  await opened?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function upload(auth: Record<string, string>, code: string): Promise<string> {
  const r = await call('POST', '/api/v1/uploads', TINY_PNG, { ...auth, 'X-Material-Code': code });
  expect(r.status).toBe(201);
  return r.data.fileId;
}

async function submissionBody(auth: Record<string, string>, key: string) {
  const materials: Record<string, string[]> = {};
  const list = await call('GET', '/api/v1/materials?districtCode=500112&stage=primary&schoolType=publicTight&source=localHukou', undefined, auth);
  expect(list.status).toBe(200);
  for (const item of list.data.items.filter((i: any) => i.state === 'required')) materials[item.code] = [await upload(auth, item.code)];
  return bodyFor({ idempotencyKey: key, materials });
}

const submit = (auth: Record<string, string>, b: any) => call('POST', '/api/v1/applications', b, { ...auth, 'Idempotency-Key': b.idempotencyKey });

test('the store is PGlite', () => {
  expect(opened.engine).toBe('pglite');
});

test('face login → children → upkeep → submit → duplicate refused → withdraw', async () => {
  // 渝北 (batch 2) keeps 子女信息维护 open from 5-13.
  await clock('2024-05-14T10:00:00');
  const auth = await login('two-children');
  expect(auth.Authorization).toMatch(/^Bearer /);

  const children = await call('GET', '/api/v1/children', undefined, auth);
  expect(children.status).toBe(200);
  expect(children.data.children.map((c: any) => c.id)).toContain(CHILD);

  const upkeep = sampleUpkeep('two-children');
  const saved = await call('PUT', `/api/v1/children/${CHILD}/upkeep`, upkeep, auth);
  expect(saved.status).toBe(200);
  // Answers are masked; the whole values come from the (audited) reveal.
  const got = await call('POST', `/api/v1/children/${CHILD}/upkeep/reveal`, undefined, auth);
  expect(got.status).toBe(200);
  expect(got.data.upkeep).toMatchObject({ ...upkeep, updatedAt: expect.any(String) });

  // 渝北's registration window.
  await clock('2024-06-11T10:00:00');
  const b = await submissionBody(auth, 'flow-1');
  const first = await submit(auth, b);
  expect(first.status).toBe(201);
  const app = first.data.application;
  expect(app).toMatchObject({ status: 'submitted', childId: CHILD, schoolId: '500112-P-1' });
  expect(app.history.map((h: any) => h.to)).toEqual(['draft', 'submitted']);

  // The same request again (a lost answer retried): the first result, not a second application.
  const replay = await submit(auth, b);
  expect(replay.status).toBe(200);
  expect(replay.data.application.id).toBe(app.id);
  // The same key with another body is refused.
  const changed = await submit(auth, { ...b, schoolId: '500112-P-3', schoolType: 'publicNormal' });
  expect(changed.status).toBe(409);
  // A second live application for the child (another key): 不可兼报.
  const duplicate = await submit(auth, { ...b, idempotencyKey: 'flow-2', schoolId: '500112-P-3', schoolType: 'publicNormal' });
  expect(duplicate.status).toBe(409);
  expect(duplicate.data.error.code).toBe('CONFLICT');
  expect(duplicate.data.error.message).toContain('不可兼报');

  const withdrawn = await call('POST', `/api/v1/applications/${app.id}/withdraw`, undefined, auth);
  expect(withdrawn.status).toBe(200);
  expect(withdrawn.data.application.status).toBe('withdrawn');
  const mine = await call('GET', '/api/v1/applications', undefined, auth);
  expect(mine.data.applications.map((a: any) => [a.id, a.status])).toEqual([[app.id, 'withdrawn']]);
  expect(mine.data.applications[0].history.map((h: any) => h.to)).toEqual(['draft', 'submitted', 'withdrawn']);

  // What PostgreSQL holds: the history rows, and never two live applications of one child.
  expect((await opened.store.read((r) => r.applications.history(app.id))).map((h) => h.action)).toEqual(['create', 'submit', 'withdraw']);
  expect(await opened.store.read((r) => r.applications.countLivePerChildOverOne([...liveStatuses]))).toBe(0);
});

test('two submissions for one child at once (two phones, two keys): one 201, one CONFLICT', async () => {
  await clock('2024-06-11T11:00:00');
  const auth = await login('two-children');
  const [a, b] = await Promise.all([submissionBody(auth, 'race-a'), submissionBody(auth, 'race-b')]);
  const answers = await Promise.all([submit(auth, a), submit(auth, { ...b, schoolId: '500112-P-3', schoolType: 'publicNormal' })]);
  expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
  expect(answers.find((r) => r.status === 409)!.data.error.code).toBe('CONFLICT');
  expect(await opened.store.read((r) => r.applications.countLivePerChildOverOne([...liveStatuses]))).toBe(0);
});

test('a double tap (two submissions with one key at once): one application, both answers name it', async () => {
  await server.dev!.qa.reset();
  await clock('2024-06-11T11:00:00');
  const auth = await login('two-children');
  const body = await submissionBody(auth, 'double-tap');
  const answers = await Promise.all([submit(auth, body), submit(auth, body)]);
  expect(answers.every((r) => r.status === 200 || r.status === 201)).toBe(true);
  expect(answers[0].data.application.id).toBe(answers[1].data.application.id);
  const mine = await call('GET', '/api/v1/applications', undefined, auth);
  expect(mine.data.applications).toHaveLength(1);
});
