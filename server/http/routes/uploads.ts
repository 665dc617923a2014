import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { HonoRequest } from 'hono';
import { z } from 'zod';
import { DistrictCodeSchema, FileParamsSchema, IdempotencyKeySchema, MAX_UPLOAD_BODY_BYTES, MaterialCodeSchema, UploadResponseSchema } from '@contract/api';
import type { Deps } from '../../usecases/context';
import { refuse } from '../../usecases/errors';
import { download, upload } from '../../usecases/uploads';
import type { AppEnv } from '../context';
import { bearer, errors, json } from '../describe';
import { attachment } from '../files';

const UploadHeadersSchema = z.object({
  'x-material-code': MaterialCodeSchema,
  'x-district-code': DistrictCodeSchema.optional(),
  'idempotency-key': IdempotencyKeySchema.optional(),
});

/**
 * The image bytes: the raw body (H5), or the multipart field "file" (mini-program uploadFile).
 * Read from Hono's body cache: the app reads an upload's body before its write slot (app.ts).
 */
async function bytesOf(req: HonoRequest): Promise<Uint8Array> {
  const body = await req.arrayBuffer();
  const type = req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(body, { headers: { 'Content-Type': type } })
      .formData()
      .catch(() => refuse('VALIDATION', '上传内容无法读取，请重新上传', { fieldErrors: { file: '上传内容无法读取' } }));
    const file = form.get('file');
    if (!file || typeof file === 'string') refuse('VALIDATION', '没有收到图片，请重新上传', { fieldErrors: { file: '没有收到图片' } });
    return new Uint8Array(await (file as Blob).arrayBuffer());
  }
  return new Uint8Array(body);
}

export function uploadRoutes(app: OpenAPIHono<AppEnv>, deps: Deps) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/uploads',
      tags: ['materials'],
      security: bearer,
      summary: `Upload one image for one material: the raw body, or multipart/form-data with the field "file" (mini-program uploadFile); at most ${MAX_UPLOAD_BODY_BYTES} bytes, the district's policy limits it further`,
      request: {
        headers: UploadHeadersSchema,
        // Read by the handler (the bytes are judged by their content, not a declared type): no validator here.
        body: {
          required: false,
          content: {
            'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) },
            'image/jpeg': { schema: z.string().meta({ format: 'binary' }) },
            'image/png': { schema: z.string().meta({ format: 'binary' }) },
          },
        },
      },
      responses: { 201: json(UploadResponseSchema, 'Stored'), 200: json(UploadResponseSchema, 'A replay: the first file'), ...errors },
    }),
    async (c) => {
      const headers = c.req.valid('header');
      const bytes = await bytesOf(c.req);
      const { record, replayed } = await upload(deps, c.get('ctx'), {
        bytes,
        materialCode: headers['x-material-code'],
        districtCode: headers['x-district-code'] ?? null,
        idempotencyKey: headers['idempotency-key'] ?? null,
      });
      return c.json(record, replayed ? 200 : 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/uploads/{fileId}',
      tags: ['materials'],
      security: bearer,
      summary: "An upload's bytes, to its owner only",
      request: { params: FileParamsSchema },
      responses: { 200: { content: { 'image/jpeg': { schema: z.string().meta({ format: 'binary' }) } }, description: 'The image' }, ...errors },
    }),
    async (c) => {
      const { fileId } = c.req.valid('param');
      const { bytes, mime } = await download(deps, c.get('ctx'), fileId);
      return attachment(bytes, mime, `${fileId}.${mime === 'image/png' ? 'png' : mime === 'image/webp' ? 'webp' : 'jpg'}`) as never;
    },
  );
}
