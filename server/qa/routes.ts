/**
 * The QA API under /__qa/ (development servers only; production refuses to start with it): tests and
 * QA drive the server's clock, faces, reviews, draws and faults here. Fault injection sits in front
 * of the enrolment API.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import {
  QaClockRequestSchema,
  QaFaultRequestSchema,
  QaIdentityRequestSchema,
  QaLotteryRequestSchema,
  QaResetRequestSchema,
  QaReviewRequestSchema,
  QaUiStyleRequestSchema,
} from '@contract/qa';
import type { AppEnv } from '../http/context';
import { validationFailure } from '../http/errors';
import { refuse } from '../usecases/errors';
import type { QaDeps } from './context';
import { faultResponse } from './faults';
import type { Qa } from './index';

async function parsed<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T> | Response> {
  let body: unknown = {};
  const text = await c.req.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      refuse('VALIDATION', '请求内容不是有效的 JSON');
    }
  }
  const result = schema.safeParse(body);
  return result.success ? result.data : validationFailure(c, result.error);
}

export function mountQa(app: OpenAPIHono<AppEnv>, q: QaDeps, qa: Qa) {
  // Faults: answered instead of the real API call (QA's own calls are never affected).
  app.use('/api/v1/*', async (c, next) => {
    const rule = q.faults.take(c.req.path);
    if (!rule) return next();
    return faultResponse(rule);
  });
  const post = <T extends z.ZodType>(path: string, schema: T, run: (body: z.infer<T>) => unknown) =>
    app.post(path, async (c) => {
      const body = await parsed(c, schema);
      if (body instanceof Response) return body;
      return c.json((await run(body)) as object);
    });
  post('/__qa/reset', QaResetRequestSchema, (b) => qa.reset(b.scenario));
  post('/__qa/clock', QaClockRequestSchema, (b) => qa.moveClock(b.now, b.frozen === true));
  post('/__qa/identity', QaIdentityRequestSchema, (b) => qa.chooseIdentity(b.id));
  post('/__qa/review', QaReviewRequestSchema, (b) => qa.review(b));
  post('/__qa/lottery', QaLotteryRequestSchema, (b) => qa.lottery(b.schoolId, b.publicRandomness));
  post('/__qa/faults', QaFaultRequestSchema, (b) => qa.addFault({ kind: b.kind, ...(b.route ? { route: b.route } : {}), ...(b.times ? { remaining: b.times } : {}) }));
  post('/__qa/ui-style', QaUiStyleRequestSchema, (b) => qa.setUiStyle(b.style));
  app.delete('/__qa/faults', (c) => c.json(qa.clearFaults()));
  app.get('/__qa/state', async (c) => c.json(await qa.state()));
  app.get('/__qa/scenarios', (c) => c.json(qa.scenarios()));
  app.get('/__qa/identities', (c) => c.json(qa.identities()));
  app.get('/__qa/pushes', (c) => c.json(qa.pushes()));
  app.get('/__qa/applications', async (c) => c.json(await qa.applications()));
}
