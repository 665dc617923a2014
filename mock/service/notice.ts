/**
 * After 入学确认 (Q27): the e-admission notice (JSON and PDF) and the signed 报到码, with the
 * year's public key published for teachers' scanners.
 */
import type { Application } from '@contract/application';
import type { AdmissionNotice, PublicKeyResponse, ReportCode } from '@contract/api';
import { maskIdNumber, maskName } from '@/domain/masking';
import { generateKeyPair, signReportCode, type KeyPair } from '@/domain/reportCode';
import { STATUS_INFO } from '@/domain/status';
import { ownApplication, ownChild, parentRequest } from './access';
import type { ServiceContext } from './context';
import { schoolsForYear } from './reference';
import { refuse } from './result';
import type { MockState } from './state';
import { noticePdf } from './noticePdf';

/** Fixed seed: the mock's key pair is the same on every machine, so codes verify across reloads. */
const keyPairs = new Map<number, KeyPair>();
export function reportKeyPair(year: number): KeyPair {
  let pair = keyPairs.get(year);
  if (!pair) {
    pair = generateKeyPair(`ruxue-yijianshi-mock-report-code-${year}`);
    keyPairs.set(year, pair);
  }
  return pair;
}

const ADMITTED = new Set<Application['status']>(['confirmed', 'noticeIssued', 'checkedIn']);

/** When the child was confirmed: the issue instant of code and notice (deterministic). */
function confirmedAt(app: Application): string {
  return [...app.history].reverse().find((h) => h.action === 'confirm')?.at ?? app.updatedAt;
}

function childName(state: MockState, app: Application): { name: string; idMasked: string } {
  const child = state.children[app.childId];
  return { name: maskName(child.realName ?? child.birthCertificateName), idMasked: maskIdNumber(child.idNumber) };
}

export function reportCodeOf(state: MockState, app: Application): ReportCode {
  const { name, idMasked } = childName(state, app);
  return signReportCode(
    { v: 1, app: app.number, schoolId: app.schoolId, schoolName: app.schoolName, child: name, childId: idMasked, year: state.year, issuedAt: confirmedAt(app) },
    reportKeyPair(state.year).secretKey,
  );
}

export function noticeOf(state: MockState, app: Application): AdmissionNotice {
  const school = schoolsForYear(state.year).find((s) => s.id === app.schoolId);
  const { name, idMasked } = childName(state, app);
  const issued = [...app.history].reverse().find((h) => h.action === 'issueNotice')?.at ?? confirmedAt(app);
  return {
    applicationId: app.id,
    applicationNumber: app.number,
    childNameMasked: name,
    childIdMasked: idMasked,
    schoolName: app.schoolName,
    schoolAddress: school?.address ?? '',
    // The mock's reporting day; a real district publishes its own.
    reportDate: `${state.year}-08-30`,
    issuedAt: issued,
    reportCode: reportCodeOf(state, app),
  };
}

function admittedApplication(app: Application): Application {
  if (!ADMITTED.has(app.status)) {
    refuse('INVALID_TRANSITION', `当前办件状态为「${STATUS_INFO[app.status].label}」，确认入学后才能查看电子入学通知书`);
  }
  return app;
}

export async function notice(ctx: ServiceContext, authorization: string | null, applicationId: string): Promise<AdmissionNotice> {
  return ctx.store.read((state) => {
    const identity = parentRequest(ctx, state, authorization);
    return noticeOf(state, admittedApplication(ownApplication(state, identity, applicationId)));
  });
}

export async function noticeDocument(ctx: ServiceContext, authorization: string | null, applicationId: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const n = await notice(ctx, authorization, applicationId);
  return { bytes: noticePdf(n), fileName: `入学通知书-${n.applicationNumber}.pdf` };
}

export async function reportCode(ctx: ServiceContext, authorization: string | null, childId: string): Promise<ReportCode> {
  return ctx.store.read((state) => {
    const identity = parentRequest(ctx, state, authorization);
    ownChild(state, identity, childId);
    const app = Object.values(state.applications).find((a) => a.childId === childId && ADMITTED.has(a.status));
    if (!app) refuse('NOT_FOUND', '确认入学后才会生成报到码，请先在“我的申请”完成入学确认');
    return reportCodeOf(state, app);
  });
}

export async function publicKey(ctx: ServiceContext): Promise<PublicKeyResponse> {
  return ctx.store.read((state) => ({ year: state.year, publicKey: reportKeyPair(state.year).publicKey }));
}
