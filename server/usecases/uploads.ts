/**
 * Uploads (Q16-Q18): images only, judged by decoding their bytes (server/security/imageCheck:
 * whole JPEG or PNG, bounded dimensions, nothing appended or embedded); empty and oversize refused
 * with a clear Chinese message; stored under their content hash, bound to the material they were
 * uploaded for, within the account's quota, and shown to their owner only.
 */
import type { MaterialCode, UploadRecord } from '@contract/api';
import { routes } from '@contract/api';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { AccountRecord, UploadMetaRecord } from '../ports/store';
import { parentRequest, requireAccount } from './access';
import type { Deps, RequestContext } from './context';
import { refuse } from './errors';
import { nextId } from './ids';
import { checkImage, IMAGE_LIMITS, type ImageRefusal } from '../security/imageCheck';
import { replayOrReserve } from './idempotency';

export interface UploadInput {
  bytes: Uint8Array;
  materialCode: MaterialCode;
  /** The district whose policy limits the file (the application's 当前区域), when the client knows it. */
  districtCode: string | null;
  idempotencyKey: string | null;
}

export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10}MB`;

export function publicUpload(meta: UploadMetaRecord): UploadRecord {
  return { fileId: meta.fileId, mime: meta.mime, size: meta.size, width: meta.width, height: meta.height, uploadedAt: meta.uploadedAt, url: routes.upload(meta.fileId) };
}

/** The largest image any district allows: what an upload that names no district is held to. */
function maxBytesFor(deps: Deps, districtCode: string | null): number {
  if (districtCode && deps.reference.district(deps.year, districtCode)) return deps.reference.policy(districtCode, deps.year).maxBytes;
  return Math.max(...deps.reference.districts(deps.year).map((d) => deps.reference.policy(d.code, deps.year).maxBytes));
}

export async function upload(deps: Deps, ctx: RequestContext, input: UploadInput): Promise<{ record: UploadRecord; replayed: boolean }> {
  const account = parentRequest(deps, ctx);
  if (input.bytes.length === 0) refuse('VALIDATION', '文件为空，请重新拍照或选择图片', { fieldErrors: { file: '文件为空' } });
  const maxBytes = maxBytesFor(deps, input.districtCode);
  if (input.bytes.length > maxBytes) {
    refuse('PAYLOAD_TOO_LARGE', `图片超过${megabytes(maxBytes)}，请压缩后重新上传`, { fieldErrors: { file: `图片不能超过${megabytes(maxBytes)}` } });
  }
  const image = checkImage(input.bytes);
  if (!image.ok) refuseImage(image.reason);
  const hash = bytesToHex(sha256(input.bytes));
  return deps.store.transaction(async (repos) => {
    const bodyHash = `${input.materialCode}|${hash}`;
    const replay = input.idempotencyKey ? await replayOrReserve(repos, account, 'upload', input.idempotencyKey, bodyHash) : null;
    if (replay) {
      const meta = await repos.uploads.get(replay);
      if (meta) return { record: publicUpload(meta), replayed: true };
    }
    // Independent reads, sent together (one round trip); a refusal rolls the sequence back with the rest.
    const [, fileId] = await Promise.all([quota(deps, repos, account, input.bytes.length), nextId(repos, deps, 'F')]);
    const meta: UploadMetaRecord = {
      fileId,
      accountId: account.id,
      materialCode: input.materialCode,
      districtCode: input.districtCode,
      sha256: hash,
      mime: image.mime,
      size: input.bytes.length,
      width: image.width,
      height: image.height,
      uploadedAt: ctx.now,
    };
    await Promise.all([repos.blobs.put(hash, input.bytes), repos.uploads.insert(meta)]);
    if (input.idempotencyKey) await repos.idempotency.insert({ accountId: account.id, scope: 'upload', key: input.idempotencyKey, bodyHash, resultId: meta.fileId, createdAt: ctx.now });
    return { record: publicUpload(meta), replayed: false };
  });
}

const REFUSALS: Record<ImageRefusal, [code: 'UNSUPPORTED_MEDIA' | 'VALIDATION' | 'PAYLOAD_TOO_LARGE', message: string, field: string]> = {
  notImage: ['UNSUPPORTED_MEDIA', '只能上传 JPG、PNG 图片，请重新拍照或从相册选择', '只能上传 JPG、PNG 图片'],
  corrupt: ['UNSUPPORTED_MEDIA', '图片已损坏或无法识别，请重新拍照或选择其他照片', '图片无法识别'],
  polyglot: ['UNSUPPORTED_MEDIA', '图片中夹带了不属于图片的内容，请直接拍照或从相册选择原图上传', '图片含有非图片内容'],
  tooSmall: ['VALIDATION', `图片尺寸过小（至少 ${IMAGE_LIMITS.minEdge}×${IMAGE_LIMITS.minEdge} 像素），证件内容无法看清，请重新拍照`, '图片尺寸过小'],
  tooLarge: ['PAYLOAD_TOO_LARGE', `图片尺寸过大（每边不超过 ${IMAGE_LIMITS.maxEdge} 像素），请压缩后重新上传`, '图片尺寸过大'],
};

function refuseImage(reason: ImageRefusal): never {
  const [code, message, field] = REFUSALS[reason];
  return refuse(code, message, { fieldErrors: { file: field } });
}

async function quota(deps: Deps, repos: import('../ports/store').Repositories, account: AccountRecord, size: number): Promise<void> {
  const used = await repos.uploads.countByAccount(account.id);
  if (used.files >= deps.policy.maxUploadFiles || used.bytes + size > deps.policy.maxUploadBytes) {
    refuse('PAYLOAD_TOO_LARGE', '您上传的图片已达到上限，请删除不需要的图片或联系区县招生咨询电话', { fieldErrors: { file: '上传数量已达上限' } });
  }
}

/** The bytes of an upload, to its owner only (another parent's file is simply not found). */
export async function download(deps: Deps, ctx: RequestContext, fileId: string): Promise<{ bytes: Uint8Array; mime: string }> {
  // Previews are reads: no maintenance check, so a parent can still see what was uploaded.
  const account = requireAccount(ctx);
  return deps.store.read(async (repos) => {
    const meta = await repos.uploads.get(fileId);
    if (!meta || meta.accountId !== account.id) refuse('NOT_FOUND', '图片不存在或已失效，请重新上传');
    const bytes = await repos.blobs.get(meta.sha256);
    if (!bytes) refuse('NOT_FOUND', '图片不存在或已失效，请重新上传');
    return { bytes, mime: meta.mime };
  });
}
