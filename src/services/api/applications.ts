/** Registrations: submitting, following, correcting and confirming them. */
import {
  routes,
  type ApplicationResponse,
  type ApplicationsResponse,
  type LotteryResponse,
  type NoticeResponse,
  type ResubmitRequest,
  type SubmitApplicationRequest,
} from '@contract/api';
import { call, contract } from './call';

export const applications = () => call<ApplicationsResponse>(routes.applications, { schema: contract('ApplicationsResponseSchema') });
export const application = (id: string) => call<ApplicationResponse>(routes.application(id), { schema: contract('ApplicationResponseSchema') });
export const submit = (req: SubmitApplicationRequest) =>
  call<ApplicationResponse>(routes.applications, { method: 'POST', body: req, idempotent: true, headers: { 'Idempotency-Key': req.idempotencyKey }, schema: contract('ApplicationResponseSchema') });
export const withdraw = (id: string) => call<ApplicationResponse>(routes.withdraw(id), { method: 'POST', idempotent: true, schema: contract('ApplicationResponseSchema') });
export const resubmit = (id: string, req: ResubmitRequest) =>
  call<ApplicationResponse>(routes.resubmit(id), { method: 'POST', body: req, idempotent: true, headers: { 'Idempotency-Key': req.idempotencyKey }, schema: contract('ApplicationResponseSchema') });
export const confirm = (id: string) => call<ApplicationResponse>(routes.confirm(id), { method: 'POST', idempotent: true, schema: contract('ApplicationResponseSchema') });
export const lottery = (id: string) => call<LotteryResponse>(routes.lottery(id), { schema: contract('LotteryResponseSchema') });
export const notice = (id: string) => call<NoticeResponse>(routes.notice(id), { schema: contract('NoticeResponseSchema') });
