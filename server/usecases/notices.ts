/**
 * After 入学确认 (Q27): the e-admission notice (JSON and PDF) and the signed 报到码, with the
 * year's public key published for teachers' scanners. The name on both is the reviewed one
 * (frozen at approval), in full: a school must match the notice and the code to the child (the
 * screens show it masked; nothing here is logged). The signing key comes from configuration.
 */
import type { AdmissionNotice, PublicKeyResponse, ReportCode } from '@contract/api';
import { maskIdNumber, maskIdNumberToLastFour, maskName } from '@/domain/masking';
import { signReportCode } from '@/domain/reportCode';
import { STATUS_INFO } from '@/domain/status';
import type { ChildRecord, Repositories, StoredApplication } from '../ports/store';
import { ownApplication, ownChild, parentRequest } from './access';
import type { Deps, RequestContext } from './context';
import { refuse } from './errors';
import { noticePdf } from './noticePdf';

const ADMITTED = new Set<StoredApplication['status']>(['confirmed', 'noticeIssued', 'checkedIn']);

async function issuedAt(repos: Repositories, app: StoredApplication, action: 'confirm' | 'issueNotice'): Promise<string> {
  const history = await repos.applications.history(app.id);
  const confirmed = [...history].reverse().find((h) => h.action === 'confirm')?.at ?? app.updatedAt;
  if (action === 'confirm') return confirmed;
  return [...history].reverse().find((h) => h.action === 'issueNotice')?.at ?? confirmed;
}

function childNames(app: StoredApplication, child: ChildRecord): { name: string; nameMasked: string; idMasked: string; idLastFour: string } {
  const name = app.approvedChildName ?? child.realName ?? child.birthCertificateName;
  return { name, nameMasked: maskName(name), idMasked: maskIdNumber(child.idNumber), idLastFour: maskIdNumberToLastFour(child.idNumber) };
}

async function reportCodeOf(deps: Deps, repos: Repositories, app: StoredApplication, child: ChildRecord): Promise<ReportCode> {
  const { name, idLastFour } = childNames(app, child);
  const keys = await deps.reportKeys.forYear(deps.year);
  return signReportCode(
    // Dated as the notice it comes with (issued with it; the confirmation until the notice is out),
    // so the 报到码 page and the notice never disagree on the day.
    { v: 1, app: app.number, schoolId: app.schoolId, schoolName: app.schoolName, child: name, childId: idLastFour, year: deps.year, issuedAt: await issuedAt(repos, app, 'issueNotice') },
    keys.secretKey,
  );
}

function admitted(app: StoredApplication): StoredApplication {
  if (!ADMITTED.has(app.status)) {
    refuse('INVALID_TRANSITION', `当前办件状态为「${STATUS_INFO[app.status].label}」，确认入学后才能查看电子入学通知书`);
  }
  return app;
}

export async function notice(deps: Deps, ctx: RequestContext, applicationId: string): Promise<AdmissionNotice> {
  const account = parentRequest(deps, ctx);
  return deps.store.read(async (repos) => {
    const app = admitted(await ownApplication(repos, account, applicationId));
    const child = await repos.children.get(app.childId);
    if (!child) refuse('NOT_FOUND', '没有找到该子女');
    const school = deps.reference.school(deps.year, app.schoolId);
    const { name, nameMasked, idMasked } = childNames(app, child);
    return {
      applicationId: app.id,
      applicationNumber: app.number,
      childName: name,
      childNameMasked: nameMasked,
      childIdMasked: idMasked,
      schoolName: app.schoolName,
      schoolAddress: school?.address ?? '',
      // The reporting day a district publishes; 8-30 for every district this year.
      reportDate: `${deps.year}-08-30`,
      issuedAt: await issuedAt(repos, app, 'issueNotice'),
      reportCode: await reportCodeOf(deps, repos, app, child),
    };
  });
}

export async function noticeDocument(deps: Deps, ctx: RequestContext, applicationId: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const n = await notice(deps, ctx, applicationId);
  return { bytes: noticePdf(n), fileName: `入学通知书-${n.applicationNumber}.pdf` };
}

export async function reportCode(deps: Deps, ctx: RequestContext, childId: string): Promise<ReportCode> {
  const account = parentRequest(deps, ctx);
  return deps.store.read(async (repos) => {
    const { child } = await ownChild(repos, account, childId);
    const app = (await repos.applications.listByChild(childId)).find((a) => a.accountId === account.id && ADMITTED.has(a.status));
    if (!app) refuse('NOT_FOUND', '确认入学后才会生成报到码，请先在“我的申请”完成入学确认');
    return reportCodeOf(deps, repos, app, child);
  });
}

export async function publicKey(deps: Deps): Promise<PublicKeyResponse> {
  return { year: deps.year, publicKey: (await deps.reportKeys.forYear(deps.year)).publicKey };
}
