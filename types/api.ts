/**
 * Every enrolment API request and response, as zod schemas with the TypeScript types inferred from
 * them. The server parses every request strictly with these (unknown keys refused, sizes bounded)
 * and declares its routes and the OpenAPI document from them; the app parses every answer with them.
 * Base path: API_BASE. Auth: "Authorization: Bearer <session token>" (the host gateway may add its own).
 */
import { z } from 'zod';
import { StageSchema, YearCalendarSchema } from './calendar';
import { DistrictCodeSchema, IdSchema, InstantSchema, shortText } from './common';
import { DistrictSchema, MunicipalPolicySchema, SchoolSchema, SchoolTypeSchema } from './district';
import { ChildSchema, RelationshipSchema, UpkeepInfoSchema } from './child';
import { VerificationResultSchema } from './dataSharing';
import { MaterialChecklistSchema, MaterialFilesSchema, StudentSourceSchema, UploadRecordSchema } from './materials';
import { ApplicationSchema } from './application';
import { LotteryOutcomeSchema } from './lottery';
import { AdmissionNoticeSchema, ReportCodeSchema } from './reportCode';
import { SchoolNatureSchema } from './district';

export * from './enums';
export * from './common';
export * from './errors';
export * from './calendar';
export * from './district';
export * from './dataSharing';
export * from './child';
export * from './materials';
export * from './application';
export * from './lottery';
export * from './reportCode';
export * from './messages';
export * from './home';

export const API_BASE = '/api/v1';

/** Largest JSON body the server reads; an upkeep with every field full is about 3 KB. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;
/** Largest upload body (an image after compression is far smaller; the policy's maxBytes decides). */
export const MAX_UPLOAD_BODY_BYTES = 8 * 1024 * 1024;
/** Idempotency keys: a UUID or similar, never a payload. */
export const IdempotencyKeySchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/);

// ---- session (Q4, Q7): server-first face verification, or a host's SSO hand-off ----
export const FaceProviderSchema = z.enum(['wechat', 'alipay', 'dev']);
export const LoginHandoffSchema = z.strictObject({
  kind: z.enum(['wxLoginCode', 'ssoTicket']),
  code: z.string().min(1).max(512),
});
export const BeginFaceVerificationRequestSchema = z.strictObject({
  /** The host's proof of who is logged in (WeChat needs the openid behind a wx.login code). */
  handoff: LoginHandoffSchema.optional(),
});
export type BeginFaceVerificationRequest = z.infer<typeof BeginFaceVerificationRequestSchema>;
export const FaceVerificationSchema = z.strictObject({
  /** The enrolment server's id of this attempt: what the session request names. */
  verificationId: IdSchema,
  /** The face service's id the host shows its face screen for (WeChat 2.0 verifyId, Alipay certifyId). */
  verifyId: z.string(),
  provider: FaceProviderSchema,
  expiresAt: InstantSchema,
});
export type FaceVerification = z.infer<typeof FaceVerificationSchema>;

export const CreateSessionRequestSchema = z.union([
  z.strictObject({ verificationId: IdSchema }),
  z.strictObject({ handoff: LoginHandoffSchema.extend({ kind: z.literal('ssoTicket') }) }),
]);
export type CreateSessionRequest = z.infer<typeof CreateSessionRequestSchema>;
export const SessionSchema = z.strictObject({
  token: z.string(),
  expiresAt: InstantSchema,
  parent: z.strictObject({ nameMasked: z.string(), idNumberMasked: z.string(), phoneMasked: z.string() }),
  /**
   * An opaque name of the account, the same for every session of it: what the app prefixes its
   * stored drafts with, so a second parent on the same phone never sees the first one's draft.
   */
  draftScope: z.string().min(1).max(64),
});
export type Session = z.infer<typeof SessionSchema>;

