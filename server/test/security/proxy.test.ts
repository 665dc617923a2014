/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/**
 * Rate limits behind a reverse proxy (issue 12, property 9), over real sockets: the Node server
 * listens on loopback and the test is the caller, or the proxy in front of callers. Without
 * TRUST_PROXY a forged X-Forwarded-For buys no fresh bucket; with it, each client behind the proxy
 * has its own bucket, and what a client writes into the header itself is not believed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../node/config';
import { startNodeServer, type RunningServer } from '../../node/start';
import { clientAddress, parseTrustProxy } from '../../security/clientAddress';
import type { Store } from '../../ports/store';
import { openTestStore } from '../harness';

jest.setTimeout(30_000);

const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxy-keys-'));
let store: Store;
let running: RunningServer | null = null;
beforeAll(async () => {
  store = await openTestStore();
});
afterEach(async () => {
  await running?.close();
  running = null;
});
afterAll(() => fs.rmSync(keysDir, { recursive: true, force: true }));

/** A development server on a free loopback port; three anonymous calls per address, then 429. */
async function serverWith(env: Record<string, string>): Promise<RunningServer> {
  const config = { ...loadConfig({ PORT: '0', LOG_REQUESTS: '0', RATE_ANON_BURST: '3', RATE_ANON_PER_SEC: '0.01', ...env }), keysDir };
  running = await startNodeServer(config, { store });
  await running.server.dev!.qa.reset();
  return running;
}

/** An anonymous call (starting a face verification) with the X-Forwarded-For a proxy or a forger sends. */
async function begin(s: RunningServer, forwardedFor?: string): Promise<{ status: number; data: any; retryAfter: string | null }> {
  const res = await fetch(`${s.url}/api/v1/face-verifications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) },
    body: '{}',
  });
  return { status: res.status, data: await res.json(), retryAfter: res.headers.get('retry-after') };
}

function expectLimited(r: { status: number; data: any; retryAfter: string | null }) {
  expect(r.status).toBe(429);
  expect(r.data.error.code).toBe('OVERLOADED');
  expect(r.data.error.message).toContain('当前访问人数较多');
  expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
}

describe('without TRUST_PROXY', () => {
  test('a caller writing a new X-Forwarded-For on every request is still one caller: the fourth is 429', async () => {
    const s = await serverWith({});
    for (let i = 1; i <= 3; i++) expect((await begin(s, `198.51.100.${i}`)).status).toBe(201);
    expectLimited(await begin(s, '198.51.100.4'));
    expectLimited(await begin(s));
  });

  test('a proxy list that does not name the caller\'s address changes nothing: its header is ignored', async () => {
    const s = await serverWith({ TRUST_PROXY: '10.0.0.1' });
    for (let i = 1; i <= 3; i++) expect((await begin(s, `198.51.100.${i}`)).status).toBe(201);
    expectLimited(await begin(s, '198.51.100.4'));
  });
});

describe('behind a trusted reverse proxy', () => {
  test.each([
    ['TRUST_PROXY=1 (one hop)', '1'],
    ['TRUST_PROXY=127.0.0.1 (the proxy\'s address)', '127.0.0.1'],
  ])('%s: each client behind the proxy has its own bucket, and a client\'s own header entries are not believed', async (_name, trust) => {
    const s = await serverWith({ TRUST_PROXY: trust });
    // The proxy appends the address it saw: 203.0.113.10 is one parent's phone, 203.0.113.20 another's.
    for (let i = 0; i < 3; i++) expect((await begin(s, '203.0.113.10')).status).toBe(201);
    expectLimited(await begin(s, '203.0.113.10'));
    // The other parent behind the same proxy is not refused for the first one's calls.
    expect((await begin(s, '203.0.113.20')).status).toBe(201);
    // The first phone writes an address of its own choosing; the proxy appends the real one after it.
    expectLimited(await begin(s, '198.51.100.77, 203.0.113.10'));
    // A request without the header is the proxy's own.
    expect((await begin(s)).status).toBe(201);
  });

  test('a chain of proxies named by address and CIDR block: the first address outside them is the client', async () => {
    const s = await serverWith({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8' });
    // The phone → an inner proxy (10.1.2.3) → the outer proxy (this test, on loopback).
    for (let i = 0; i < 3; i++) expect((await begin(s, '203.0.113.10, 10.1.2.3')).status).toBe(201);
    expectLimited(await begin(s, '203.0.113.10, 10.9.9.9'));
    expect((await begin(s, '203.0.113.20, 10.1.2.3')).status).toBe(201);
  });
});

describe('the rule itself', () => {
  test('hops, lists, IPv4-mapped addresses and malformed entries', () => {
    expect(clientAddress('127.0.0.1', '1.2.3.4', null)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 1.2.3.4', { hops: 1 })).toBe('1.2.3.4');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 1.2.3.4, 10.0.0.2', { hops: 2 })).toBe('1.2.3.4');
    expect(clientAddress('::ffff:127.0.0.1', '::FFFF:1.2.3.4', { proxies: ['127.0.0.1'] })).toBe('1.2.3.4');
    // More hops than entries: the leftmost; a malformed entry: the last well-formed address.
    expect(clientAddress('127.0.0.1', '1.2.3.4', { hops: 3 })).toBe('1.2.3.4');
    expect(clientAddress('127.0.0.1', 'not-an-ip', { hops: 1 })).toBe('127.0.0.1');
    expect(clientAddress('10.0.0.1', '1.2.3.4', { proxies: ['127.0.0.1'] })).toBe('10.0.0.1');
  });

  test('TRUST_PROXY parsing, with a message saying what is wrong', () => {
    expect(parseTrustProxy(undefined)).toBeNull();
    expect(parseTrustProxy('0')).toBeNull();
    expect(parseTrustProxy('2')).toEqual({ hops: 2 });
    expect(parseTrustProxy(' 10.0.0.1, 192.168.0.0/16 ,::1')).toEqual({ proxies: ['10.0.0.1', '192.168.0.0/16', '::1'] });
    expect(() => parseTrustProxy('proxy.internal')).toThrow(/not an IP address/);
    expect(() => parseTrustProxy('10.0.0.0/40')).toThrow(/CIDR/);
    expect(() => parseTrustProxy('99')).toThrow(/1–10/);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({}).trustProxy).toBeNull();
  });
});
