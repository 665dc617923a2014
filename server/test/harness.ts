/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/**
 * The enrolment server over HTTP for jest: a development server (QA API, simulated host) on a fresh
 * store per test file, called through app.request exactly as a client calls it.
 */
import { composeServer, cryptoRandomBytes, type EnrolmentServer } from '../compose';
import { createMemoryStore } from '../adapters/memory/store';
import { createStoredReportKeys } from '../adapters/keys/stored';
import type { Store } from '../ports/store';
import { sampleJpeg, samplePng } from '../lib/sampleImages';

export const BASE = 'http://localhost';

export async function devServer(store: Store = createMemoryStore()): Promise<EnrolmentServer> {
  return composeServer({ store, reportKeys: createStoredReportKeys(store, cryptoRandomBytes), development: true });
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

/** A fresh development server per test (reset to a scenario), and the HTTP helpers. */
export function setupServer(scenario?: string) {
  let server: EnrolmentServer;
  beforeAll(async () => {
    server = await devServer();
  });
  beforeEach(async () => {
    await server.dev!.qa.reset(scenario);
  });
  return { server: () => server, ...httpClient(() => server) };
}

/** Real, decodable images (the server decodes every upload): a 200 x 300 PNG and a 480 x 640 JPEG. */
export const TINY_PNG = samplePng(200, 300);
export const TINY_JPEG = sampleJpeg(480, 640);
