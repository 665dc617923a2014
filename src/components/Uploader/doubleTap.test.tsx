/** A double tap on 上传 opens one picker and sends one photo, and the list gets one file. */
import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import type { HostBridge, HostResult, HttpResponse, PickedImage } from '@contract/bridge';
import { createH5Bridge } from '@/bridge/h5';
import { setBridge } from '@/bridge';
import { ok } from '@/bridge/result';
import { UploaderHarness as Harness } from './testHarness';

const PHOTO: PickedImage = { path: 'blob:photo', name: '户口簿.jpg', size: 3_000_000, mime: 'image/jpeg' };


test('double tap on the upload button: one picker, one upload, one file', async () => {
  let picks = 0;
  let uploads = 0;
  const bridge: HostBridge = {
    ...createH5Bridge({ origin: 'http://localhost' }),
    pickImages: async () => {
      picks += 1;
      await new Promise((r) => setTimeout(r, 20));
      return ok([PHOTO]);
    },
    compressImage: async () => ok({ path: 'blob:small', size: 300_000, width: 1800, height: 1350, mime: 'image/jpeg' }),
    uploadFile: () => {
      uploads += 1;
      const result = new Promise<HostResult<HttpResponse>>((resolve) =>
        setTimeout(() => resolve(ok({ status: 201, headers: {}, data: { fileId: `f${uploads}`, mime: 'image/jpeg', size: 300_000, uploadedAt: '', url: '' } })), 5),
      );
      return { result, abort: () => undefined };
    },
    loadPreview: async (url) => ok(`preview:${url}`),
  };
  setBridge(bridge);
  const onIds = jest.fn();
  render(<Harness onIds={onIds} />);
  const button = screen.getByRole('button', { name: '上传户口簿照片' });
  fireEvent.click(button);
  fireEvent.click(button);
  await waitFor(() => expect(onIds).toHaveBeenCalledWith(['f1']));
  await new Promise((r) => setTimeout(r, 50));
  expect(picks).toBe(1);
  expect(uploads).toBe(1);
  expect(onIds).not.toHaveBeenCalledWith(['f1', 'f2']);
});
