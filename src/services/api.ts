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
  type HomeCardQuery,
  type HomeCardResponse,
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
  type MessagesResponse,
  type PushConsentRequest,
  type UnreadCount,
} from '@contract/api';
import type { ZodType } from 'zod';
import type * as Contracts from '@contract/api';
import type { ApiClient } from './http';

type SchemaName = { [K in keyof typeof Contracts]: K extends `${string}Schema` ? K : never }[keyof typeof Contracts];
/** An answer's schema, loaded when the answer is in: zod and the schemas are a chunk of their own, not part of the first page's JS (config/contracts.ts). */
const contract = (name: SchemaName) => () => import('@contract/api').then((contracts) => contracts[name] as ZodType);

const query = (params: Record<string, string | number | undefined>) => {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}` : '';
};

export function createEnrolmentApi(client: ApiClient) {
  const { call } = client;
  // Every answer is parsed with its contract (types/api.ts), the schemas the server declares its routes with.
  return {
    beginFaceVerification: (req: BeginFaceVerificationRequest) => call<FaceVerification>(routes.faceVerifications, { method: 'POST', body: req, schema: contract('FaceVerificationSchema') }),
    createSession: (req: CreateSessionRequest) => call<Session>(routes.session, { method: 'POST', body: req, schema: contract('SessionSchema') }),
    endSession: () => call<void>(routes.session, { method: 'DELETE' }),
    calendar: (year?: number) => call<CalendarResponse>(routes.calendar + query({ year }), { schema: contract('CalendarResponseSchema') }),
    homeCard: (q: HomeCardQuery) => call<HomeCardResponse>(routes.homeCard + query({ ...q }), { schema: contract('HomeCardResponseSchema') }),
    time: () => call<ServerTimeResponse>(routes.time, { schema: contract('ServerTimeResponseSchema') }),
    districts: (year?: number) => call<DistrictsResponse>(routes.districts + query({ year }), { schema: contract('DistrictsResponseSchema') }),
    schools: (districtCode: string, stage: Stage) => call<SchoolsResponse>(routes.schools(districtCode) + query({ stage }), { schema: contract('SchoolsResponseSchema') }),
    children: () => call<ChildrenResponse>(routes.children, { schema: contract('ChildrenResponseSchema') }),
    addChild: (req: AddChildRequest) => call<Child>(routes.children, { method: 'POST', body: req, schema: contract('ChildSchema') }),
    updateChild: (childId: string, req: UpdateChildRequest) => call<Child>(routes.child(childId), { method: 'PATCH', body: req, idempotent: true, schema: contract('ChildSchema') }),
    revealChild: (childId: string) => call<RevealChildResponse>(routes.revealChild(childId), { method: 'POST', schema: contract('RevealChildResponseSchema') }),
    /**
     * The upkeep with whole values, for the form that edits them and the registration that quotes
     * them: the server answers GET upkeep masked and gives whole values only to this logged reveal.
     */
    upkeep: (childId: string) => call<UpkeepResponse>(routes.revealUpkeep(childId), { method: 'POST', idempotent: true, schema: contract('UpkeepResponseSchema') }),
    /** The upkeep as the server shows it (phones, addresses, 不动产单元号 masked): for display only. */
    upkeepMasked: (childId: string) => call<UpkeepResponse>(routes.upkeep(childId), { schema: contract('UpkeepResponseSchema') }),
    /** The answer carries the kept upkeep masked: the app keeps the whole values it sent, dated by the server. */
    saveUpkeep: async (childId: string, req: SaveUpkeepRequest) => {
      const answer = await call<UpkeepResponse>(routes.upkeep(childId), { method: 'PUT', body: req, idempotent: true, schema: contract('UpkeepResponseSchema') });
      if (!answer.ok || !answer.data.upkeep) return answer;
      return { ...answer, data: { ...answer.data, upkeep: { ...req, updatedAt: answer.data.upkeep.updatedAt } } };
    },
    materials: (q: MaterialsQuery) => call<MaterialsResponse>(routes.materials + query({ ...q }), { schema: contract('MaterialsResponseSchema') }),
    applications: () => call<ApplicationsResponse>(routes.applications, { schema: contract('ApplicationsResponseSchema') }),
    application: (id: string) => call<ApplicationResponse>(routes.application(id), { schema: contract('ApplicationResponseSchema') }),
    submit: (req: SubmitApplicationRequest) =>
      call<ApplicationResponse>(routes.applications, { method: 'POST', body: req, idempotent: true, headers: { 'Idempotency-Key': req.idempotencyKey }, schema: contract('ApplicationResponseSchema') }),
    withdraw: (id: string) => call<ApplicationResponse>(routes.withdraw(id), { method: 'POST', idempotent: true, schema: contract('ApplicationResponseSchema') }),
    resubmit: (id: string, req: ResubmitRequest) =>
      call<ApplicationResponse>(routes.resubmit(id), { method: 'POST', body: req, idempotent: true, headers: { 'Idempotency-Key': req.idempotencyKey }, schema: contract('ApplicationResponseSchema') }),
    confirm: (id: string) => call<ApplicationResponse>(routes.confirm(id), { method: 'POST', idempotent: true, schema: contract('ApplicationResponseSchema') }),
    lottery: (id: string) => call<LotteryResponse>(routes.lottery(id), { schema: contract('LotteryResponseSchema') }),
    notice: (id: string) => call<NoticeResponse>(routes.notice(id), { schema: contract('NoticeResponseSchema') }),
    reportCode: (childId: string) => call<ReportCodeResponse>(routes.reportCode(childId), { schema: contract('ReportCodeResponseSchema') }),
    publicKey: () => call<PublicKeyResponse>(routes.publicKey, { schema: contract('PublicKeyResponseSchema') }),
    messages: () => call<MessagesResponse>(routes.messages, { schema: contract('MessagesResponseSchema') }),
    unreadCount: () => call<UnreadCount>(routes.unreadCount, { schema: contract('UnreadCountSchema') }),
    markMessageRead: (id: string) => call<UnreadCount>(routes.messageRead(id), { method: 'POST', idempotent: true, schema: contract('UnreadCountSchema') }),
    setPushConsent: (req: PushConsentRequest) => call<PushConsentRequest>(routes.pushConsent, { method: 'PUT', body: req, idempotent: true, schema: contract('PushConsentResponseSchema') }),
  };
}

export type EnrolmentApi = ReturnType<typeof createEnrolmentApi>;
