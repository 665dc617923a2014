/**
 * The API client under a sustained "overloaded" answer (429 + Retry-After), in simulated time:
 * at most 8 requests a minute across concurrent callers, jittered backoff, Retry-After honoured,
 * and the queue notice raised while waiting.
 */
import type { HostBridge, HttpRequest } from '@contract/bridge';
import { createApiClient, OVERLOAD_MIN_WAIT_MS } from './http';

type Answer = { status: number; data: unknown };

function overloadedBridge(retryAfter: number, answer?: (n: number) => Answer) {
  const sent: number[] = [];
  const bridge = {
    request: async (_req: HttpRequest) => {
      sent.push(Date.now());
      const a = answer?.(sent.length) ?? { status: 429, data: { error: { code: 'OVERLOADED', message: '当前访问人数较多，请稍候', retryAfter } } };
      return { ok: true as const, value: { status: a.status, data: a.data, headers: {} } };
    },
  } as unknown as HostBridge;
  return { bridge, sent };
}

function clientWith(bridge: HostBridge, random: () => number = Math.random) {
  const queue: boolean[] = [];
  const client = createApiClient({ bridge: () => bridge, token: () => 't', onUnauthenticated: () => undefined, onQueue: (w) => queue.push(w), random });
  return { client, queue };
}

/** Most requests in any 60 s window. */
function maxPerMinute(times: number[]): number {
  let most = 0;
  for (const start of times) most = Math.max(most, times.filter((t) => t >= start && t < start + 60000).length);
  return most;
}

beforeEach(() => {
  jest.useFakeTimers();
  jest.setSystemTime(new Date('2024-06-11T02:00:00Z'));
});
afterEach(() => jest.useRealTimers());

test('one caller under sustained overload: no more than 8 requests in any minute, notice shown', async () => {
  const { bridge, sent } = overloadedBridge(1);
  const { client, queue } = clientWith(bridge);
  const done = client.call('/api/v1/calendar');
  await jest.advanceTimersByTimeAsync(10 * 60000);
  const result = await done;
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.message).toBe('当前访问人数较多，请稍候');
  expect(maxPerMinute(sent)).toBeLessThanOrEqual(8);
  for (let i = 1; i < sent.length; i++) expect(sent[i] - sent[i - 1]).toBeGreaterThanOrEqual(OVERLOAD_MIN_WAIT_MS);
  expect(queue[0]).toBe(true);
  expect(queue[queue.length - 1]).toBe(false);
});

test('several stores calling at once share the limit: still no more than 8 requests a minute', async () => {
  const { bridge, sent } = overloadedBridge(1);
  const { client, queue } = clientWith(bridge);
  const calls = ['/calendar', '/districts', '/children', '/applications', '/materials'].map((u) => client.call(`/api/v1${u}`));
  // Each caller that gives up is retried by the parent pressing 重试: keep the pressure on.
  const retries: Promise<unknown>[] = [];
  for (let second = 0; second < 180; second++) {
    if (second % 20 === 0) retries.push(client.call('/api/v1/time'));
    await jest.advanceTimersByTimeAsync(1000);
  }
  await jest.advanceTimersByTimeAsync(20 * 60000);
  await Promise.all([...calls, ...retries]);
  expect(sent.length).toBeGreaterThan(8);
  expect(maxPerMinute(sent)).toBeLessThanOrEqual(8);
  // The notice does not flicker off while another call is still waiting.
  expect(queue.filter((w) => !w).length).toBeLessThanOrEqual(queue.filter((w) => w).length);
  expect(queue[queue.length - 1]).toBe(false);
});

test('Retry-After is honoured: the next request waits at least as long as the server asked', async () => {
  const { bridge, sent } = overloadedBridge(30, (n) => (n === 1 ? undefined : { status: 200, data: { ok: 1 } }) as Answer);
  const { client } = clientWith(bridge, () => 0);
  const done = client.call('/api/v1/calendar');
  await jest.advanceTimersByTimeAsync(29999);
  expect(sent.length).toBe(1);
  await jest.advanceTimersByTimeAsync(60000);
  expect((await done).ok).toBe(true);
  expect(sent.length).toBe(2);
  expect(sent[1] - sent[0]).toBeGreaterThanOrEqual(30000);
});

test('the backoff is jittered: different random draws give different waits, never below the floor', async () => {
  const gaps: number[] = [];
  for (const r of [0, 0.37, 0.99]) {
    const { bridge, sent } = overloadedBridge(10, (n) => (n === 1 ? undefined : { status: 200, data: {} }) as Answer);
    const { client } = clientWith(bridge, () => r);
    const done = client.call('/api/v1/districts');
    await jest.advanceTimersByTimeAsync(60000);
    await done;
    gaps.push(sent[1] - sent[0]);
  }
  expect(new Set(gaps).size).toBe(3);
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(10000);
  // Full jitter spreads the herd over half the base wait again.
  expect(gaps[2] - gaps[0]).toBeGreaterThan(4000);
});

test('after the overload passes, requests flow freely again', async () => {
  const { bridge, sent } = overloadedBridge(10, (n) => (n === 1 ? undefined : { status: 200, data: {} }) as Answer);
  const { client } = clientWith(bridge, () => 0);
  const first = client.call('/api/v1/calendar');
  await jest.advanceTimersByTimeAsync(15000);
  await first;
  await jest.advanceTimersByTimeAsync(61000);
  const before = sent.length;
  await Promise.all([client.call('/a'), client.call('/b'), client.call('/c')]);
  expect(sent.length - before).toBe(3);
});
