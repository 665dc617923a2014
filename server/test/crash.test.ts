/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/**
 * SIGKILL during a write burst loses no acknowledged write. The real server runs as a child process
 * (tsx server/main.ts) on PGlite on disk; a burst of uploads, upkeep saves and submits is fired, the
 * process is killed with SIGKILL while requests are in flight, restarted on the same data directory,
 * and every write answered 2xx before the kill must be there exactly once, with the invariants held.
 * Twice: in the upkeep window (uploads, upkeep saves), then in the registration window (submits).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../adapters/sql/pglite';
import { sampleUpkeep } from '../qa/scenarioKit';
import { submissionBody } from './submission';
import { samplePng } from '../lib/sampleImages';

// PGlite (the final look into the data directory) loaded outside jest's sandbox (see pgliteTestEnvironment.js).
jest.mock('@electric-sql/pglite', () => (globalThis as unknown as { __nativePglite: unknown }).__nativePglite);
// Three server starts on PGlite on disk and two bursts: minutes on a loaded 2-core CI machine.
jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..', '..');

/** Servers this test started, killed at the end whatever happened. */
const live = new Set<ChildProcess>();
afterAll(() => {
  for (const p of live) p.kill('SIGKILL');
});

interface Running {
  proc: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

function startServer(dataDir: string): Promise<Running> {
  // node itself with tsx's loader (not the tsx CLI, which runs the server in a grandchild that a
  // SIGKILL of the CLI would leave running).
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_REQUESTS: '0', NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  delete env.ENROLMENT_DEV;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  live.add(proc);
  void exited.then(() => live.delete(proc));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /enrolment server: (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve({ proc, url: m[1], exited });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

async function stopServer(r: Running, signal: NodeJS.Signals): Promise<void> {
  r.proc.kill(signal);
  await r.exited;
}

function client(url: string) {
  return async function call(method: string, p: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body instanceof Uint8Array) init.body = body as unknown as BodyInit;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    const res = await fetch(`${url}${p}`, init);
    const text = await res.text();
    let data: any = text;
    try {
      data = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, data };
  };
}

type Call = ReturnType<typeof client>;

async function login(call: Call, identityId: string): Promise<Record<string, string>> {
  const begun = await call('POST', '/api/v1/face-verifications', {});
  if (begun.status !== 201) throw new Error(JSON.stringify(begun.data));
  const done = await call('POST', '/host/face/complete', { verifyId: begun.data.verifyId, identityId });
  if (done.status !== 200) throw new Error(JSON.stringify(done.data));
  const session = await call('POST', '/api/v1/session', { verificationId: begun.data.verificationId });
  if (session.status !== 201) throw new Error(JSON.stringify(session.data));
  return { Authorization: `Bearer ${session.data.token}` };
}

async function clock(call: Call, local: string) {
  const r = await call('POST', '/__qa/clock', { now: `${local}+08:00`, frozen: true });
  if (r.status !== 200) throw new Error(JSON.stringify(r.data));
}

/** A distinct real PNG per n (the server decodes every upload): a new blob and a new upload each. */
const pngNumber = (n: number) => samplePng(240, 240, n);

/** Fires `task(i)` with `concurrency` in flight until the process is killed (then every further call fails). */
async function burst(concurrency: number, total: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++).catch(() => undefined);
    }),
  );
}

/**
 * Resolves once `count()` reaches n, so the kill lands mid-burst with writes in flight; fails at once
 * (not at the test's timeout) if the work ends before that.
 */
const whenAcked = (count: () => number, n: number, work: Promise<unknown>, state: () => string) =>
  new Promise<void>((resolve, reject) => {
    const t = setInterval(() => {
      if (count() >= n) {
        clearInterval(t);
        resolve();
      }
    }, 2);
    void work.then(
      () => {
        clearInterval(t);
        if (count() < n) reject(new Error(`the burst ended with ${count()} of ${n} acknowledged writes before the kill (${state()})`));
      },
      (error) => {
        clearInterval(t);
        reject(error);
      },
    );
  });