// ---- calendar and districts (Q8, Q9, Q12) ----
export const YearQuerySchema = z.strictObject({ year: z.coerce.number().int().min(2020).max(2100).optional() });
export const CalendarResponseSchema = z.strictObject({
  calendar: YearCalendarSchema,
  /** The server's clock: authoritative over the phone's. */
  serverTime: InstantSchema,
});
export type CalendarResponse = z.infer<typeof CalendarResponseSchema>;
export const ServerTimeResponseSchema = z.strictObject({ serverTime: InstantSchema });
export type ServerTimeResponse = z.infer<typeof ServerTimeResponseSchema>;
export const DistrictsResponseSchema = z.strictObject({
  year: z.number().int(),
  districts: z.array(DistrictSchema),
  /** The municipal policy (市教委) that 政策查看 shows with every district's (Q2). */
  municipalPolicy: MunicipalPolicySchema,
});
export type DistrictsResponse = z.infer<typeof DistrictsResponseSchema>;
export const DistrictParamsSchema = z.strictObject({ districtCode: DistrictCodeSchema });
export const SchoolsQuerySchema = z.strictObject({ stage: StageSchema });
export const SchoolsResponseSchema = z.strictObject({
  districtCode: z.string(),
  stage: StageSchema,
  schools: z.array(SchoolSchema),
  /** 申报须知 per school type for this district and stage (Q19). */
  notes: z.partialRecord(SchoolTypeSchema, z.array(z.string())),
});
export type SchoolsResponse = z.infer<typeof SchoolsResponseSchema>;

// ---- children (Q13, Q14) ----
export const ChildParamsSchema = z.strictObject({ childId: IdSchema });
export const ChildrenResponseSchema = z.strictObject({ children: z.array(ChildSchema) });
export type ChildrenResponse = z.infer<typeof ChildrenResponseSchema>;
export const AddChildRequestSchema = z.strictObject({
  name: shortText(),
  idNumber: shortText(32),
  relationship: RelationshipSchema,
});
export type AddChildRequest = z.infer<typeof AddChildRequestSchema>;
export const UpdateChildRequestSchema = z.strictObject({ realName: shortText().nullable() });
export type UpdateChildRequest = z.infer<typeof UpdateChildRequestSchema>;
/** Full ID number for the "show" toggle; only sent on explicit request (and logged). */
export const RevealChildResponseSchema = z.strictObject({ idNumber: z.string() });
export type RevealChildResponse = z.infer<typeof RevealChildResponseSchema>;

// ---- upkeep and verification (Q10, Q11, Q15, Q23) ----
export const UpkeepResponseSchema = z.strictObject({
  upkeep: UpkeepInfoSchema.nullable(),
  verification: z.array(VerificationResultSchema),
});
export type UpkeepResponse = z.infer<typeof UpkeepResponseSchema>;
/** What the form sends; a kept record's updatedAt may come back with it and is replaced by the server's. */
export const SaveUpkeepRequestSchema = UpkeepInfoSchema;
export type SaveUpkeepRequest = z.infer<typeof SaveUpkeepRequestSchema>;

// ---- materials and uploads (Q16-Q18) ----
export const MaterialsQuerySchema = z.strictObject({
  districtCode: DistrictCodeSchema,
  stage: StageSchema,
  schoolType: SchoolTypeSchema,
  source: StudentSourceSchema,
  childId: IdSchema.optional(),
});
export type MaterialsQuery = z.infer<typeof MaterialsQuerySchema>;
export const MaterialsResponseSchema = MaterialChecklistSchema;
export type MaterialsResponse = z.infer<typeof MaterialsResponseSchema>;
/** Upload: POST API_BASE/uploads with the image bytes as body (or multipart field "file"), headers X-Material-Code and Idempotency-Key. */
export const UploadResponseSchema = UploadRecordSchema;
export type UploadResponse = z.infer<typeof UploadResponseSchema>;
export const FileParamsSchema = z.strictObject({ fileId: IdSchema });

