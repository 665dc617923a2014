/**
 * Uploads under an overloaded server (429 + Retry-After), in simulated time: they honour
 * Retry-After and share the API client's limiter, so photos and page loads together still send
 * no more than 8 requests a minute.
 */
import type { HostBridge, HostResult, HttpResponse, PickedImage } from '@contract/bridge';
import { createH5Bridge } from '@/bridge/h5';
import { setBridge } from '@/bridge';
import { ok } from '@/bridge/result';
import { createApiClient } from './http';
import { createOverloadLimiter } from './overloadLimiter';
import { startUpload } from './upload';

const PHOTO: PickedImage = { path: 'blob:photo', name: '户口簿.jpg', size: 3_000_000, mime: 'image/jpeg' };
const OVERLOADED = { status: 429, headers: { 'retry-after': '10' }, data: { error: { code: 'OVERLOADED', message: '当前访问人数较多，请稍候', retryAfter: 10 } } };
const RECORD = { fileId: 'f1', mime: 'image/jpeg', size: 300_000, uploadedAt: '', url: '' };

/** Every request of the app (uploads and API calls) with its send time. */
function overloadedHost(answer: (n: number) => HttpResponse) {
  const sent: Array<{ at: number; what: string }> = [];
  const bridge: HostBridge = {
    ...createH5Bridge({ origin: 'http://localhost' }),
    compressImage: async () => ok({ path: 'blob:small', size: 300_000, width: 1800, height: 1350, mime: 'image/jpeg' }),
    uploadFile: () => {
      sent.push({ at: Date.now(), what: 'upload' });
      return { result: Promise.resolve<HostResult<HttpResponse>>(ok(answer(sent.length))), abort: () => undefined };
    },
    request: async (req) => {
      sent.push({ at: Date.now(), what: req.url });
      return ok(OVERLOADED);
    },
  };
  setBridge(bridge);
  return { bridge, sent };
}

const maxPerMinute = (times: number[]) => Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + 60000).length));

beforeEach(() => {
  jest.useFakeTimers();
  jest.setSystemTime(new Date('2024-06-11T02:00:00Z'));
});
afterEach(() => jest.useRealTimers());

test('an upload answered "overloaded" waits the server\'s Retry-After, tells the parent, then succeeds', async () => {
  const { sent } = overloadedHost((n) => (n === 1 ? OVERLOADED : { status: 201, headers: {}, data: RECORD }));
  const queue: boolean[] = [];
  const limiter = createOverloadLimiter({ onQueue: (w) => queue.push(w) });
  const upload = startUpload(PHOTO, { materialCode: 'householdRegister', maxBytes: 2 * 1024 * 1024, limiter });
  await jest.advanceTimersByTimeAsync(60000);
  const outcome = await upload.result;
  expect(outcome.ok).toBe(true);
  expect(sent).toHaveLength(2);
  expect(sent[1].at - sent[0].at).toBeGreaterThanOrEqual(10000);
  expect(queue).toEqual([true, false]);
});

test('uploads and API calls under sustained overload share one limit: at most 8 requests a minute', async () => {
  const { bridge, sent } = overloadedHost(() => OVERLOADED);
  const limiter = createOverloadLimiter({ onQueue: () => undefined });
  const client = createApiClient({ bridge: () => bridge, token: () => 't', onUnauthenticated: () => undefined, onQueue: () => undefined, limiter });
  const options = { materialCode: 'householdRegister' as const, maxBytes: 2 * 1024 * 1024, limiter };
  const uploads = [startUpload(PHOTO, options).result, startUpload({ ...PHOTO, path: 'blob:second' }, { ...options, materialCode: 'birthCertificate' }).result];
  const calls = [client.call('/api/v1/children'), client.call('/api/v1/applications')];
  await jest.advanceTimersByTimeAsync(30 * 60000);
  const [first, second] = await Promise.all(uploads);
  const [children, applications] = await Promise.all(calls);
  expect(first.ok || second.ok || children.ok || applications.ok).toBe(false);
  if (!first.ok) expect(first.message).toBe('当前访问人数较多，请稍候');
  expect(sent.filter((s) => s.what === 'upload').length).toBeGreaterThan(2);
  expect(maxPerMinute(sent.map((s) => s.at))).toBeLessThanOrEqual(8);
});