/** The server's overload answers (429 rate, 503 write gate) say "again shortly": a loaded CI machine gets them. */
const overloaded = (r: { status: number }) => r.status === 429 || r.status === 503;
const shortly = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('SIGKILL during a write burst', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruxue-crash-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const ackedUploads = new Set<string>();
  /** Per child: the residence text of every save answered 200, in answer order, and the ones sent. */
  const upkeepAcked = new Map<string, string[]>();
  const upkeepSent = new Map<string, string[]>();
  const ackedSubmits: Array<{ key: string; id: string; childId: string }> = [];
  let inFlightAtKill = 0;

  test('round 1 (upkeep window): uploads and upkeep saves, killed mid-burst', async () => {
    const server = await startServer(dir);
    const call = client(server.url);
    await clock(call, '2024-05-14T10:00:00');
    const auth = await login(call, 'two-children');
    const children = ['CH-two-children-primary', 'CH-two-children-junior'];
    let inFlight = 0;
    let upkeepCount = 0;
    const chainEnds: string[] = [];
    const uploads = burst(8, 150, async (i) => {
      inFlight++;
      try {
        const r = await call('POST', '/api/v1/uploads', pngNumber(i), { ...auth, 'X-Material-Code': 'householdRegister' });
        if (r.status === 201) ackedUploads.add(r.data.fileId);
        else if (r.status >= 300) throw new Error(`upload answered ${r.status}: ${JSON.stringify(r.data)}`);
      } finally {
        inFlight--;
      }
    });
    // One chain per child: each save waits for the previous answer, so the last one answered 200 (or
    // the one in flight after it) must be what the database keeps.
    const chains = children.map(async (childId) => {
      const base = sampleUpkeep('two-children');
      for (let n = 0; n < 100; n++) {
        const text = `${base.residenceAddress.text}-${n}`;
        upkeepSent.set(childId, [...(upkeepSent.get(childId) ?? []), text]);
        inFlight++;
        try {
          const r = await call('PUT', `/api/v1/children/${childId}/upkeep`, { ...base, residenceAddress: { ...base.residenceAddress, text } }, auth);
          if (overloaded(r)) {
            // Refused before it ran, so it made nothing: off the sent list, and the chain goes on.
            upkeepSent.set(childId, upkeepSent.get(childId)!.slice(0, -1));
            await shortly();
            continue;
          }
          if (r.status !== 200) throw new Error(`upkeep answered ${r.status}: ${JSON.stringify(r.data)}`);
          upkeepAcked.set(childId, [...(upkeepAcked.get(childId) ?? []), text]);
          upkeepCount++;
        } catch (error) {
          // The kill ends the chain (fetch failed); anything else is said if the burst ends too early.
          chainEnds.push(String(error).slice(0, 200));
          return;
        } finally {
          inFlight--;
        }
      }
    });
    await whenAcked(() => (upkeepCount >= 6 ? ackedUploads.size : 0), 20, Promise.all([uploads, ...chains]), () => `${upkeepCount} upkeep saves, ${ackedUploads.size} uploads; chains ended by: ${chainEnds.join(' | ')}`);
    inFlightAtKill = inFlight;
    await stopServer(server, 'SIGKILL');
    await Promise.all([uploads, ...chains]);
    expect(ackedUploads.size).toBeGreaterThan(0);
    expect(upkeepCount).toBeGreaterThan(0);
    // The kill landed with writes in flight (else it proves nothing about them).
    expect(inFlightAtKill).toBeGreaterThan(0);
  });

  test('round 2 (registration window): restarted on the same data, submits and uploads, killed mid-burst', async () => {
    const server = await startServer(dir);
    const call = client(server.url);
    // 渝北区 registers from 6-09; the clock survived the kill (it is kept in the database).
    await clock(call, '2024-06-11T10:00:00');
    const auth = await login(call, 'two-children');
    const childId = 'CH-two-children-primary';
    const q = 'districtCode=500112&stage=primary&schoolType=publicTight&source=localHukou';
    const list = await call('GET', `/api/v1/materials?${q}`, undefined, auth);
    expect(list.status).toBe(200);
    const materials: Record<string, string[]> = {};
    let n = 10_000;
    for (const item of list.data.items.filter((i: any) => i.state === 'required')) {
      const r = await call('POST', '/api/v1/uploads', pngNumber(n++), { ...auth, 'X-Material-Code': item.code });
      expect(r.status).toBe(201);
      ackedUploads.add(r.data.fileId);
      materials[item.code] = [r.data.fileId];
    }
    const body = (key: string) => submissionBody({ idempotencyKey: key, childId, materials });
    let inFlight = 0;
    let acks = 0;
    const uploads = burst(4, 100, async (i) => {
      inFlight++;
      try {
        const r = await call('POST', '/api/v1/uploads', pngNumber(20_000 + i), { ...auth, 'X-Material-Code': 'birthCertificate' });
        if (r.status === 201) {
          ackedUploads.add(r.data.fileId);
          acks++;
        }
      } finally {
        inFlight--;
      }
    });
    // Submits for one child under different keys (one wins, the others are refused: one live
    // application) and replays of each key (the same answer): withdraw and submit again in a loop.
    const submits = (async () => {
      for (let round = 0; round < 50; round++) {
        const keys = [`k${round}a`, `k${round}b`];
        let won: { id: string; key: string } | null = null;
        inFlight += keys.length;
        const answers = await Promise.all(
          keys.map((key) =>
            call('POST', '/api/v1/applications', body(key), { ...auth, 'Idempotency-Key': key })
              .then((r) => ({ key, r }))
              .catch(() => null)
              .finally(() => inFlight--),
          ),
        );
        for (const a of answers) {
          if (!a) return;
          if (a.r.status === 201) {
            ackedSubmits.push({ key: a.key, id: a.r.data.application.id, childId });
            won = { id: a.r.data.application.id, key: a.key };
            acks++;
          } else if (overloaded(a.r)) await shortly();
          else if (a.r.status !== 409) throw new Error(`submit answered ${a.r.status}: ${JSON.stringify(a.r.data)}`);
        }
        // Both refused as overloaded: the round again (new keys; a refused key made nothing).
        if (!won && answers.every((a) => a && overloaded(a.r))) continue;
        if (!won) return;
        try {
          inFlight++;
          const w = await call('POST', `/api/v1/applications/${won.id}/withdraw`, undefined, auth).finally(() => inFlight--);
          if (w.status !== 200) throw new Error(`withdraw answered ${w.status}`);
        } catch {
          return;
        }
      }
    })();
    await whenAcked(() => (ackedSubmits.length >= 3 ? acks : 0), 12, Promise.all([uploads, submits]), () => `${ackedSubmits.length} submits, ${acks} acknowledged writes`);
    inFlightAtKill = inFlight;
    await stopServer(server, 'SIGKILL');
    await Promise.all([uploads, submits]);
    expect(ackedSubmits.length).toBeGreaterThan(0);
  });

  test('after a restart every acknowledged write is there exactly once, and the invariants hold', async () => {
    // The server starts again on the killed directory (stale lock taken over, recovery on open).
    const server = await startServer(dir);
    const call = client(server.url);
    const auth = await login(call, 'two-children');
    const mine = await call('GET', '/api/v1/applications', undefined, auth);
    expect(mine.status).toBe(200);
    await stopServer(server, 'SIGTERM');

    const db = await openPglite(path.join(dir, 'pglite'));
    try {
      const ids = [...ackedUploads];
      const uploads = await db.query<{ file_id: string; n: number }>('select file_id, count(*)::int as n from uploads where file_id = any($1::text[]) group by file_id', [ids]);
      expect(uploads.rows.length).toBe(ids.length);
      expect(uploads.rows.every((r) => Number(r.n) === 1)).toBe(true);

      for (const [childId, acked] of upkeepAcked) {
        const sent = upkeepSent.get(childId)!;
        const last = acked[acked.length - 1];
        // The last acknowledged save, or the one sent after it that was in flight at the kill.
        const allowed = [last, sent[sent.indexOf(last) + 1]].filter(Boolean);
        const kept = await db.query<{ text: string }>(`select info -> 'residenceAddress' ->> 'text' as text from upkeep where child_id = $1`, [childId]);
        expect(kept.rows.length).toBe(1);
        expect(allowed).toContain(kept.rows[0].text);
      }

      for (const s of ackedSubmits) {
        const key = await db.query<{ result_id: string }>(`select result_id from idempotency where scope = 'submit' and key = $1`, [s.key]);
        expect(key.rows).toEqual([{ result_id: s.id }]);
        const app = await db.query<{ n: number }>('select count(*)::int as n from applications where id = $1 and child_id = $2', [s.id, s.childId]);
        expect(Number(app.rows[0].n)).toBe(1);
        // The acknowledged submit is in the history (once per acknowledged key of that application).
        const submitted = await db.query<{ n: number }>(`select count(*)::int as n from application_history where application_id = $1 and action = 'submit'`, [s.id]);
        expect(Number(submitted.rows[0].n)).toBeGreaterThanOrEqual(ackedSubmits.filter((x) => x.id === s.id).length);
      }
      const twoLive = await db.query<{ n: number }>(
        `select count(*)::int as n from (select child_id from applications where status not in ('draft', 'withdrawn', 'rejected', 'lotteryLost', 'forfeited') group by child_id having count(*) > 1) x`,
      );
      expect(Number(twoLive.rows[0].n)).toBe(0);
      // Every application's status is the last of its history (nothing half-written).
      const torn = await db.query<{ n: number }>(
        `select count(*)::int as n from applications a where a.status <> (select h.to_status from application_history h where h.application_id = a.id order by h.seq desc limit 1)`,
      );
      expect(Number(torn.rows[0].n)).toBe(0);
    } finally {
      await db.close();
    }
  });
});
