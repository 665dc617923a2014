/** Typed calls to the enrolment API: one function per route of types/api.ts. */
import {
  routes,
  ApplicationResponseSchema,
  ApplicationsResponseSchema,
  CalendarResponseSchema,
  ChildSchema,
  ChildrenResponseSchema,
  DistrictsResponseSchema,
  FaceVerificationSchema,
  LotteryResponseSchema,
  MaterialsResponseSchema,
  NoticeResponseSchema,
  PublicKeyResponseSchema,
  ReportCodeResponseSchema,
  RevealChildResponseSchema,
  SchoolsResponseSchema,
  ServerTimeResponseSchema,
  SessionSchema,
  UpkeepResponseSchema,
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
  // Every answer is parsed with its contract (types/api.ts), the schemas the server declares its routes with.
  return {
    beginFaceVerification: (req: BeginFaceVerificationRequest) => call<FaceVerification>(routes.faceVerifications, { method: 'POST', body: req, schema: FaceVerificationSchema }),
    createSession: (req: CreateSessionRequest) => call<Session>(routes.session, { method: 'POST', body: req, schema: SessionSchema }),
    endSession: () => call<void>(routes.session, { method: 'DELETE' }),
    calendar: (year?: number) => call<CalendarResponse>(routes.calendar + query({ year }), { schema: CalendarResponseSchema }),
    time: () => call<ServerTimeResponse>(routes.time, { schema: ServerTimeResponseSchema }),
    districts: (year?: number) => call<DistrictsResponse>(routes.districts + query({ year }), { schema: DistrictsResponseSchema }),
    schools: (districtCode: string, stage: Stage) => call<SchoolsResponse>(routes.schools(districtCode) + query({ stage }), { schema: SchoolsResponseSchema }),
    children: () => call<ChildrenResponse>(routes.children, { schema: ChildrenResponseSchema }),
    addChild: (req: AddChildRequest) => call<Child>(routes.children, { method: 'POST', body: req, schema: ChildSchema }),
    updateChild: (childId: string, req: UpdateChildRequest) => call<Child>(routes.child(childId), { method: 'PATCH', body: req, idempotent: true, schema: ChildSchema }),
    revealChild: (childId: string) => call<RevealChildResponse>(routes.revealChild(childId), { method: 'POST', schema: RevealChildResponseSchema }),
    /**
     * The upkeep with whole values, for the form that edits them and the registration that quotes
     * them: the server answers GET upkeep masked and gives whole values only to this logged reveal.
     */
    upkeep: (childId: string) => call<UpkeepResponse>(routes.revealUpkeep(childId), { method: 'POST', idempotent: true, schema: UpkeepResponseSchema }),
    /** The upkeep as the server shows it (phones, addresses, 不动产单元号 masked): for display only. */
    upkeepMasked: (childId: string) => call<UpkeepResponse>(routes.upkeep(childId), { schema: UpkeepResponseSchema }),
    /** The answer carries the kept upkeep masked: the app keeps the whole values it sent, dated by the server. */
    saveUpkeep: async (childId: string, req: SaveUpkeepRequest) => {
      const answer = await call<UpkeepResponse>(routes.upkeep(childId), { method: 'PUT', body: req, idempotent: true, schema: UpkeepResponseSchema });
      if (!answer.ok || !answer.data.upkeep) return answer;
      return { ...answer, data: { ...answer.data, upkeep: { ...req, updatedAt: answer.data.upkeep.updatedAt } } };
    },
    materials: (q: MaterialsQuery) => call<MaterialsResponse>(routes.materials + query({ ...q }), { schema: MaterialsResponseSchema }),
    applications: () => call<ApplicationsResponse>(routes.applications, { schema: ApplicationsResponseSchema }),
    application: (id: string) => call<ApplicationResponse>(routes.application(id), { schema: ApplicationResponseSchema }),
    submit: (req: SubmitApplicationRequest) =>
      call<ApplicationResponse>(routes.applications, { method: 'POST', body: req, idempotent: true, headers: { 'Idempotency-Key': req.idempotencyKey }, schema: ApplicationResponseSchema }),
    withdraw: (id: string) => call<ApplicationResponse>(routes.withdraw(id), { method: 'POST', idempotent: true, schema: ApplicationResponseSchema }),
    resubmit: (id: string, req: ResubmitRequest) =>
      call<ApplicationResponse>(routes.resubmit(id), { method: 'POST', body: req, idempotent: true, headers: { 'Idempotency-Key': req.idempotencyKey }, schema: ApplicationResponseSchema }),
    confirm: (id: string) => call<ApplicationResponse>(routes.confirm(id), { method: 'POST', idempotent: true, schema: ApplicationResponseSchema }),
    lottery: (id: string) => call<LotteryResponse>(routes.lottery(id), { schema: LotteryResponseSchema }),
    notice: (id: string) => call<NoticeResponse>(routes.notice(id), { schema: NoticeResponseSchema }),
    reportCode: (childId: string) => call<ReportCodeResponse>(routes.reportCode(childId), { schema: ReportCodeResponseSchema }),
    publicKey: () => call<PublicKeyResponse>(routes.publicKey, { schema: PublicKeyResponseSchema }),
  };
}

export type EnrolmentApi = ReturnType<typeof createEnrolmentApi>;
