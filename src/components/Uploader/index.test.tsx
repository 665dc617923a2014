import '@testing-library/jest-dom';
import { render, screen, fireEvent, waitFor, act } from '@testing-library/react';
import type { HostBridge, HostResult, HttpResponse, PickedImage, UploadRequest } from '@contract/bridge';
import { createH5Bridge } from '@/bridge/h5';
import { setBridge } from '@/bridge';
import { ok, fail } from '@/bridge/result';
import { auth } from '@/services/auth';
import { UploaderHarness as Harness } from './testHarness';

const BIG_PHOTO: PickedImage = { path: 'blob:photo', name: '户口簿.jpg', size: 6_000_000, mime: 'image/jpeg' };

interface Fake {
  picks: PickedImage[];
  uploads: Array<{ req: UploadRequest }>;
  answers: Array<HostResult<HttpResponse> | 'hang'>;
  compressedSize: number;
  compressCalls: Array<{ maxEdge: number; quality: number }>;
}

function installBridge(): Fake {
  const fake: Fake = { picks: [], uploads: [], answers: [], compressedSize: 320_000, compressCalls: [] };
  const base = createH5Bridge({ origin: 'http://localhost' });
  let n = 0;
  const bridge: HostBridge = {
    ...base,
    pickImages: async () => {
      const next = fake.picks.shift();
      return next ? ok([next]) : fail('cancelled');
    },
    compressImage: async (req) => {
      fake.compressCalls.push({ maxEdge: req.maxEdge, quality: req.quality });
      return ok({ path: 'blob:small', size: fake.compressedSize, width: 1800, height: 1350, mime: 'image/jpeg' });
    },
    uploadFile: (req, onProgress) => {
      fake.uploads.push({ req });
      const answer = fake.answers.shift() ?? ok({ status: 201, headers: {}, data: { fileId: `f${++n}`, mime: 'image/jpeg', size: fake.compressedSize, uploadedAt: '', url: '' } });
      let abort: () => void = () => undefined;
      const result = new Promise<HostResult<HttpResponse>>((resolve) => {
        onProgress?.({ loaded: 50, total: 100 });
        abort = () => resolve(fail('cancelled'));
        if (answer !== 'hang') setTimeout(() => resolve(answer), 0);
      });
      return { result, abort: () => abort() };
    },
    loadPreview: async (url) => ok(`preview:${url}`),
  };
  setBridge(bridge);
  return fake;
}


