/** 报到码 (Q27): a signed, compact payload a teacher scans at check-in. */
export interface ReportCodePayload {
  /** Format version. */
  v: 1;
  /** Application number. */
  app: string;
  schoolId: string;
  schoolName: string;
  /** Masked child name, e.g. "张*明". */
  child: string;
  /** The child's ID number, masked (e.g. "5001**********1234"): what a teacher compares with the child's papers. Not a record id. */
  childId: string;
  year: number;
  issuedAt: string;
}

export interface ReportCode {
  payload: ReportCodePayload;
  /** The string put in the QR code: base64url(payload JSON) + "." + base64url(signature). */
  code: string;
  /** Public key (hex) that verifies it, as published by the education commission for the year. */
  publicKey: string;
}

export type ReportCodeCheck =
  | { valid: true; payload: ReportCodePayload }
  | { valid: false; reason: 'malformed' | 'badSignature' | 'wrongYear'; message: string; payload?: ReportCodePayload };

export interface AdmissionNotice {
  applicationId: string;
  applicationNumber: string;
  childNameMasked: string;
  childIdMasked: string;
  schoolName: string;
  schoolAddress: string;
  reportDate: string;
  issuedAt: string;
  reportCode: ReportCode;
}
