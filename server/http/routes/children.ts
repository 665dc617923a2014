import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  AddChildRequestSchema,
  ChildParamsSchema,
  ChildrenResponseSchema,
  ChildSchema,
  ReportCodeResponseSchema,
  RevealChildResponseSchema,
  SaveUpkeepRequestSchema,
  UpdateChildRequestSchema,
  UpkeepResponseSchema,
} from '@contract/api';
import { addChild, listChildren, revealChild, updateChild } from '../../usecases/children';
import type { Deps } from '../../usecases/context';
import { reportCode } from '../../usecases/notices';
import { getUpkeep, saveUpkeep } from '../../usecases/upkeep';
import { audit } from '../../usecases/audit';
import { requireAccount } from '../../usecases/access';
import { maskUpkeepResponse, upkeepForWrite } from '../../security/masking';
import type { AppEnv } from '../context';
import { bearer, errors, json, jsonBody } from '../describe';

export function childrenRoutes(app: OpenAPIHono<AppEnv>, deps: Deps) {
  const tags = ['children'];
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/children', tags, security: bearer, summary: "The account's children (found on birth records or added by hand)", responses: { 200: json(ChildrenResponseSchema), ...errors } }),
    async (c) => c.json(await listChildren(deps, c.get('ctx')), 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/v1/children', tags, security: bearer, summary: '手动新增: add a child by hand (its relationship proof is reviewed)', request: jsonBody(AddChildRequestSchema), responses: { 201: json(ChildSchema), ...errors } }),
    async (c) => c.json(await addChild(deps, c.get('ctx'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({ method: 'patch', path: '/api/v1/children/{childId}', tags, security: bearer, summary: 'The household-register name when it differs (Q14)', request: { params: ChildParamsSchema, ...jsonBody(UpdateChildRequestSchema) }, responses: { 200: json(ChildSchema), ...errors } }),
    async (c) => c.json(await updateChild(deps, c.get('ctx'), c.req.valid('param').childId, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/v1/children/{childId}/reveal', tags, security: bearer, summary: "The child's full ID number, on explicit request (logged, never the value)", request: { params: ChildParamsSchema }, responses: { 200: json(RevealChildResponseSchema), ...errors } }),
    async (c) => c.json(await revealChild(deps, c.get('ctx'), c.req.valid('param').childId), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/children/{childId}/upkeep', tags: ['upkeep'], security: bearer, summary: '子女信息维护 as kept, with the data-sharing tags', request: { params: ChildParamsSchema }, responses: { 200: json(UpkeepResponseSchema), ...errors } }),
    async (c) => c.json(maskUpkeepResponse(await getUpkeep(deps, c.get('ctx'), c.req.valid('param').childId)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/children/{childId}/upkeep/reveal',
      tags: ['upkeep'],
      security: bearer,
      summary: '子女信息维护 with whole addresses, phones and 不动产单元号, for the edit form, on explicit request (logged, never the values)',
      request: { params: ChildParamsSchema },
      responses: { 200: json(UpkeepResponseSchema), ...errors },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { childId } = c.req.valid('param');
      // Ownership, session and maintenance as for the masked read, then the reveal is logged.
      const answer = await getUpkeep(deps, ctx, childId);
      const account = requireAccount(ctx);
      await deps.store.transaction((repos) => audit(repos, ctx, { actorKind: 'parent', actorId: account.id, action: 'reveal.upkeep', subjectKind: 'child', subjectId: childId }));
      return c.json(answer, 200);
    },
  );
  app.openapi(
    createRoute({ method: 'put', path: '/api/v1/children/{childId}/upkeep', tags: ['upkeep'], security: bearer, summary: "Keep 子女信息维护 (inside the district's upkeep window)", request: { params: ChildParamsSchema, ...jsonBody(SaveUpkeepRequestSchema) }, responses: { 200: json(UpkeepResponseSchema), ...errors } }),
    async (c) => {
      const ctx = c.get('ctx');
      const { childId } = c.req.valid('param');
      const body = await upkeepForWrite(deps, ctx, childId, c.req.valid('json'));
      return c.json(maskUpkeepResponse(await saveUpkeep(deps, ctx, childId, body)), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/children/{childId}/report-code', tags: ['notices'], security: bearer, summary: "报到码: the child's signed report code after 入学确认", request: { params: ChildParamsSchema }, responses: { 200: json(ReportCodeResponseSchema), ...errors } }),
    async (c) => c.json(await reportCode(deps, c.get('ctx'), c.req.valid('param').childId), 200),
  );
}
