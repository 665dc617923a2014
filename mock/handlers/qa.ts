/** The QA API under /__qa/: tests and QA drive the mock's time, identities, faults and reviews here. */
import { http, HttpResponse } from 'msw';
import type { EnrolmentService } from '../service';
import { jsonBody, respond } from './respond';
import { setQaNetworkTimeoutMs } from '../networkKnob';

export function qaHandlers(service: EnrolmentService) {
  return [
    http.post('*/__qa/reset', async ({ request }) => {
      const { scenario } = await jsonBody(request);
      return respond(await service.qa.reset(typeof scenario === 'string' ? scenario : undefined));
    }),
    http.post('*/__qa/clock', async ({ request }) => {
      const { now, frozen } = await jsonBody(request);
      return respond(await service.qa.clock(now, frozen));
    }),
    http.post('*/__qa/identity', async ({ request }) => respond(await service.qa.identity((await jsonBody(request)).id))),
    http.get('*/__qa/state', async () => respond(await service.qa.state())),
    http.get('*/__qa/scenarios', async () => respond(await service.qa.scenarios())),
    http.get('*/__qa/identities', async () => respond(await service.qa.identities())),
    http.get('*/__qa/applications', async () => respond(await service.qa.applications())),
    http.post('*/__qa/review', async ({ request }) => respond(await service.qa.review(await jsonBody(request)))),
    http.post('*/__qa/lottery', async ({ request }) => {
      const { schoolId, publicRandomness } = await jsonBody(request);
      return respond(await service.qa.lottery(schoolId, publicRandomness));
    }),
    http.post('*/__qa/faults', async ({ request }) => respond(await service.qa.addFault(await jsonBody(request)))),
    http.delete('*/__qa/faults', async () => respond(await service.qa.clearFaults())),
    // The phone's network timeout (see networkKnob.ts): not server state, so no service call.
    http.post('*/__qa/network', async ({ request }) => HttpResponse.json(setQaNetworkTimeoutMs((await jsonBody(request)).timeoutMs))),
    http.post('*/__qa/ui-style', async ({ request }) => respond(await service.qa.uiStyle((await jsonBody(request)).style))),
  ];
}
