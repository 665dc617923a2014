/** 报到码 (Q27): a signed, compact payload a teacher scans at check-in. */
import { z } from 'zod';
import { InstantSchema } from './common';

export const ReportCodePayloadSchema = z.strictObject({
  /** Format version. */
  v: z.literal(1),
  /** Application number. */
  app: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  /** Masked child name, e.g. "张*明". */
  child: z.string(),
  /** The child's ID number, masked (e.g. "5001**********1234"): what a teacher compares with the child's papers. Not a record id. */
  childId: z.string(),
  year: z.number().int(),
  issuedAt: InstantSchema,
});
export type ReportCodePayload = z.infer<typeof ReportCodePayloadSchema>;

export const ReportCodeSchema = z.strictObject({
  payload: ReportCodePayloadSchema,
  /** The string put in the QR code: base64url(payload JSON) + "." + base64url(signature). */
  code: z.string(),
  /** Public key (hex) that verifies it, as published by the education commission for the year. */
  publicKey: z.string(),
});
export type ReportCode = z.infer<typeof ReportCodeSchema>;

export type ReportCodeCheck =
  | { valid: true; payload: ReportCodePayload }
  | { valid: false; reason: 'malformed' | 'badSignature' | 'wrongYear'; message: string; payload?: ReportCodePayload };

export const AdmissionNoticeSchema = z.strictObject({
  applicationId: z.string(),
  applicationNumber: z.string(),
  childNameMasked: z.string(),
  childIdMasked: z.string(),
  schoolName: z.string(),
  schoolAddress: z.string(),
  reportDate: z.string(),
  issuedAt: InstantSchema,
  reportCode: ReportCodeSchema,
});
export type AdmissionNotice = z.infer<typeof AdmissionNoticeSchema>;
