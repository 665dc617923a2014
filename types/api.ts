/**
 * Every enrolment API request and response. The app (src/services) and the mock server (mock/)
 * both import these, so the mock answers exactly what production will.
 * Base path: API_BASE. Auth: "Authorization: Bearer <session token>" (the host gateway may add its own).
 */
import type { Stage, YearCalendar } from './calendar';
import type { District, School, SchoolNature, SchoolType } from './district';
import type { Child, Relationship, UpkeepInfo, VerificationResult } from './child';
import type { MaterialChecklist, MaterialCode, StudentSource, UploadRecord } from './materials';
import type { Application } from './application';
import type { LotteryOutcome } from './lottery';
import type { AdmissionNotice, ReportCode } from './reportCode';

export type { ApiError, ApiErrorBody, ApiErrorCode } from './errors';
export * from './calendar';
export * from './district';
export * from './child';
export * from './materials';
export * from './application';
export * from './lottery';
export * from './reportCode';

export const API_BASE = '/api/v1';

// ---- session (Q4, Q7) ----
export interface CreateSessionRequest {
  /** One-time ticket from the host's face verification. */
  ticket: string;
}
export interface Session {
  token: string;
  expiresAt: string;
  parent: { nameMasked: string; idNumberMasked: string; phoneMasked: string };
}

// ---- calendar and districts (Q8, Q9, Q12) ----
export interface CalendarResponse {
  calendar: YearCalendar;
  /** The server's clock: authoritative over the phone's. */
  serverTime: string;
}
export interface ServerTimeResponse {
  serverTime: string;
}
export interface DistrictsResponse {
  year: number;
  districts: District[];
}
export interface SchoolsResponse {
  districtCode: string;
  stage: Stage;
  schools: School[];
  /** 申报须知 per school type for this district and stage (Q19). */
  notes: Partial<Record<SchoolType, string[]>>;
}

// ---- children (Q13, Q14) ----
export interface ChildrenResponse {
  children: Child[];
}
export interface AddChildRequest {
  name: string;
  idNumber: string;
  relationship: Relationship;
}
export interface UpdateChildRequest {
  realName: string | null;
}
/** Full ID number for the "show" toggle; only sent on explicit request. */
export interface RevealChildResponse {
  idNumber: string;
}

// ---- upkeep and verification (Q10, Q11, Q15, Q23) ----
export interface UpkeepResponse {
  upkeep: UpkeepInfo | null;
  verification: VerificationResult[];
}
export type SaveUpkeepRequest = UpkeepInfo;

// ---- materials and uploads (Q16-Q18) ----
export interface MaterialsQuery {
  districtCode: string;
  stage: Stage;
  schoolType: SchoolType;
  source: StudentSource;
  childId?: string;
}
export type MaterialsResponse = MaterialChecklist;
/** Upload: POST API_BASE/uploads with the image bytes as body, headers X-Material-Code and X-File-Name. */
export type UploadResponse = UploadRecord;

// ---- applications (Q19-Q27) ----
export interface SubmitApplicationRequest {
  /** One per attempt: a replay returns the first result. */
  idempotencyKey: string;
  childId: string;
  stage: Stage;
  districtCode: string;
  nature: SchoolNature;
  schoolType: SchoolType;
  schoolId: string;
  source: StudentSource;
  upkeep: UpkeepInfo;
  materials: Partial<Record<MaterialCode, string[]>>;
  /** The parent ticked "我已阅读以上申报须知，知晓并确认相关内容". */
  notesAccepted: true;
}
export interface ApplicationsResponse {
  applications: Application[];
}
export interface ApplicationResponse {
  application: Application;
}
export interface ResubmitRequest {
  idempotencyKey: string;
  materials: Partial<Record<MaterialCode, string[]>>;
}
export type LotteryResponse = LotteryOutcome;
export type NoticeResponse = AdmissionNotice;
export type ReportCodeResponse = ReportCode;
export interface PublicKeyResponse {
  year: number;
  publicKey: string;
}

/** The routes, for the client and the mock alike. */
export const routes = {
  session: `${API_BASE}/session`,
  calendar: `${API_BASE}/calendar`,
  time: `${API_BASE}/time`,
  districts: `${API_BASE}/districts`,
  schools: (districtCode: string) => `${API_BASE}/districts/${districtCode}/schools`,
  children: `${API_BASE}/children`,
  child: (childId: string) => `${API_BASE}/children/${childId}`,
  revealChild: (childId: string) => `${API_BASE}/children/${childId}/reveal`,
  upkeep: (childId: string) => `${API_BASE}/children/${childId}/upkeep`,
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
} as const;
