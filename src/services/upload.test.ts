/**
 * A double tap or a replayed start never sends the same photo twice: the second start joins the
 * running upload; once it has finished, a deliberate new start (重新上传) is a new upload.
 */
import type { HostBridge, HostResult, HttpResponse, PickedImage } from '@contract/bridge';
import { createH5Bridge } from '@/bridge/h5';
import { setBridge } from '@/bridge';
import { ok } from '@/bridge/result';
import { startUpload } from './upload';

const PHOTO: PickedImage = { path: 'blob:photo', name: '户口簿.jpg', size: 3_000_000, mime: 'image/jpeg' };

function installBridge() {
  const sent: string[] = [];
  let n = 0;
  const bridge: HostBridge = {
    ...createH5Bridge({ origin: 'http://localhost' }),
    compressImage: async () => ok({ path: 'blob:small', size: 300_000, width: 1800, height: 1350, mime: 'image/jpeg' }),
    uploadFile: (req) => {
      sent.push(req.url);
      const result = new Promise<HostResult<HttpResponse>>((resolve) =>
        setTimeout(() => resolve(ok({ status: 201, headers: {}, data: { fileId: `f${++n}`, mime: 'image/jpeg', size: 300_000, uploadedAt: '', url: '' } })), 5),
      );
      return { result, abort: () => undefined };
    },
  };
  setBridge(bridge);
  return sent;
}

const options = { materialCode: 'householdRegister' as const, maxBytes: 2 * 1024 * 1024, sleep: async () => undefined };

test('two starts of the same photo at once send it once and give both callers the same record', async () => {
  const sent = installBridge();
  const first = startUpload(PHOTO, options);
  const second = startUpload(PHOTO, options);
  const [a, b] = await Promise.all([first.result, second.result]);
  expect(sent).toHaveLength(1);
  expect(a.ok && b.ok && a.record.fileId === b.record.fileId).toBe(true);
});

test('ten rapid starts (a replayed tap) still make one upload', async () => {
  const sent = installBridge();
  const outcomes = await Promise.all(Array.from({ length: 10 }, () => startUpload(PHOTO, options).result));
  expect(sent).toHaveLength(1);
  expect(new Set(outcomes.map((o) => (o.ok ? o.record.fileId : o.reason))).size).toBe(1);
});

test('a different photo or material is its own upload; a new start after the first finished is allowed', async () => {
  const sent = installBridge();
  await Promise.all([
    startUpload(PHOTO, options).result,
    startUpload({ ...PHOTO, path: 'blob:other' }, options).result,
    startUpload(PHOTO, { ...options, materialCode: 'birthCertificate' }).result,
  ]);
  expect(sent).toHaveLength(3);
  await startUpload(PHOTO, options).result;
  expect(sent).toHaveLength(4);
});
