/** What the host's telemetry may hear: routes without ids, error classes without messages. */
import { configure, resetConfig } from '@/config';
import type { HostBridge, HttpRequest } from '@contract/bridge';
import { createApiClient } from './http';
import { apiRoute, errorClass, reportError } from './telemetry';

afterEach(() => resetConfig());

describe('apiRoute', () => {
  it('keeps the route and drops ids, query and origin', () => {
    expect(apiRoute('GET', '/api/applications/A20240611000123/history?since=2024')).toBe('GET /api/applications/:id/history');
    expect(apiRoute('POST', 'https://api.host.example/api/children/c_7f3a9e/upkeep')).toBe('POST /api/children/:id/upkeep');
    expect(apiRoute('GET', '/api/districts/500112/schools?stage=primary')).toBe('GET /api/districts/:id/schools');
    expect(apiRoute('GET', '/api/calendar')).toBe('GET /api/calendar');
    expect(apiRoute('GET', '/api/v1/applications/A0000000000404')).toBe('GET /api/v1/applications/:id');
    expect(apiRoute('GET', '/api/v1/children/abcdefghijklmnopqrstuvwxyz')).toBe('GET /api/v1/children/:id');
  });

  it('never passes on an ID number or a phone number in a path', () => {
    expect(apiRoute('GET', '/api/x/50011220180101123X')).toBe('GET /api/x/:id');
    expect(apiRoute('GET', '/api/x/13800138000')).toBe('GET /api/x/:id');
  });
});

describe('errorClass', () => {
  it('names the class, never the message', () => {
    expect(errorClass(new TypeError('王小涵 500112201801011234'))).toBe('TypeError');
    expect(errorClass('RangeError: 13800138000 is out of range')).toBe('RangeError');
    expect(errorClass('某某出错了')).toBe('Error');
    expect(errorClass({ message: 'SyntaxError: x' })).toBe('SyntaxError');
    expect(errorClass(undefined)).toBe('Error');
  });
});

describe('reportError', () => {
  it('hands the event to the host hook, and a throwing hook never breaks the module', () => {
    const error = jest.fn();
    configure({ telemetry: { error } });
    reportError({ kind: 'render', code: 'TypeError', where: '我的申请' });
    expect(error).toHaveBeenCalledWith({ kind: 'render', code: 'TypeError', where: '我的申请' });
    configure({
      telemetry: {
        error: () => {
          throw new Error('host down');
        },
      },
    });
    expect(() => reportError({ kind: 'script', code: 'Error', where: 'app' })).not.toThrow();
  });
});

describe('API failures reach the telemetry hook', () => {
  const answering = (status: number, data: unknown) =>
    ({ request: async (_req: HttpRequest) => ({ ok: true as const, value: { status, data, headers: {} } }) }) as unknown as HostBridge;

  it('once per failed call, with the code and status, after the retries; never for a success', async () => {
    const failures: unknown[] = [];
    const deps = { token: () => 't', onUnauthenticated: () => undefined, onQueue: () => undefined, onFailure: (f: unknown) => failures.push(f), sleep: async () => undefined };
    const refused = createApiClient({ ...deps, bridge: () => answering(409, { error: { code: 'CONFLICT', message: '该子女已有申请' } }) });
    await refused.call('/api/applications/A1', { method: 'POST', body: {} });
    expect(failures).toEqual([{ method: 'POST', url: '/api/applications/A1', code: 'CONFLICT', status: 409 }]);

    const offline = { request: async () => ({ ok: false as const, error: { kind: 'network' as const } }) } as unknown as HostBridge;
    await createApiClient({ ...deps, bridge: () => offline }).call('/api/calendar');
    expect(failures[1]).toEqual({ method: 'GET', url: '/api/calendar', code: 'NETWORK', status: 0 });

    await createApiClient({ ...deps, bridge: () => answering(200, { fine: true }) }).call('/api/calendar');
    expect(failures).toHaveLength(2);
  });
});
