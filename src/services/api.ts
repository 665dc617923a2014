/** Typed calls to the enrolment API: one function per route of types/api.ts. */
import {
  routes,
  type AddChildRequest,
  type BeginFaceVerificationRequest,
  type CreateSessionRequest,
  type FaceVerification,
  type ApplicationResponse,
  type ApplicationsResponse,
  type CalendarResponse,
  type Child,
  type ChildrenResponse,
  type DistrictsResponse,
  type LotteryResponse,
  type MaterialsQuery,
  type MaterialsResponse,
  type NoticeResponse,
  type PublicKeyResponse,
  type ReportCodeResponse,
  type ResubmitRequest,
  type RevealChildResponse,
  type SaveUpkeepRequest,
  type SchoolsResponse,
  type ServerTimeResponse,
  type Session,
  type Stage,
  type SubmitApplicationRequest,
  type UpdateChildRequest,
  type UpkeepResponse,
} from '@contract/api';
import type { ApiClient } from './http';

const query = (params: Record<string, string | number | undefined>) => {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}` : '';
};

export function createEnrolmentApi(client: ApiClient) {
  const { call } = client;
  return {
    beginFaceVerification: (req: BeginFaceVerificationRequest) => call<FaceVerification>(routes.faceVerifications, { method: 'POST', body: req }),
    createSession: (req: CreateSessionRequest) => call<Session>(routes.session, { method: 'POST', body: req }),
    endSession: () => call<void>(routes.session, { method: 'DELETE' }),
    calendar: (year?: number) => call<CalendarResponse>(routes.calendar + query({ year })),
    time: () => call<ServerTimeResponse>(routes.time),
    districts: (year?: number) => call<DistrictsResponse>(routes.districts + query({ year })),
    schools: (districtCode: string, stage: Stage) => call<SchoolsResponse>(routes.schools(districtCode) + query({ stage })),
    children: () => call<ChildrenResponse>(routes.children),
    addChild: (req: AddChildRequest) => call<Child>(routes.children, { method: 'POST', body: req }),
    updateChild: (childId: string, req: UpdateChildRequest) => call<Child>(routes.child(childId), { method: 'PATCH', body: req, idempotent: true }),
    revealChild: (childId: string) => call<RevealChildResponse>(routes.revealChild(childId), { method: 'POST' }),
    upkeep: (childId: string) => call<UpkeepResponse>(routes.upkeep(childId)),
    saveUpkeep: (childId: string, req: SaveUpkeepRequest) => call<UpkeepResponse>(routes.upkeep(childId), { method: 'PUT', body: req, idempotent: true }),
    materials: (q: MaterialsQuery) => call<MaterialsResponse>(routes.materials + query({ ...q })),
    applications: () => call<ApplicationsResponse>(routes.applications),
    application: (id: string) => call<ApplicationResponse>(routes.application(id)),
    submit: (req: SubmitApplicationRequest) =>
      call<ApplicationResponse>(routes.applications, { method: 'POST', body: req, idempotent: true, headers: { 'Idempotency-Key': req.idempotencyKey } }),
    withdraw: (id: string) => call<ApplicationResponse>(routes.withdraw(id), { method: 'POST', idempotent: true }),
    resubmit: (id: string, req: ResubmitRequest) =>
      call<ApplicationResponse>(routes.resubmit(id), { method: 'POST', body: req, idempotent: true, headers: { 'Idempotency-Key': req.idempotencyKey } }),
    confirm: (id: string) => call<ApplicationResponse>(routes.confirm(id), { method: 'POST', idempotent: true }),
    lottery: (id: string) => call<LotteryResponse>(routes.lottery(id)),
    notice: (id: string) => call<NoticeResponse>(routes.notice(id)),
    reportCode: (childId: string) => call<ReportCodeResponse>(routes.reportCode(childId)),
    publicKey: () => call<PublicKeyResponse>(routes.publicKey),
  };
}

export type EnrolmentApi = ReturnType<typeof createEnrolmentApi>;
