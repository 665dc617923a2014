/**
 * Uploads (Q16-Q18): images only, judged by their bytes; empty and oversize refused with a clear
 * Chinese message; bytes kept (store blobs) so the parent and reviewer can preview them.
 */
import type { UploadRecord } from '@contract/materials';
import { routes } from '@contract/api';
import { isMaterialCode, uploadLimits } from './materials';
import { parentRequest } from './access';
import { nextId, serverNow, type ServiceContext } from './context';
import { sniffImage } from './imageSniff';
import { refuse } from './result';
import type { UploadMeta } from './state';
import { requireIdentity } from './session';

export interface UploadInput {
  bytes: Uint8Array;
  materialCode: string | null;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10}MB`;

export async function upload(ctx: ServiceContext, authorization: string | null, input: UploadInput): Promise<UploadRecord> {
  const meta = await ctx.store.write((state) => {
    const identity = parentRequest(ctx, state, authorization);
    if (input.materialCode !== null && !isMaterialCode(input.materialCode)) {
      refuse('VALIDATION', '材料类型不正确，请返回重新选择', { fieldErrors: { materialCode: '材料类型不正确' } });
    }
    if (input.bytes.length === 0) refuse('VALIDATION', '文件为空，请重新拍照或选择图片', { fieldErrors: { file: '文件为空' } });
    const image = sniffImage(input.bytes);
    if (!image) refuse('UNSUPPORTED_MEDIA', '只能上传 JPG、PNG 图片，请重新拍照或从相册选择', { fieldErrors: { file: '只能上传 JPG、PNG 图片' } });
    const { maxBytes } = uploadLimits(state, identity);
    if (input.bytes.length > maxBytes) {
      refuse('PAYLOAD_TOO_LARGE', `图片超过${mb(maxBytes)}，请压缩后重新上传`, { fieldErrors: { file: `图片不能超过${mb(maxBytes)}` } });
    }
    const fileId = nextId(state, 'F');
    const record: UploadMeta = {
      fileId,
      mime: image.mime,
      size: input.bytes.length,
      ...(image.width ? { width: image.width, height: image.height } : {}),
      uploadedAt: serverNow(ctx, state),
      url: routes.upload(fileId),
      identityId: identity.id,
      materialCode: (input.materialCode as UploadMeta['materialCode']) ?? null,
    };
    state.uploads[fileId] = record;
    return record;
  });
  await ctx.store.putBlob(meta.fileId, input.bytes);
  const { identityId: _owner, materialCode: _code, ...record } = meta;
  return record;
}

/** The bytes of an upload, to its owner only (another parent's file is simply not found). */
export async function download(ctx: ServiceContext, authorization: string | null, fileId: string): Promise<{ bytes: Uint8Array; mime: string }> {
  const meta = await ctx.store.read((state) => {
    // Previews are reads: no maintenance check, so a parent can still see what was uploaded.
    const identity = requireIdentity(ctx, state, authorization);
    const found = state.uploads[fileId];
    if (!found || found.identityId !== identity.id) refuse('NOT_FOUND', '图片不存在或已失效，请重新上传');
    return found;
  });
  const bytes = await ctx.store.getBlob(fileId);
  if (!bytes) refuse('NOT_FOUND', '图片不存在或已失效，请重新上传');
  return { bytes, mime: meta.mime };
}