describe('Uploader', () => {
  let fake: Fake;
  beforeEach(() => {
    fake = installBridge();
    auth.setToken('tok-1');
  });

  it('compresses a big photo on the device and uploads it with the material code and auth header', async () => {
    fake.picks.push(BIG_PHOTO);
    const onIds = jest.fn();
    render(<Harness onIds={onIds} />);
    fireEvent.click(screen.getByRole('button', { name: '上传户口簿照片' }));
    await waitFor(() => expect(onIds).toHaveBeenCalledWith(['f1']));
    expect(fake.compressCalls[0].maxEdge).toBeGreaterThanOrEqual(1600);
    expect(fake.compressCalls[0].maxEdge).toBeLessThanOrEqual(2048);
    expect(fake.compressCalls[0].quality).toBeCloseTo(0.8, 1);
    const { req } = fake.uploads[0];
    expect(req.url).toBe('/api/v1/uploads');
    expect(req.path).toBe('blob:small');
    expect(req.headers).toMatchObject({ 'X-Material-Code': 'householdRegister', Authorization: 'Bearer tok-1' });
    expect(await screen.findByText('✓ 已上传')).toBeInTheDocument();
    expect(await screen.findByLabelText('户口簿第 1 张')).toHaveAttribute('src', 'preview:/api/v1/uploads/f1');
  });

  it('refuses a non-image and an empty file before uploading anything, in Chinese', async () => {
    fake.picks.push({ path: 'blob:doc', name: '合同.pdf', size: 1000, mime: 'application/pdf' });
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: '上传户口簿照片' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('“合同.pdf”不是图片。请上传 JPG、PNG 格式的照片');
    // Retrying the same wrong file makes no sense: only picking another one is offered.
    expect(screen.queryByRole('button', { name: '重试上传' })).toBeNull();
    fake.picks.push({ path: 'blob:e', name: 'empty.jpg', size: 0, mime: 'image/jpeg' });
    fireEvent.click(screen.getByRole('button', { name: '上传户口簿照片' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('这个文件是空的'));
    expect(fake.uploads).toHaveLength(0);
  });

  it('refuses a photo still too large after compression', async () => {
    fake.compressedSize = 5 * 1024 * 1024;
    fake.picks.push(BIG_PHOTO);
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: '上传户口簿照片' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('超过 2.0MB 的上限');
    expect(fake.compressCalls).toHaveLength(2);
    expect(fake.uploads).toHaveLength(0);
  });

  it('retries a network failure automatically and succeeds on the third try', async () => {
    fake.picks.push(BIG_PHOTO);
    fake.answers.push(fail('network'), fail('timeout'));
    const onIds = jest.fn();
    render(<Harness onIds={onIds} />);
    fireEvent.click(screen.getByRole('button', { name: '上传户口簿照片' }));
    await waitFor(() => expect(onIds).toHaveBeenCalledWith(['f1']));
    expect(fake.uploads).toHaveLength(3);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('gives up after three network failures with a way on, and the retry keeps the picked photo', async () => {
    fake.picks.push(BIG_PHOTO);
    fake.answers.push(fail('network'), fail('network'), fail('network'));
    const onIds = jest.fn();
    render(<Harness onIds={onIds} />);
    fireEvent.click(screen.getByRole('button', { name: '上传户口簿照片' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('已自动重试 3 次仍未成功');
    expect(fake.uploads).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: '重试上传' }));
    await waitFor(() => expect(onIds).toHaveBeenCalledWith(['f1']));
  });

  it('shows the server refusal as the server words it', async () => {
    fake.picks.push(BIG_PHOTO);
    fake.answers.push(ok({ status: 415, headers: {}, data: { error: { code: 'UNSUPPORTED_MEDIA', message: '仅支持 JPG、PNG、WEBP 格式的图片' } } }));
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: '上传户口簿照片' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('仅支持 JPG、PNG、WEBP 格式的图片');
    expect(fake.uploads).toHaveLength(1);
  });

  it('shows progress while uploading and can be cancelled', async () => {
    fake.picks.push(BIG_PHOTO);
    fake.answers.push('hang');
    const onIds = jest.fn();
    render(<Harness onIds={onIds} />);
    fireEvent.click(screen.getByRole('button', { name: '上传户口簿照片' }));
    const bar = await screen.findByRole('progressbar', { name: '户口簿上传进度' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '50'));
    expect(screen.getByRole('status')).toHaveTextContent('正在上传 50%');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '取消上传户口簿' })));
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(onIds).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: '上传户口簿照片' })).toBeInTheDocument();
  });

  it('replaces an uploaded photo in place and deletes one', async () => {
    fake.picks.push(BIG_PHOTO, BIG_PHOTO);
    const onIds = jest.fn();
    render(<Harness onIds={onIds} />);
    fireEvent.click(screen.getByRole('button', { name: '上传户口簿照片' }));
    await waitFor(() => expect(onIds).toHaveBeenLastCalledWith(['f1']));
    fireEvent.click(await screen.findByRole('button', { name: '更换户口簿第 1 张' }));
    await waitFor(() => expect(onIds).toHaveBeenLastCalledWith(['f2']));
    fireEvent.click(screen.getByRole('button', { name: '删除户口簿第 1 张' }));
    expect(onIds).toHaveBeenLastCalledWith([]);
  });

  it('更换 and 删除 are really disabled while another upload runs', async () => {
    fake.picks.push(BIG_PHOTO, BIG_PHOTO);
    const onIds = jest.fn();
    render(<Harness onIds={onIds} />);
    fireEvent.click(screen.getByRole('button', { name: '上传户口簿照片' }));
    await waitFor(() => expect(onIds).toHaveBeenLastCalledWith(['f1']));
    // A second upload hangs: while it runs, the first photo can be neither replaced nor deleted.
    fake.answers.push('hang');
    fireEvent.click(screen.getByRole('button', { name: '更换户口簿第 1 张' }));
    await screen.findByRole('progressbar', { name: '户口簿上传进度' });
    const replace = screen.getByRole('button', { name: '更换户口簿第 1 张' });
    const remove = screen.getByRole('button', { name: '删除户口簿第 1 张' });
    expect(replace).toHaveAttribute('aria-disabled', 'true');
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(remove);
    fireEvent.keyDown(replace, { key: 'Enter' });
    expect(onIds).toHaveBeenCalledTimes(1);
    expect(fake.uploads).toHaveLength(2);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '取消上传户口簿' })));
    await waitFor(() => expect(screen.getByRole('button', { name: '删除户口簿第 1 张' })).toHaveAttribute('aria-disabled', 'false'));
  });
});
