/** MSW handlers playing the H5 host gateway (src/bridge/h5/hostGateway.ts). */
import { http, HttpResponse } from 'msw';
import { hostRoutes } from '@/bridge/h5/hostGateway';
import type { EnrolmentService } from '../service';
import { jsonBody, respond } from './respond';

/** Host pages a simulated host can open; QA sees the request in the state. */
const KNOWN_PAGES = new Set(['myRealEstate', 'myCertificates', 'hostHome']);

export function hostHandlers(service: EnrolmentService) {
  return [
    http.post(`*${hostRoutes.faceVerify}`, async () => respond(await service.host.verifyFace())),
    http.get(`*${hostRoutes.uiStyle}`, async () => respond(await service.host.uiStyle())),
    http.post(`*${hostRoutes.openPage}`, async ({ request }) => {
      const { page } = await jsonBody(request);
      if (typeof page !== 'string' || !KNOWN_PAGES.has(page)) {
        return HttpResponse.json({ error: { kind: 'unavailable' } }, { status: 501 });
      }
      return HttpResponse.json({ opened: page });
    }),
  ];
}