// ---- applications (Q19-Q27) ----
export const ApplicationParamsSchema = z.strictObject({ id: IdSchema });
export const SubmitApplicationRequestSchema = z.strictObject({
  /** One per attempt: a replay with the same body returns the first result. */
  idempotencyKey: IdempotencyKeySchema,
  childId: IdSchema,
  stage: StageSchema,
  districtCode: DistrictCodeSchema,
  nature: SchoolNatureSchema,
  schoolType: SchoolTypeSchema,
  schoolId: IdSchema,
  source: StudentSourceSchema,
  upkeep: SaveUpkeepRequestSchema,
  materials: MaterialFilesSchema,
  /** The parent ticked "我已阅读以上申报须知，知晓并确认相关内容". */
  notesAccepted: z.literal(true),
});
export type SubmitApplicationRequest = z.infer<typeof SubmitApplicationRequestSchema>;
export const ApplicationsResponseSchema = z.strictObject({ applications: z.array(ApplicationSchema) });
export type ApplicationsResponse = z.infer<typeof ApplicationsResponseSchema>;
export const ApplicationResponseSchema = z.strictObject({ application: ApplicationSchema });
export type ApplicationResponse = z.infer<typeof ApplicationResponseSchema>;
export const ResubmitRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  materials: MaterialFilesSchema,
});
export type ResubmitRequest = z.infer<typeof ResubmitRequestSchema>;
export const LotteryResponseSchema = LotteryOutcomeSchema;
export type LotteryResponse = z.infer<typeof LotteryResponseSchema>;
export const NoticeResponseSchema = AdmissionNoticeSchema;
export type NoticeResponse = z.infer<typeof NoticeResponseSchema>;
export const ReportCodeResponseSchema = ReportCodeSchema;
export type ReportCodeResponse = z.infer<typeof ReportCodeResponseSchema>;
export const PublicKeyResponseSchema = z.strictObject({ year: z.number().int(), publicKey: z.string() });
export type PublicKeyResponse = z.infer<typeof PublicKeyResponseSchema>;
/** Answers without a body (204) parse as this. */
export const NoContentSchema = z.undefined();

/** The routes, for the client and the server alike. */
export const routes = {
  faceVerifications: `${API_BASE}/face-verifications`,
  session: `${API_BASE}/session`,
  calendar: `${API_BASE}/calendar`,
  time: `${API_BASE}/time`,
  homeCard: `${API_BASE}/home-card`,
  districts: `${API_BASE}/districts`,
  schools: (districtCode: string) => `${API_BASE}/districts/${districtCode}/schools`,
  children: `${API_BASE}/children`,
  child: (childId: string) => `${API_BASE}/children/${childId}`,
  revealChild: (childId: string) => `${API_BASE}/children/${childId}/reveal`,
  upkeep: (childId: string) => `${API_BASE}/children/${childId}/upkeep`,
  /** The upkeep with whole values (the edit form); logged. GET upkeep answers it masked. */
  revealUpkeep: (childId: string) => `${API_BASE}/children/${childId}/upkeep/reveal`,
  reportCode: (childId: string) => `${API_BASE}/children/${childId}/report-code`,
  materials: `${API_BASE}/materials`,
  uploads: `${API_BASE}/uploads`,
  upload: (fileId: string) => `${API_BASE}/uploads/${fileId}`,
  applications: `${API_BASE}/applications`,
  application: (id: string) => `${API_BASE}/applications/${id}`,
  withdraw: (id: string) => `${API_BASE}/applications/${id}/withdraw`,
  resubmit: (id: string) => `${API_BASE}/applications/${id}/resubmit`,
  confirm: (id: string) => `${API_BASE}/applications/${id}/confirm`,
  lottery: (id: string) => `${API_BASE}/applications/${id}/lottery`,
  notice: (id: string) => `${API_BASE}/applications/${id}/notice`,
  noticePdf: (id: string) => `${API_BASE}/applications/${id}/notice.pdf`,
  publicKey: `${API_BASE}/report-code/public-key`,
  messages: `${API_BASE}/messages`,
  unreadCount: `${API_BASE}/messages/unread-count`,
  messageRead: (id: string) => `${API_BASE}/messages/${id}/read`,
  pushConsent: `${API_BASE}/push-consent`,
} as const;
