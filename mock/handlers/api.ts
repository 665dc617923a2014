/** MSW handlers for the enrolment API: parse HTTP, call the service, answer its result. */
import { http } from 'msw';
import { routes } from '@contract/api';
import type { Stage } from '@contract/calendar';
import type { EnrolmentService } from '../service';
import { faultHandler } from './faults';
import { binary, jsonBody, respond } from './respond';

const auth = (request: Request) => request.headers.get('authorization');
const id = (value: unknown) => String(value);

/** H5 posts the raw image as the body; weapp's uploadFile posts multipart form-data with field "file". */
async function uploadBytes(request: Request): Promise<Uint8Array> {
  if ((request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    const file = (await request.formData()).get('file');
    if (!file || typeof file === 'string') return new Uint8Array(0);
    return new Uint8Array(await file.arrayBuffer());
  }
  return new Uint8Array(await request.arrayBuffer());
}

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
    http.get(`*${routes.children}`, async ({ request }) => respond(await service.children(auth(request)))),
    http.post(`*${routes.children}`, async ({ request }) => respond(await service.addChild(auth(request), await jsonBody(request)))),
    http.patch(`*${routes.child(':id')}`, async ({ request, params }) => respond(await service.updateChild(auth(request), id(params.id), await jsonBody(request)))),
    http.post(`*${routes.revealChild(':id')}`, async ({ request, params }) => respond(await service.revealChild(auth(request), id(params.id)))),
    http.get(`*${routes.upkeep(':id')}`, async ({ request, params }) => respond(await service.upkeep(auth(request), id(params.id)))),
    http.put(`*${routes.upkeep(':id')}`, async ({ request, params }) => respond(await service.saveUpkeep(auth(request), id(params.id), await jsonBody(request)))),
    http.get(`*${routes.reportCode(':id')}`, async ({ request, params }) => respond(await service.reportCode(auth(request), id(params.id)))),
    http.get(`*${routes.materials}`, async ({ request }) =>
      respond(await service.materials(auth(request), Object.fromEntries(new URL(request.url).searchParams.entries()))),
    ),
    http.post(`*${routes.uploads}`, async ({ request }) =>
      respond(await service.upload(auth(request), { bytes: await uploadBytes(request), materialCode: request.headers.get('x-material-code') })),
    ),
    http.get(`*${routes.upload(':id')}`, async ({ request, params }) => {
      const r = await service.download(auth(request), id(params.id));
      return r.ok ? binary(r.value.bytes, r.value.mime) : respond(r);
    }),
    http.get(`*${routes.applications}`, async ({ request }) => respond(await service.applications(auth(request)))),
    http.post(`*${routes.applications}`, async ({ request }) =>
      respond(await service.submit(auth(request), await jsonBody(request), request.headers.get('idempotency-key'))),
    ),
    http.get(`*${routes.application(':id')}`, async ({ request, params }) => respond(await service.application(auth(request), id(params.id)))),
    http.post(`*${routes.withdraw(':id')}`, async ({ request, params }) => respond(await service.withdraw(auth(request), id(params.id)))),
    http.post(`*${routes.resubmit(':id')}`, async ({ request, params }) =>
      respond(await service.resubmit(auth(request), id(params.id), await jsonBody(request), request.headers.get('idempotency-key'))),
    ),
    http.post(`*${routes.confirm(':id')}`, async ({ request, params }) => respond(await service.confirm(auth(request), id(params.id)))),
    http.get(`*${routes.lottery(':id')}`, async ({ request, params }) => respond(await service.lottery(auth(request), id(params.id)))),
    http.get(`*${routes.notice(':id')}`, async ({ request, params }) => respond(await service.notice(auth(request), id(params.id)))),
    http.get(`*${routes.noticePdf(':id')}`, async ({ request, params }) => {
      const r = await service.noticePdf(auth(request), id(params.id));
      return r.ok ? binary(r.value.bytes, 'application/pdf', r.value.fileName) : respond(r);
    }),
    http.get(`*${routes.publicKey}`, async () => respond(await service.publicKey())),
  ];
}
