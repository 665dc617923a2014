import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { MessageParamsSchema, MessagesResponseSchema, PushConsentRequestSchema, PushConsentResponseSchema, UnreadCountSchema } from '@contract/messages';
import type { Deps } from '../../usecases/context';
import * as messages from '../../usecases/messages';
import type { AppEnv } from '../context';
import { bearer, errors, json, jsonBody } from '../describe';

/** 消息 (issue 15): the parent's own messages only; personal data is the child's masked name. */
export function messageRoutes(app: OpenAPIHono<AppEnv>, deps: Deps) {
  const tags = ['messages'];
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/messages', tags, security: bearer, summary: '消息: my messages, newest first, with the unread count', responses: { 200: json(MessagesResponseSchema), ...errors } }),
    async (c) => c.json(await messages.myMessages(deps, c.get('ctx')), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/messages/unread-count', tags, security: bearer, summary: 'How many of my messages are unread', responses: { 200: json(UnreadCountSchema), ...errors } }),
    async (c) => c.json(await messages.myUnreadCount(deps, c.get('ctx')), 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/v1/messages/{id}/read', tags, security: bearer, summary: 'Marks one of my messages read; answers the unread count', request: { params: MessageParamsSchema }, responses: { 200: json(UnreadCountSchema), ...errors } }),
    async (c) => c.json(await messages.markMessageRead(deps, c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/push-consent',
      tags,
      security: bearer,
      summary: 'The message kinds the parent agreed in the host consent sheet to be pushed (订阅消息); pushes carry the child masked name only',
      request: jsonBody(PushConsentRequestSchema),
      responses: { 200: json(PushConsentResponseSchema), ...errors },
    }),
    async (c) => c.json(await messages.setPushConsent(deps, c.get('ctx'), c.req.valid('json')), 200),
  );
}
