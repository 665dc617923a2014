/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/**
 * Bad input cannot hurt anyone (issue 12, property 7), attacked over HTTP: bodies too large or too
 * deep, prototype-polluting keys at any depth (body, record, query), wrong content types and
 * malformed JSON all get 400/413 in Chinese in the one error shape, and change nothing.
 */
import { ApiErrorBodySchema, MAX_JSON_BODY_BYTES } from '@contract/api';
import { sampleUpkeep } from '../../qa/scenarioKit';
import { issueStaffToken } from '../../usecases/staff';
import { setupServer } from '../harness';

const { server, call, clock, login } = setupServer();
const CHILD = 'CH-two-children-primary';

/** Everything a refused request could have changed. */
async function snapshot() {
  return server().deps.store.read(async (r) =>
    JSON.stringify([await r.children.listAll(1000), await r.applications.listAll(1000), await r.uploads.listAll(1000), await r.audit.list({ limit: 1000 }), await r.upkeep.get((await r.accounts.byIdNumber('500112198703154627'))?.id ?? '', CHILD)]),
  );
}

const raw = (method: string, path: string, text: string, auth: Record<string, string>, type = 'application/json') => call(method, path, text, { ...auth, 'Content-Type': type });

function expectRefusal(r: { status: number; data: any }, status: number) {
  expect(r.status).toBe(status);
  expect(ApiErrorBodySchema.safeParse(r.data).success).toBe(true);
  expect(r.data.error.message).toMatch(/[\u4e00-\u9fa5]/);
}

