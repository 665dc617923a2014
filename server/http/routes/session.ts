import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { BeginFaceVerificationRequestSchema, CreateSessionRequestSchema, FaceVerificationSchema, SessionSchema } from '@contract/api';
import type { Deps } from '../../usecases/context';
import { beginFaceVerification, createSession, endSession } from '../../usecases/session';
import type { AppEnv } from '../context';
import { errors, json, jsonBody } from '../describe';

export function sessionRoutes(app: OpenAPIHono<AppEnv>, deps: Deps) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/face-verifications',
      tags: ['session'],
      summary: 'Begin a face verification with the host face service (server-first, contract v2)',
      request: jsonBody(BeginFaceVerificationRequestSchema),
      responses: { 201: json(FaceVerificationSchema, 'The verify id the host shows its face screen for'), ...errors },
    }),
    async (c) => c.json(await beginFaceVerification(deps, c.get('ctx'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/session',
      tags: ['session'],
      summary: 'Exchange a completed face verification (or a host SSO ticket) for a session',
      request: jsonBody(CreateSessionRequestSchema),
      responses: { 201: json(SessionSchema, 'A new session'), ...errors },
    }),
    async (c) => c.json(await createSession(deps, c.get('ctx'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/api/v1/session', tags: ['session'], summary: 'Log out: the token dies', responses: { 204: { description: 'Logged out' }, ...errors } }),
    async (c) => {
      await endSession(deps, c.get('bearer'));
      return c.body(null, 204);
    },
  );
}
