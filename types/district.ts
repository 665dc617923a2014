import { z } from 'zod';
import { SCHOOL_NATURES, SCHOOL_TYPES } from './enums';
import { StageSchema } from './calendar';

/** 线下报名点 for parents who cannot register online (Q28). */
export const OfflinePointSchema = z.strictObject({
  name: z.string(),
  address: z.string(),
  hours: z.string(),
  phone: z.string(),
});
export type OfflinePoint = z.infer<typeof OfflinePointSchema>;

export const DistrictKindSchema = z.enum(['区', '县', '功能区']);

/** An education unit (区县 or 功能区) that runs its own enrolment. */
export const DistrictSchema = z.strictObject({
  /** GB/T 2260 code, or an internal code "9xxxxx" for functional zones without one. */
  code: z.string(),
  name: z.string(),
  kind: DistrictKindSchema,
  /** 招生咨询电话 (Q30). */
  consultationPhone: z.string(),
  /** 政策查看 (Q2): the district's admission policy, plain text paragraphs. */
  policy: z.array(z.string()),
  offlinePoints: z.array(OfflinePointSchema),
});
export type District = z.infer<typeof DistrictSchema>;

/** 政策查看 (Q2): the municipal education commission's (市教委) policy, shown beside the district's. */
export const MunicipalPolicySchema = z.strictObject({
  /** e.g. "重庆市教育委员会" */
  issuer: z.string(),
  title: z.string(),
  paragraphs: z.array(z.string()),
});
export type MunicipalPolicy = z.infer<typeof MunicipalPolicySchema>;

export const SchoolNatureSchema = z.enum(SCHOOL_NATURES);
export type SchoolNature = z.infer<typeof SchoolNatureSchema>;

export const SchoolTypeSchema = z.enum(SCHOOL_TYPES);
export type SchoolType = z.infer<typeof SchoolTypeSchema>;

/** 招生简章 of a private school (Q20). */
export const AdmissionBrochureSchema = z.strictObject({
  plan: z.string(),
  conditions: z.array(z.string()),
  fees: z.string(),
  /** 招生计划数 */
  places: z.number().int(),
});
export type AdmissionBrochure = z.infer<typeof AdmissionBrochureSchema>;

export const SchoolSchema = z.strictObject({
  id: z.string(),
  districtCode: z.string(),
  name: z.string(),
  stage: StageSchema,
  nature: SchoolNatureSchema,
  type: SchoolTypeSchema,
  address: z.string(),
  places: z.number().int(),
  /** Only private schools publish one. */
  brochure: AdmissionBrochureSchema.optional(),
});
export type School = z.infer<typeof SchoolSchema>;
