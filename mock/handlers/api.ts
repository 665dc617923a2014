/** MSW handlers for the enrolment API: parse HTTP, call the service, answer its result. */
import { http } from 'msw';
import { routes } from '@contract/api';
import type { Stage } from '@contract/calendar';
import type { EnrolmentService } from '../service';
import { faultHandler } from './faults';
import { jsonBody, respond } from './respond';

const auth = (request: Request) => request.headers.get('authorization');

export function apiHandlers(service: EnrolmentService) {
  return [
    faultHandler(service, '*/api/v1/*'),
    http.post(`*${routes.session}`, async ({ request }) => respond(await service.createSession((await jsonBody(request)).ticket))),
    http.delete(`*${routes.session}`, async ({ request }) => respond(await service.endSession(auth(request)))),
    http.get(`*${routes.calendar}`, async () => respond(await service.calendar())),
    http.get(`*${routes.time}`, async () => respond(await service.time())),
    http.get(`*${routes.districts}`, async ({ request }) => {
      const year = new URL(request.url).searchParams.get('year');
      return respond(await service.districts(year ? Number(year) : undefined));
    }),
    http.get(`*${routes.schools(':code')}`, async ({ request, params }) => {
      const stage = (new URL(request.url).searchParams.get('stage') ?? 'primary') as Stage;
      return respond(await service.schools(String(params.code), stage));
    }),
  ];
}
