/**
 * MSW handlers that hand every intercepted enrolment, QA and dev-host request to the server apps
 * themselves (app.fetch): routing and validation are never written twice. QA's transport faults
 * (offline, timeout) become what a phone sees: no answer.
 */
import { delay, http, HttpResponse } from 'msw';
import type { Hono } from 'hono';
import type { EnrolmentServer } from '@server/compose';
import { QA_FAULT_HEADER, TIMEOUT_DELAY_MS } from '@server/qa/faults';

async function asTransport(response: Response): Promise<Response> {
  const fault = response.headers.get(QA_FAULT_HEADER);
  if (fault === 'offline') return HttpResponse.error();
  if (fault === 'timeout') {
    await delay(TIMEOUT_DELAY_MS);
    return HttpResponse.error();
  }
  return response;
}

export interface ForwardTargets {
  server: EnrolmentServer;
  devHost: Hono;
}

/** `targets` may still be starting (composing a server is asynchronous): requests wait for it. */
export function forwardingHandlers(targets: () => Promise<ForwardTargets>) {
  return [
    http.all(/\/host\/.*/, async ({ request }) => (await targets()).devHost.fetch(request)),
    http.all(/\/(api\/v1|__qa)\/.*/, async ({ request }) => asTransport(await (await targets()).server.app.fetch(request))),
  ];
}
