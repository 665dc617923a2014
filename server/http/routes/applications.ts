import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  ApplicationParamsSchema,
  ApplicationResponseSchema,
  ApplicationsResponseSchema,
  IdempotencyKeySchema,
  LotteryResponseSchema,
  MaterialsQuerySchema,
  MaterialsResponseSchema,
  NoticeResponseSchema,
  ResubmitRequestSchema,
  SubmitApplicationRequestSchema,
} from '@contract/api';
import * as applications from '../../usecases/applications';
import type { Deps } from '../../usecases/context';
import { refuse } from '../../usecases/errors';
import { checklist } from '../../usecases/materials';
import { notice, noticeDocument } from '../../usecases/notices';
import type { AppEnv } from '../context';
import { bearer, errors, json, jsonBody } from '../describe';
import { attachment } from '../files';
import { maskApplication, upkeepForWrite } from '../../security/masking';
import type { Application } from '@contract/application';

const masked = <T extends { application: Application }>(r: T): T => ({ ...r, application: maskApplication(r.application) });

/** The key may also come as the Idempotency-Key header; both must agree when both are sent. */
const KeyHeaderSchema = z.object({ 'idempotency-key': IdempotencyKeySchema.optional() });

function sameKey(header: string | undefined, body: string): void {
  if (header !== undefined && header !== body) refuse('VALIDATION', '请求的幂等键不一致，请刷新后重新提交', { fieldErrors: { idempotencyKey: '幂等键不一致' } });
}

export function applicationRoutes(app: OpenAPIHono<AppEnv>, deps: Deps) {
  const tags = ['applications'];
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/materials', tags: ['materials'], security: bearer, summary: 'The material checklist for a district, stage, school type and source', request: { query: MaterialsQuerySchema }, responses: { 200: json(MaterialsResponseSchema), ...errors } }),
    async (c) => c.json(await checklist(deps, c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/applications', tags, security: bearer, summary: '我的申请', responses: { 200: json(ApplicationsResponseSchema), ...errors } }),
    async (c) => {
      const { applications: list } = await applications.list(deps, c.get('ctx'));
      return c.json({ applications: list.map(maskApplication) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/applications',
      tags,
      security: bearer,
      summary: '确认提交: submit (public) or register (private); idempotent per key and body',
      request: { headers: KeyHeaderSchema, ...jsonBody(SubmitApplicationRequestSchema) },
      responses: { 201: json(ApplicationResponseSchema, 'Created'), 200: json(ApplicationResponseSchema, 'A replay: the first result'), ...errors },
    }),
    async (c) => {
      const sent = c.req.valid('json');
      sameKey(c.req.valid('header')['idempotency-key'], sent.idempotencyKey);
      const body = { ...sent, upkeep: await upkeepForWrite(deps, c.get('ctx'), sent.childId, sent.upkeep, 'upkeep.') };
      const { application, replayed } = await applications.submit(deps, c.get('ctx'), body);
      return c.json({ application: maskApplication(application) }, replayed ? 200 : 201);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/applications/{id}', tags, security: bearer, summary: '办件详情 with its history', request: { params: ApplicationParamsSchema }, responses: { 200: json(ApplicationResponseSchema), ...errors } }),
    async (c) => c.json(masked(await applications.get(deps, c.get('ctx'), c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/v1/applications/{id}/withdraw', tags, security: bearer, summary: '撤回 while 待审核', request: { params: ApplicationParamsSchema }, responses: { 200: json(ApplicationResponseSchema), ...errors } }),
    async (c) => c.json(masked(await applications.withdraw(deps, c.get('ctx'), c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/applications/{id}/resubmit',
      tags,
      security: bearer,
      summary: '补正: re-upload exactly the items the reviewer asked for',
      request: { params: ApplicationParamsSchema, headers: KeyHeaderSchema, ...jsonBody(ResubmitRequestSchema) },
      responses: { 200: json(ApplicationResponseSchema), ...errors },
    }),
    async (c) => {
      const body = c.req.valid('json');
      sameKey(c.req.valid('header')['idempotency-key'], body.idempotencyKey);
      return c.json(masked(await applications.resubmit(deps, c.get('ctx'), c.req.valid('param').id, body)), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/v1/applications/{id}/confirm', tags, security: bearer, summary: '入学确认 before the deadline', request: { params: ApplicationParamsSchema }, responses: { 200: json(ApplicationResponseSchema), ...errors } }),
    async (c) => c.json(masked(await applications.confirm(deps, c.get('ctx'), c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/applications/{id}/lottery', tags: ['lottery'], security: bearer, summary: "The private school's decision for this application, with the published draw", request: { params: ApplicationParamsSchema }, responses: { 200: json(LotteryResponseSchema), ...errors } }),
    async (c) => c.json(await applications.lottery(deps, c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/applications/{id}/notice', tags: ['notices'], security: bearer, summary: '电子入学通知书', request: { params: ApplicationParamsSchema }, responses: { 200: json(NoticeResponseSchema), ...errors } }),
    async (c) => c.json(await notice(deps, c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/applications/{id}/notice.pdf',
      tags: ['notices'],
      security: bearer,
      summary: '电子入学通知书 as PDF',
      request: { params: ApplicationParamsSchema },
      responses: { 200: { content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } }, description: 'The notice' }, ...errors },
    }),
    async (c) => {
      const { bytes, fileName } = await noticeDocument(deps, c.get('ctx'), c.req.valid('param').id);
      return attachment(bytes, 'application/pdf', fileName);
    },
  );
}
