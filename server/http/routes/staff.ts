import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ApplicationParamsSchema, FileParamsSchema } from '@contract/api';
import {
  AuditQuerySchema,
  AuditResponseSchema,
  CommitmentsResponseSchema,
  DrawParamsSchema,
  DrawResponseSchema,
  DrawResultSchema,
  RandomnessRequestSchema,
  RandomnessResponseSchema,
  ReviewRequestSchema,
  SchoolParamsSchema,
  StaffApplicationSchema,
  StaffApplicationsQuerySchema,
  StaffApplicationsResponseSchema,
  StaffMeSchema,
} from '@contract/staff';
import type { Deps } from '../../usecases/context';
import * as staff from '../../usecases/staff';
import type { AppEnv } from '../context';
import { bearer, errors, json, jsonBody } from '../describe';
import { attachment } from '../files';
import { maskApplication } from '../../security/masking';
import { audit } from '../../usecases/audit';
import type { StaffApplication } from '@contract/staff';

/** Reviewers' lists and details carry personal data masked too; the whole values come from the reveal. */
const masked = (a: StaffApplication): StaffApplication => ({ ...a, application: maskApplication(a.application) });

export function staffRoutes(app: OpenAPIHono<AppEnv>, deps: Deps) {
  const tags = ['staff'];
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/staff/me', tags, security: bearer, summary: 'The staff member of this token', responses: { 200: json(StaffMeSchema), ...errors } }),
    (c) => c.json(staff.staffMe(c.get('ctx')), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/staff/applications', tags, security: bearer, summary: "Reviewer: the district's review queue (or one status)", request: { query: StaffApplicationsQuerySchema }, responses: { 200: json(StaffApplicationsResponseSchema), ...errors } }),
    async (c) => c.json({ applications: (await staff.listForReview(deps, c.get('ctx'), c.req.valid('query'))).applications.map(masked) }, 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/staff/applications/{id}', tags, security: bearer, summary: 'Reviewer: one application of the district, with how the account holds the child', request: { params: ApplicationParamsSchema }, responses: { 200: json(StaffApplicationSchema), ...errors } }),
    async (c) => c.json(masked(await staff.getForReview(deps, c.get('ctx'), c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/staff/applications/{id}/reveal',
      tags,
      security: bearer,
      summary: 'Reviewer: one application of the district with whole addresses, phones and 不动产单元号, to compare with the materials (audited, never the values)',
      request: { params: ApplicationParamsSchema },
      responses: { 200: json(StaffApplicationSchema), ...errors },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const answer = await staff.getForReview(deps, ctx, c.req.valid('param').id);
      const member = staff.requireStaff(ctx, 'reviewer');
      await deps.store.transaction((repos) => audit(repos, ctx, { actorKind: 'staff', actorId: member.id, action: 'review.reveal', subjectKind: 'application', subjectId: answer.application.id }));
      return c.json(answer, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/staff/applications/{id}/start-review',
      tags,
      security: bearer,
      summary: 'Reviewer: take a waiting application into review (审核中); the decision is a later call (audited)',
      request: { params: ApplicationParamsSchema },
      responses: { 200: json(StaffApplicationSchema), ...errors },
    }),
    async (c) => c.json(masked(await staff.startReviewByStaff(deps, c.get('ctx'), c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/staff/applications/{id}/review',
      tags,
      security: bearer,
      summary: 'Reviewer: approve, reject or request 补正 (audited)',
      request: { params: ApplicationParamsSchema, ...jsonBody(ReviewRequestSchema) },
      responses: { 200: json(StaffApplicationSchema), ...errors },
    }),
    async (c) => c.json(masked(await staff.reviewByStaff(deps, c.get('ctx'), c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/staff/applications/{id}/files/{fileId}',
      tags,
      security: bearer,
      summary: 'Reviewer: a material image the application lists (audited)',
      request: { params: ApplicationParamsSchema.extend(FileParamsSchema.shape) },
      responses: { 200: { content: { 'image/jpeg': { schema: z.string().meta({ format: 'binary' }) } }, description: 'The image' }, ...errors },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      const { bytes, mime } = await staff.staffFile(deps, c.get('ctx'), id, fileId);
      return attachment(bytes, mime, `${fileId}.${mime === 'image/png' ? 'png' : 'jpg'}`) as never;
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/staff/audit', tags, security: bearer, summary: 'The audit log (a reviewer: of an application of the district)', request: { query: AuditQuerySchema }, responses: { 200: json(AuditResponseSchema), ...errors } }),
    async (c) => c.json(await staff.auditEntries(deps, c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/staff/lottery/{schoolId}/randomness',
      tags,
      security: bearer,
      summary: "Lottery operator: enter the day's designated public value; two operators entering the same value fix it",
      request: { params: SchoolParamsSchema, ...jsonBody(RandomnessRequestSchema) },
      responses: { 200: json(RandomnessResponseSchema), ...errors },
    }),
    async (c) => c.json(await staff.enterRandomnessAsStaff(deps, c.get('ctx'), c.req.valid('param').schoolId, c.req.valid('json').value), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/staff/lottery/{schoolId}/draw',
      tags,
      security: bearer,
      summary: 'Lottery operator: decide a frozen school (everyone admitted, or the draw with the fixed randomness)',
      request: { params: SchoolParamsSchema },
      responses: { 200: json(DrawResultSchema), ...errors },
    }),
    async (c) => c.json(await staff.drawAsStaff(deps, c.get('ctx'), c.req.valid('param').schoolId), 200),
  );
  // Public: anyone can check a draw against what was committed before it.
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/lottery/commitments', tags: ['lottery'], summary: "Every private school's frozen list commitment (published before the randomness exists)", responses: { 200: json(CommitmentsResponseSchema), ...errors } }),
    async (c) => c.json(await staff.publishedCommitments(deps), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/lottery/draws/{drawId}', tags: ['lottery'], summary: 'A decided draw with everything needed to recompute it', request: { params: DrawParamsSchema }, responses: { 200: json(DrawResponseSchema), ...errors } }),
    async (c) => c.json(await staff.publishedDrawById(deps, c.req.valid('param').drawId), 200),
  );
}
