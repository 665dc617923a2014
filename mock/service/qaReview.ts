/**
 * QA as the district reviewer (Q24): approve, reject or request 补正 on any application. A
 * 待审核 application is taken into review first (startReview), as a real reviewer opening it does.
 */
import type { Application } from '@contract/application';
import type { MaterialCode } from '@contract/materials';
import { applyTransition } from '@/domain/status';
import { calendarOf, serverNow, type ServiceContext } from './context';
import { refuse } from './result';
import { isMaterialCode } from './materials';

export type ReviewAction = 'approve' | 'reject' | 'request-correction';

export interface ReviewRequest {
  applicationId?: unknown;
  action?: unknown;
  reason?: unknown;
  items?: unknown;
  /** Optional 补正 deadline (ISO). */
  dueAt?: unknown;
}

export async function review(ctx: ServiceContext, body: ReviewRequest): Promise<{ application: Application }> {
  return ctx.store.write((state) => {
    const app = typeof body.applicationId === 'string' ? state.applications[body.applicationId] : undefined;
    if (!app) refuse('NOT_FOUND', '没有找到该办件');
    const action = body.action as ReviewAction;
    if (!['approve', 'reject', 'request-correction'].includes(action)) {
      refuse('VALIDATION', '审核操作只能是 approve、reject 或 request-correction', { fieldErrors: { action: '请选择审核操作' } });
    }
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    const items = Array.isArray(body.items) ? body.items : [];
    if (action !== 'approve' && !reason) refuse('VALIDATION', '请填写原因，家长会看到这段说明', { fieldErrors: { reason: '请填写原因' } });
    if (action === 'request-correction') {
      if (items.length === 0 || !items.every((i) => typeof i === 'string' && isMaterialCode(i))) {
        refuse('VALIDATION', '请选择需要补正的材料', { fieldErrors: { items: '请选择需要补正的材料' } });
      }
    }
    const now = serverNow(ctx, state);
    const cal = calendarOf(state);
    let current = app;
    if (current.status === 'submitted' || current.status === 'resubmitted') {
      // Opening a waiting application starts its review; a resubmitted one can also be decided directly.
      if (current.status === 'submitted' || action === 'approve' || action === 'reject') {
        const started = applyTransition(current, 'startReview', 'reviewer', now, cal);
        if (started.ok) current = started.application;
      }
    }
    const domainAction = action === 'approve' ? 'approve' : action === 'reject' ? 'reject' : 'requestCorrection';
    const r = applyTransition(current, domainAction, 'reviewer', now, cal, reason || undefined);
    if (!r.ok) refuse(r.code, r.message);
    const next = r.application;
    if (action === 'request-correction') {
      next.correction = {
        reason,
        items: items as MaterialCode[],
        requestedAt: now,
        ...(typeof body.dueAt === 'string' && !Number.isNaN(Date.parse(body.dueAt)) ? { dueAt: body.dueAt } : {}),
      };
    }
    state.applications[app.id] = next;
    return { application: next };
  });
}
