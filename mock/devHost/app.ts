/**
 * The dev host's gateway (/host/*): the simulated 渝快办 side of things the enrolment server never
 * does itself — the face screen's verdict, the SSO hand-off, the host's pages and its 长辈版 switch.
 * A separate app from the enrolment server; it talks to the server's simulated face service only.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { EnrolmentServer } from '@server/compose';

const CompleteSchema = z.strictObject({
  verifyId: z.string().min(1).max(200),
  identityId: z.string().max(64).optional(),
  outcome: z.enum(['passed', 'cancelled', 'failed']).optional(),
});
const SsoSchema = z.strictObject({ identityId: z.string().max(64).optional() });
const PageSchema = z.strictObject({ page: z.string().max(64) });

/** Host pages the simulated host has; QA sees an open request in the answer. */
const KNOWN_PAGES = new Set(['myRealEstate', 'myCertificates', 'hostHome']);

export function createDevHostApp(dev: NonNullable<EnrolmentServer['dev']>) {
  const app = new Hono();
  const body = async <T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T> | null> => {
    const parsed = schema.safeParse(await request.json().catch(() => null));
    return parsed.success ? parsed.data : null;
  };
  app.post('/host/face/complete', async (c) => {
    const b = await body(c.req.raw, CompleteSchema);
    if (!b) return c.json({ error: { kind: 'failed' } }, 400);
    const outcome = b.outcome === 'cancelled' || b.outcome === 'failed' ? b.outcome : { identityId: b.identityId };
    return dev.face.complete(b.verifyId, outcome) ? c.json({ completed: true }) : c.json({ error: { kind: 'failed' } }, 404);
  });
  app.post('/host/sso', async (c) => {
    const b = await body(c.req.raw, SsoSchema);
    if (!b) return c.json({ error: { kind: 'failed' } }, 400);
    return c.json({ kind: 'ssoTicket', code: dev.face.issueSsoTicket(b.identityId) });
  });
  app.get('/host/ui-style', (c) => c.json({ style: dev.qaDeps.uiStyle.value }));
  app.post('/host/open-page', async (c) => {
    const b = await body(c.req.raw, PageSchema);
    if (!b || !KNOWN_PAGES.has(b.page)) return c.json({ error: { kind: 'unavailable' } }, 501);
    return c.json({ opened: b.page });
  });
  return app;
}
