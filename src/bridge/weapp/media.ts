/**
 * The weapp bridge's files: picking photos, compressing them, uploads and downloads. Loaded by the
 * bridge on first use (an async chunk in a subpackage, config/weappContracts.ts): the main package
 * every launch downloads has no page that needs them.
 */
import type { CompressRequest, CompressedImage, HostResult, HttpResponse, PickImagesRequest, PickedImage, SaveDocumentRequest, UploadProgress, UploadRequest, UploadTask } from '@contract/bridge';
import { compressionAttempts } from '../compressionLadder';
import { fail, ok } from '../result';
import { extensionFor, mimeFromImageType, mimeFromPath } from './mime';
import { call, fromWxError, parseMaybeJson, type WxApi } from './wx';

type Absolute = (url: string) => string;

async function fileSize(wxApi: WxApi, filePath: string): Promise<number> {
  try {
    const fs = wxApi.getFileSystemManager();
    return (await call<{ size: number }, { filePath: string }>((o) => fs.getFileInfo(o), { filePath })).size;
  } catch {
    return 0;
  }
}

async function mimeOf(wxApi: WxApi, path: string): Promise<string> {
  const byPath = mimeFromPath(path);
  if (byPath) return byPath;
  try {
    const info = await call<{ type?: string }, { src: string }>((o) => wxApi.getImageInfo(o), { src: path });
    return mimeFromImageType(info.type) ?? 'application/octet-stream';
  } catch {
    return 'application/octet-stream';
  }
}

export async function pickImages(wxApi: WxApi, req: PickImagesRequest): Promise<HostResult<PickedImage[]>> {
  try {
    const res = await call<{ tempFiles: Array<{ tempFilePath: string; size: number; fileType?: string }> }, object>(
      (o) => wxApi.chooseMedia(o as Parameters<WxApi['chooseMedia']>[0]),
      { count: req.count, mediaType: ['image'], sourceType: req.sources, sizeType: ['original'] },
    );
    const images: PickedImage[] = [];
    for (const [index, file] of res.tempFiles.entries()) {
      const mime = await mimeOf(wxApi, file.tempFilePath);
      images.push({ path: file.tempFilePath, name: `image-${index + 1}.${extensionFor(mime)}`, size: file.size, mime });
    }
    return ok(images);
  } catch (error) {
    return fromWxError(error);
  }
}

export async function compressImage(wxApi: WxApi, req: CompressRequest): Promise<HostResult<CompressedImage>> {
  let info: { width: number; height: number; type?: string };
  try {
    info = await call((o) => wxApi.getImageInfo(o), { src: req.path });
  } catch (error) {
    // Not decodable as an image: the caller tells the parent it is the wrong type.
    return fromWxError(error);
  }
  let best: CompressedImage | null = null;
  try {
    for (const attempt of compressionAttempts(req.maxEdge, req.quality)) {
      const longest = Math.max(info.width, info.height);
      const scale = longest > attempt.edge ? attempt.edge / longest : 1;
      const width = Math.round(info.width * scale);
      const height = Math.round(info.height * scale);
      const res = await call<{ tempFilePath: string }, object>((o) => wxApi.compressImage(o as Parameters<WxApi['compressImage']>[0]), {
        src: req.path,
        quality: Math.round(attempt.quality * 100),
        compressedWidth: width,
        compressedHeight: height,
      });
      const size = await fileSize(wxApi, res.tempFilePath);
      best = { path: res.tempFilePath, size, width, height, mime: mimeFromPath(res.tempFilePath) ?? mimeFromImageType(info.type) ?? 'image/jpeg' };
      if (!req.maxBytes || size <= req.maxBytes) return ok(best);
    }
  } catch (error) {
    if (!best) return fromWxError(error);
  }
  // Still larger after every attempt: the last one goes back, the caller (and the server) decide.
  return best ? ok(best) : fail('failed', 'compress failed');
}

export function uploadFile(wxApi: WxApi, absolute: Absolute, req: UploadRequest, onProgress?: (p: UploadProgress) => void): UploadTask {
  let task: ReturnType<WxApi['uploadFile']> | undefined;
  let aborted = false;
  // wx.uploadFile sends multipart/form-data itself; a Content-Type from the caller would break it.
  const header = Object.fromEntries(Object.entries(req.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'content-type'));
  const result = new Promise<HostResult<HttpResponse>>((resolve) => {
    try {
      task = wxApi.uploadFile({
        url: absolute(req.url),
        filePath: req.path,
        name: 'file',
        header,
        timeout: req.timeoutMs ?? 60000,
        success: (res) => resolve(ok({ status: res.statusCode, headers: {}, data: parseMaybeJson(res.data) })),
        fail: (error) => resolve(aborted ? fail('cancelled', error?.errMsg) : fromWxError(error)),
      });
      task?.onProgressUpdate?.((p) => onProgress?.({ loaded: p.totalBytesSent, total: p.totalBytesExpectedToSend }));
    } catch (error) {
      resolve(fromWxError(error));
    }
  });
  return {
    result,
    abort() {
      aborted = true;
      task?.abort();
    },
  };
}

export async function loadPreview(wxApi: WxApi, absolute: Absolute, pathOrApiUrl: string, headers?: Record<string, string>): Promise<HostResult<string>> {
  if (!pathOrApiUrl.startsWith('/')) return ok(pathOrApiUrl);
  try {
    const res = await call<{ statusCode: number; tempFilePath: string }, object>((o) => wxApi.downloadFile(o as Parameters<WxApi['downloadFile']>[0]), {
      url: absolute(pathOrApiUrl),
      header: headers,
    });
    return res.statusCode === 200 ? ok(res.tempFilePath) : fail('failed', `status ${res.statusCode}`);
  } catch (error) {
    return fromWxError(error);
  }
}

export async function saveDocument(wxApi: WxApi, absolute: Absolute, req: SaveDocumentRequest): Promise<HostResult<void>> {
  try {
    const res = await call<{ statusCode: number; tempFilePath: string }, object>((o) => wxApi.downloadFile(o as Parameters<WxApi['downloadFile']>[0]), {
      url: absolute(req.url),
      header: req.headers,
    });
    if (res.statusCode !== 200) return fail('failed', `status ${res.statusCode}`);
    await call((o) => wxApi.openDocument(o), { filePath: res.tempFilePath, fileType: 'pdf', showMenu: true });
    return ok(undefined);
  } catch (error) {
    return fromWxError(error);
  }
}
