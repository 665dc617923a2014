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
  /**
   * The child's reviewed full name (the 户口簿 name if a correction changed it), e.g. "张晓明": the
   * school matches it with the notice and the child's papers. Signed, shown only to the parent and the
   * checking teacher; never logged or put in a URL.
   */
  child: z.string(),
  /** The child's ID number masked to its last four (e.g. "**************1234"): tells namesakes apart. Not a record id. */
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
  /** The reviewed full name printed on the notice (the parent's own document): the school matches it to the child. */
  childName: z.string(),
  childNameMasked: z.string(),
  childIdMasked: z.string(),
  schoolName: z.string(),
  schoolAddress: z.string(),
  reportDate: z.string(),
  issuedAt: InstantSchema,
  reportCode: ReportCodeSchema,
});
export type AdmissionNotice = z.infer<typeof AdmissionNoticeSchema>;