describe('body size and nesting', () => {
  test('a body over the JSON limit is 413 before it is parsed, whatever its Content-Length claims', async () => {
    const auth = await login();
    const before = await snapshot();
    const big = JSON.stringify({ name: 'x'.repeat(MAX_JSON_BODY_BYTES), idNumber: '1', relationship: 'father' });
    expectRefusal(await raw('POST', '/api/v1/children', big, auth), 413);
    // Chunked (no Content-Length): the limit counts the bytes as they come.
    const stream = new ReadableStream({
      start(ctl) {
        for (let i = 0; i < 20; i++) ctl.enqueue(new TextEncoder().encode(' '.repeat(8 * 1024)));
        ctl.close();
      },
    });
    const res = await server().app.request('http://localhost/api/v1/children', { method: 'POST', body: stream, headers: { ...auth, 'Content-Type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(await snapshot()).toBe(before);
  });

  test('nesting deeper than 16 is refused with 400 before parsing, even inside a string-free array', async () => {
    const auth = await login();
    const before = await snapshot();
    const deep = `{"name":"王小明","idNumber":"1","relationship":"father","x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const r = await raw('POST', '/api/v1/children', deep, auth);
    expectRefusal(r, 400);
    expect(r.data.error.code).toBe('VALIDATION');
    expect(r.data.error.message).toContain('层级过深');
    // Brackets inside strings are text, not depth: this body is refused by the schema, not the guard.
    const inString = await raw('POST', '/api/v1/children', JSON.stringify({ name: '['.repeat(40), idNumber: '{'.repeat(20), relationship: 'father', extra: 1 }), auth);
    expectRefusal(inString, 400);
    expect(inString.data.error.message).not.toContain('层级过深');
    expect(await snapshot()).toBe(before);
  });

  test('malformed JSON is 400 and a wrong content type 415, in Chinese', async () => {
    const auth = await login();
    const before = await snapshot();
    expectRefusal(await raw('POST', '/api/v1/children', '{"name":', auth), 400);
    expectRefusal(await raw('POST', '/api/v1/children', 'name=a&idNumber=b', auth, 'application/x-www-form-urlencoded'), 415);
    // Not JSON at all: the route's validator refuses the media type.
    expectRefusal(await raw('POST', '/api/v1/children', '{}', auth, 'text/plain'), 415);
    expectRefusal(await raw('POST', '/api/v1/face-verifications', 'not json', {}, 'text/plain'), 415);
    expect(await snapshot()).toBe(before);
  });
});

describe('prototype-polluting keys', () => {
  const hostile = ['__proto__', 'constructor', 'prototype', '\\u005f_proto__'];

  test.each(hostile)('"%s" at the top, in a nested object and in a material record is refused, and Object.prototype stays clean', async (key) => {
    await clock('2024-05-14T10:00:00');
    const auth = await login();
    const before = await snapshot();
    const upkeep = JSON.stringify({ ...sampleUpkeep('two-children'), attachments: { householdRegister: ['F1'] } });
    const bodies = [
      `{"${key}":{"polluted":true},"name":"王小明","idNumber":"500112201801010011","relationship":"father"}`,
      upkeep.replace('"householdAddress":{', `"householdAddress":{"${key}":{"polluted":true},`),
      upkeep.replace('"attachments":{', `"attachments":{"${key}":["F1"],`),
      upkeep.replace('"guardians":[{', `"guardians":[{"${key}":{"polluted":true},`),
    ];
    const paths: Array<[string, string]> = [['POST', '/api/v1/children'], ['PUT', `/api/v1/children/${CHILD}/upkeep`], ['PUT', `/api/v1/children/${CHILD}/upkeep`], ['PUT', `/api/v1/children/${CHILD}/upkeep`]];
    for (const [i, text] of bodies.entries()) {
      const r = await raw(paths[i][0], paths[i][1], text, auth);
      expectRefusal(r, 400);
      expect([i, r.data.error.message]).toEqual([i, expect.stringContaining('不允许的字段')]);
    }
    expect(({} as any).polluted).toBeUndefined();
    expect(await snapshot()).toBe(before);
  });

  test('a hostile query name is refused; a record keyed by something else than a material code is refused by the schema', async () => {
    await clock('2024-05-14T10:00:00');
    const auth = await login();
    expectRefusal(await call('GET', '/api/v1/materials?districtCode=500112&stage=primary&schoolType=publicTight&source=localHukou&__proto__=x', undefined, auth), 400);
    expectRefusal(await call('GET', '/api/v1/materials?districtCode=500112&stage=primary&schoolType=publicTight&source=localHukou&constructor=x', undefined, auth), 400);
    const before = await snapshot();
    const r = await call('PUT', `/api/v1/children/${CHILD}/upkeep`, { ...sampleUpkeep('two-children'), attachments: { toString: ['F1'], hasOwnProperty: ['F2'] } }, auth);
    expectRefusal(r, 400);
    expect(Object.keys(r.data.error.fieldErrors).sort()).toEqual(['attachments.hasOwnProperty', 'attachments.toString']);
    expect(await snapshot()).toBe(before);
  });

  test('identifiers that name Object.prototype members are simply not found', async () => {
    const auth = await login();
    const operator = { Authorization: `Bearer ${(await issueStaffToken(server().deps, { name: '测试', role: 'lotteryOperator', districtCode: null }, '2024-06-01T09:00:00+08:00')).token}` };
    for (const id of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      expect((await call('GET', `/api/v1/children/${id}/upkeep`, undefined, auth)).status).toBe(404);
      expect((await call('GET', `/api/v1/applications/${id}`, undefined, auth)).status).toBe(404);
      expect((await call('GET', `/api/v1/uploads/${id}`, undefined, auth)).status).toBe(404);
      expect((await call('GET', `/api/v1/districts/500112/schools?stage=${id}`, undefined, auth)).status).toBe(400);
      expect((await call('POST', `/api/v1/staff/lottery/${id}/draw`, undefined, operator)).status).toBe(404);
      expect((await call('GET', `/api/v1/lottery/draws/${id}`)).status).toBe(404);
    }
  });
});

describe('idempotency keys', () => {
  test('are bounded: a 65-character or non-token key is refused before any work', async () => {
    const auth = await login();
    const r = await call('POST', '/api/v1/uploads', new Uint8Array([1]), { ...auth, 'X-Material-Code': 'householdRegister', 'Idempotency-Key': 'k'.repeat(65) });
    expectRefusal(r, 400);
    const s = await call('POST', '/api/v1/uploads', new Uint8Array([1]), { ...auth, 'X-Material-Code': 'householdRegister', 'Idempotency-Key': 'a b' });
    expectRefusal(s, 400);
  });
});

describe('one malformed request hurts nobody else', () => {
  test('after a volley of hostile bodies from one parent, every parent still writes', async () => {
    await clock('2024-05-14T10:00:00');
    const attacker = await login('migrant');
    const volley = [
      `{"__proto__":{"isAdmin":true}}`,
      `{"constructor":{"prototype":{"polluted":true}}}`,
      '['.repeat(100_000),
      '{"a":' + '"x",'.repeat(10) + '}',
      JSON.stringify({ name: '😀'.repeat(20_000), idNumber: 1, relationship: null }),
    ];
    for (const text of volley) {
      for (const path of ['/api/v1/children', `/api/v1/children/${CHILD}/upkeep`, '/api/v1/applications']) {
        const r = await raw(path === '/api/v1/children' || path === '/api/v1/applications' ? 'POST' : 'PUT', path, text, attacker);
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
      }
    }
    expect(({} as any).isAdmin).toBeUndefined();
    expect(({} as any).polluted).toBeUndefined();
    const parent = await login('two-children');
    expect((await call('PUT', `/api/v1/children/${CHILD}/upkeep`, sampleUpkeep('two-children'), parent)).status).toBe(200);
    const added = await call('POST', '/api/v1/children', { name: '测试', idNumber: '500112201801010011', relationship: 'father' }, attacker);
    expect(added.status).toBeLessThan(500);
  });
});
