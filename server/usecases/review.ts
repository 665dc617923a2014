/**
 * Review (Q24): approve, reject or request 补正. A 待审核 application is taken into review first
 * (startReview), as a reviewer opening it does. Approval freezes the child's name, and a child
 * added by hand is approved only with its relationship proof confirmed by the reviewer.
 */
import type { Application, MaterialCode } from '@contract/api';
import { maskName } from '@/domain/masking';
import type { Repositories, StoredApplication } from '../ports/store';
import type { Deps, RequestContext } from './context';
import { refuse } from './errors';
import { transitionOf } from './transitions';
import { withHistory } from './applications';
import { audit } from './audit';
import { tell } from './messages';
import { messageKindOf, REMINDER_LEAD_MS } from '@/domain/messages';
import { toIso, toMs } from '@/domain/time';

/** The job that reminds a parent the day before their 补正 is due (one per application and due time). */
export const CORRECTION_REMINDER_JOB = 'remindCorrection';

export type ReviewAction = 'approve' | 'reject' | 'request-correction';

export interface ReviewInput {
  applicationId: string;
  action: ReviewAction;
  reason?: string;
  items?: MaterialCode[];
  dueAt?: string;
  /** The reviewer checked the relationship proof of a child added by hand. */
  relationshipVerified?: boolean;
}

export interface Reviewer {
  kind: 'staff' | 'qa';
  id: string;
  /** District scope; null for QA (development) only. */
  districtCode: string | null;
}

/** Takes a 待审核 (or resubmitted) application into review (审核中) without deciding it (Q24). */
export async function startReview(deps: Deps, ctx: RequestContext, repos: Repositories, reviewer: Reviewer, applicationId: string): Promise<Application> {
  const app = await repos.applications.get(applicationId);
  if (!app || (reviewer.districtCode !== null && app.districtCode !== reviewer.districtCode)) refuse('NOT_FOUND', '没有找到该办件');
  await repos.children.lock(app.childId);
  const { next, entry } = transitionOf(deps, app, 'startReview', 'reviewer', ctx.now);
  await repos.applications.update(next, [entry]);
  await audit(repos, ctx, { actorKind: reviewer.kind, actorId: reviewer.id, action: 'review.start', subjectKind: 'application', subjectId: app.id, beforeStatus: app.status, afterStatus: next.status });
  return withHistory(repos, next);
}

export async function review(deps: Deps, ctx: RequestContext, repos: Repositories, reviewer: Reviewer, input: ReviewInput): Promise<Application> {
  const app = await repos.applications.get(input.applicationId);
  // Out of the reviewer's district is not found: no enumeration across districts.
  if (!app || (reviewer.districtCode !== null && app.districtCode !== reviewer.districtCode)) refuse('NOT_FOUND', '没有找到该办件');
  await repos.children.lock(app.childId);
  const reason = input.reason?.trim() ?? '';
  if (input.action !== 'approve' && !reason) refuse('VALIDATION', '请填写原因，家长会看到这段说明', { fieldErrors: { reason: '请填写原因' } });
  if (input.action === 'request-correction' && (input.items ?? []).length === 0) {
    refuse('VALIDATION', '请选择需要补正的材料', { fieldErrors: { items: '请选择需要补正的材料' } });
  }
  const guardianship = await repos.guardianships.get(app.childId, app.accountId);
  if (input.action === 'approve' && guardianship?.proofRequired && !input.relationshipVerified) {
    refuse('VALIDATION', '该子女为家长手动新增，须先核验监护关系证明（出生医学证明或户口簿）后才能审核通过', {
      fieldErrors: { relationshipVerified: '请核验监护关系证明' },
    });
  }
  let current: StoredApplication = app;
  const appended = [];
  if (current.status === 'submitted' || current.status === 'resubmitted') {
    // Opening a waiting application starts its review; a resubmitted one can also be decided directly.
    if (current.status === 'submitted' || input.action !== 'request-correction') {
      const started = transitionOf(deps, current, 'startReview', 'reviewer', ctx.now);
      current = started.next;
      appended.push(started.entry);
    }
  }
  const action = input.action === 'approve' ? 'approve' : input.action === 'reject' ? 'reject' : 'requestCorrection';
  const { next, entry } = transitionOf(deps, current, action, 'reviewer', ctx.now, reason || undefined);
  appended.push(entry);
  let result: StoredApplication = next;
  if (input.action === 'request-correction') {
    result = { ...next, correction: { reason, items: input.items ?? [], requestedAt: ctx.now, ...(input.dueAt ? { dueAt: input.dueAt } : {}) } };
  }
  if (input.action === 'approve') {
    const child = await repos.children.get(app.childId);
    if (child) {
      // The name the reviewer approved is the one on the notice and the report code.
      const name = child.realName ?? child.birthCertificateName;
      result = { ...result, approvedChildName: name, childNameMasked: maskName(name) };
      if (!child.nameFrozenAt) await repos.children.update({ ...child, nameFrozenAt: ctx.now });
    }
    if (guardianship?.proofRequired) await repos.guardianships.update({ ...guardianship, proofRequired: false });
  }
  await repos.applications.update(result, appended);
  // The parent is told in the same transaction (issue 15): the result with the deadline it sets.
  const kind = messageKindOf(action)!;
  const deadline = input.action === 'request-correction' ? input.dueAt : input.action === 'approve' ? result.confirmBy : undefined;
  await tell(repos, kind, ctx.now, [{ applicationId: app.id, detail: deadline ? { deadline } : {} }]);
  // Reminded a day before; a 补正 due sooner than that is told its deadline in the request itself.
  if (input.action === 'request-correction' && input.dueAt && toMs(input.dueAt) - REMINDER_LEAD_MS > toMs(ctx.now)) {
    const runAt = toIso(toMs(input.dueAt) - REMINDER_LEAD_MS);
    await repos.jobs.schedule({ id: `job-${CORRECTION_REMINDER_JOB}-${app.id}-${input.dueAt}`, kind: CORRECTION_REMINDER_JOB, key: `${app.id}|${input.dueAt}`, runAt, payload: { applicationId: app.id, dueAt: input.dueAt } });
  }
  await audit(repos, ctx, {
    actorKind: reviewer.kind,
    actorId: reviewer.id,
    action: `review.${input.action}`,
    subjectKind: 'application',
    subjectId: app.id,
    beforeStatus: app.status,
    afterStatus: result.status,
    detail: { ...(reason ? { reason } : {}), ...(input.items ? { items: input.items } : {}) },
  });
  return withHistory(repos, result);
}
