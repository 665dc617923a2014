/**
 * The enrolment server as one HTTP app (Hono): the same app serves the Node server
 * (@hono/node-server), the browser mock (MSW handlers forward to app.fetch) and tests
 * (app.request). Routes are declared from the contracts in types/, which also give the OpenAPI
 * document; every request is parsed strictly at this boundary.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { MAX_JSON_BODY_BYTES, MAX_UPLOAD_BODY_BYTES } from '@contract/api';
import type { JobRunner } from '../jobs/runner';
import type { Deps } from '../usecases/context';
import { accountOfToken } from '../usecases/session';
import { staffOfToken } from '../usecases/staff';
import { secretToken } from '../usecases/ids';
import type { AppEnv } from './context';
import { errorBody, onError, validationFailure } from './errors';
import { applicationRoutes } from './routes/applications';
import { childrenRoutes } from './routes/children';
import { referenceRoutes } from './routes/reference';
import { sessionRoutes } from './routes/session';
import { staffRoutes } from './routes/staff';
import { messageRoutes } from './routes/messages';
import { uploadRoutes } from './routes/uploads';
import { jsonGuard } from '../security/jsonGuard';
import { DEFAULT_LIMITS, rateLimit, writeGate, type OverloadLimits } from '../security/overload';
import { clientAddress, type TrustProxy } from '../security/clientAddress';

export interface AppOptions {
  deps: Deps;
  /** Lines for the operator's log: method, route, status, time, trace id. Never bodies or personal data. */
  log?: (line: string) => void;
  /** Development: run due jobs before a request when the (QA-movable) clock has passed one. */
  jobs?: JobRunner;
  /** Mounted before the API (development: QA API and fault injection). */
  before?: (app: OpenAPIHono<AppEnv>) => void;
  /** Rate limits and the write gate (server/security/overload.ts); each part null to turn it off. */
  limits?: Partial<OverloadLimits>;
  /** Reverse proxies whose X-Forwarded-For names the client (server/security/clientAddress.ts); null: none. */
  trustProxy?: TrustProxy | null;
}

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: '入学一件事 enrolment server',
    version: '1.0.0',
    description: 'The enrolment API the module (H5, mini-program) calls through the host bridge. Errors answer types/errors.ts ApiErrorBody.',
  },
} as const;

export function createEnrolmentApp({ deps, log = () => undefined, jobs, before, limits, trustProxy = null }: AppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: (result, c) => (result.success ? undefined : validationFailure(c, result.error)) });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'Session token from POST /api/v1/session' });
  app.onError(onError(log));
  app.notFound((c) => errorBody(c, { code: 'NOT_FOUND', message: '请求的服务不存在' }, 404));

  // The request context: one `now` per request, a trace id, and who is asking.
  app.use('*', async (c, next) => {
    const started = Date.now();
    const traceId = secretToken(deps, 9);
    if (jobs?.mayBeDue()) await jobs.runDue();
    const authorization = c.req.header('authorization') ?? '';
    const bearer = /^Bearer\s+(\S{16,200})$/i.exec(authorization)?.[1] ?? null;
    const realNowMs = deps.clock.realNowMs();
    const member = bearer ? await staffOfToken(deps, bearer) : null;
    const account = bearer && !member ? await accountOfToken(deps, bearer, realNowMs) : null;
    c.set('bearer', bearer);
    const principal = member ? ({ kind: 'staff', staff: member } as const) : account ? ({ kind: 'parent', account } as const) : null;
    const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
    c.set('ctx', { now: deps.clock.now(), realNowMs, traceId, principal, clientAddress: clientAddress(socket, c.req.header('x-forwarded-for'), trustProxy) });
    await next();
    // A write may have scheduled a job (e.g. a notice run after a late 入学确认): look again then
    // (the store tells the runner; jobs other processes schedule are seen by its timer).
    if (jobs) await jobs.refreshIfScheduled();
    c.header('X-Trace-Id', traceId);
    log(`${c.req.method} ${c.req.routePath} ${c.res.status} ${Date.now() - started}ms ${traceId}`);
  });
  before?.(app);

  // Cheapest refusals first: the caller's and the server's rate, before a body is read.
  const overload: OverloadLimits = { ...DEFAULT_LIMITS, ...limits };
  app.use('/api/v1/*', rateLimit(overload, () => deps.clock.realNowMs()));

  const tooLarge = (c: Parameters<Parameters<typeof bodyLimit>[0]['onError'] & object>[0]) =>
    errorBody(c, { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大，请压缩图片或精简后重试' }, 413);
  app.use('/api/v1/uploads', bodyLimit({ maxSize: MAX_UPLOAD_BODY_BYTES, onError: tooLarge }));
  app.use('/api/v1/*', async (c, next) => {
    if (c.req.path === '/api/v1/uploads') return next();
    return bodyLimit({ maxSize: MAX_JSON_BODY_BYTES, onError: tooLarge })(c, next);
  });
  app.use('/api/v1/*', jsonGuard({ maxBytes: MAX_JSON_BODY_BYTES }));
  // Writes pass a bounded gate once their body is in (a slow sender holds no slot): uploads are
  // read here (bounded by their body limit), JSON bodies by the guard above.
  app.use('/api/v1/uploads', async (c, next) => {
    if (c.req.method === 'POST') await c.req.arrayBuffer();
    return next();
  });
  if (overload.writes) app.use('/api/v1/*', writeGate(overload.writes).middleware);

  sessionRoutes(app, deps);
  referenceRoutes(app, deps);
  childrenRoutes(app, deps);
  uploadRoutes(app, deps);
  applicationRoutes(app, deps);
  staffRoutes(app, deps);
  messageRoutes(app, deps);

  app.doc31('/api/v1/openapi.json', OPENAPI_INFO);
  return app;
}
