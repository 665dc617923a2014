/**
 * WeChat mini-program host bridge on Taro APIs. Face verification uses WeChat's facial-verify flow
 * (the result is an opaque verifyResult string the enrolment server checks with WeChat); requests go
 * through Taro.request (wx.request) to API_ORIGIN, which must be a configured request domain.
 */
import Taro from '@tarojs/taro';
import { BRIDGE_CONTRACT_VERSION, type HostBridge, type HostResult, type HttpResponse, type UploadTask } from '@contract/bridge';
import { fail, ok } from '../result';

interface WxError {
  errMsg?: string;
  errCode?: number;
}

function fromWxError<T>(error: unknown): HostResult<T> {
  const message = (error as WxError)?.errMsg ?? '';
  if (/cancel/i.test(message)) return fail('cancelled', message);
  if (/timeout/i.test(message)) return fail('timeout', message);
  if (/not support|not supported|no permission|unavailable/i.test(message)) return fail('unavailable', message);
  if (/request:fail|network/i.test(message)) return fail('network', message);
  return fail('failed', message);
}

function lowerKeys(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) out[key.toLowerCase()] = String(value);
  return out;
}

const absolute = (url: string) => (/^https?:/.test(url) ? url : `${API_ORIGIN}${url}`);

export function createWeappBridge(): HostBridge {
  return {
    platform: 'weapp',
    contractVersion: BRIDGE_CONTRACT_VERSION,
    async verifyFace(req) {
      // WeChat face verification 2.0: the server got the verifyId from WeChat; show WeChat's face screen for it.
      if (req.provider !== 'wechat') return fail('unavailable', `no ${req.provider} face screen in WeChat`);
      const wxApi = (globalThis as unknown as { wx?: { requestFacialVerify?: (o: object) => void } }).wx;
      if (!wxApi?.requestFacialVerify) return fail('unavailable', 'requestFacialVerify missing');
      return new Promise((resolve) => {
        wxApi.requestFacialVerify!({
          verifyId: req.verifyId,
          success: () => resolve(ok(undefined)),
          fail: (error: unknown) => resolve(fromWxError(error)),
        });
      });
    },
    async getLoginHandoff() {
      try {
        const res = await Taro.login();
        return res.code ? ok({ kind: 'wxLoginCode', code: res.code }) : fail('unavailable', 'no login code');
      } catch (error) {
        return fromWxError(error);
      }
    },
    async request(req) {
      try {
        const res = await Taro.request({
          url: absolute(req.url),
          method: req.method,
          header: { Accept: 'application/json', ...req.headers },
          data: req.body as Record<string, unknown> | undefined,
          timeout: req.timeoutMs ?? 15000,
          dataType: 'json',
        });
        return ok({ status: res.statusCode, headers: lowerKeys(res.header), data: res.data });
      } catch (error) {
        return fromWxError(error);
      }
    },
    async pickImages(req) {
      try {
        const res = await Taro.chooseMedia({ count: req.count, mediaType: ['image'], sourceType: req.sources, sizeType: ['original'] });
        return ok(
          res.tempFiles.map((file, index) => ({
            path: file.tempFilePath,
            name: `image-${index + 1}.jpg`,
            size: file.size,
            mime: file.fileType === 'image' ? 'image/jpeg' : 'application/octet-stream',
          })),
        );
      } catch (error) {
        return fromWxError(error);
      }
    },
    async compressImage(req) {
      try {
        const info = await Taro.getImageInfo({ src: req.path });
        const longest = Math.max(info.width, info.height);
        const scale = longest > req.maxEdge ? req.maxEdge / longest : 1;
        const width = Math.round(info.width * scale);
        const height = Math.round(info.height * scale);
        const res = await Taro.compressImage({ src: req.path, quality: Math.round(req.quality * 100), compressedWidth: width, compressedHeight: height });
        const stat = await new Promise<number>((resolve) =>
          Taro.getFileSystemManager().getFileInfo({ filePath: res.tempFilePath, success: (s) => resolve(s.size), fail: () => resolve(0) }),
        );
        return ok({ path: res.tempFilePath, size: stat, width, height, mime: 'image/jpeg' });
      } catch (error) {
        return fromWxError(error);
      }
    },
    uploadFile(req, onProgress): UploadTask {
      let task: Taro.UploadTask | undefined;
      const result = new Promise<HostResult<HttpResponse>>((resolve) => {
        task = Taro.uploadFile({
          url: absolute(req.url),
          filePath: req.path,
          name: 'file',
          header: req.headers,
          timeout: req.timeoutMs ?? 60000,
          success: (res) => {
            let data: unknown = res.data;
            try {
              data = JSON.parse(res.data);
            } catch {
              /* keep text */
            }
            resolve(ok({ status: res.statusCode, headers: {}, data }));
          },
          fail: (error) => resolve(fromWxError(error)),
        });
        task.onProgressUpdate((p) => onProgress?.({ loaded: p.totalBytesSent, total: p.totalBytesExpectedToSend }));
      });
      return { result, abort: () => task?.abort() };
    },
    async loadPreview(pathOrApiUrl, headers) {
      if (!pathOrApiUrl.startsWith('/')) return ok(pathOrApiUrl);
      try {
        const res = await Taro.downloadFile({ url: absolute(pathOrApiUrl), header: headers });
        return res.statusCode === 200 ? ok(res.tempFilePath) : fail('failed', `status ${res.statusCode}`);
      } catch (error) {
        return fromWxError(error);
      }
    },
    async openHostPage() {
      // A plain WeChat host has no 我的不动产 page; the page then tells the parent where to look.
      return fail('unavailable', 'no such host page in WeChat');
    },
    async makePhoneCall(phone) {
      try {
        await Taro.makePhoneCall({ phoneNumber: phone });
        return ok(undefined);
      } catch (error) {
        return fromWxError(error);
      }
    },
    storage: {
      async get(key) {
        try {
          const value = Taro.getStorageSync(key);
          return typeof value === 'string' && value !== '' ? value : null;
        } catch {
          return null;
        }
      },
      async set(key, value) {
        try {
          Taro.setStorageSync(key, value);
        } catch {
          /* storage full: keep going with memory state */
        }
      },
      async remove(key) {
        try {
          Taro.removeStorageSync(key);
        } catch {
          /* ignore */
        }
      },
    },
    async saveDocument(req) {
      try {
        const res = await Taro.downloadFile({ url: absolute(req.url), header: req.headers });
        if (res.statusCode !== 200) return fail('failed', `status ${res.statusCode}`);
        await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true });
        return ok(undefined);
      } catch (error) {
        return fromWxError(error);
      }
    },
    async scanCode() {
      try {
        const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
        return ok(res.result);
      } catch (error) {
        return fromWxError(error);
      }
    },
    async getUiStyle() {
      try {
        // WeChat has no 长辈版 switch for mini-programs; a large system font is the closest signal.
        const info = Taro.getSystemInfoSync() as unknown as { fontSizeScaleFactor?: number };
        return (info.fontSizeScaleFactor ?? 1) >= 1.3 ? 'elder' : 'normal';
      } catch {
        return 'normal';
      }
    },
    onUiStyleChange() {
      return () => undefined;
    },
  };
}
