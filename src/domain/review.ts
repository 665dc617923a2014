/**
 * The review promise (SPEC Q24): a submitted application is reviewed within `reviewWorkingDays`
 * working days of its submission, on the year's working-day calendar (holidays and 调休 included).
 * One rule for the parent's application page and the district's overdue flag.
 */
import type { Application, ApplicationStatus } from '@contract/application';
import type { YearCalendar } from '@contract/calendar';
import { reviewDueAt } from './calendar';
import { type Instant, formatDeadline, toMs } from './time';

/** Statuses in which the district owes the parent a review decision. */
export const AWAITING_REVIEW: readonly ApplicationStatus[] = ['submitted', 'underReview', 'resubmitted'];

export interface ReviewPromise {
  /** Exclusive instant: the review is due before it. */
  dueAt: Instant;
  overdue: boolean;
  /** What the parent reads. */
  text: string;
}

/** The promise of an application awaiting review; null once decided (or never submitted). */
export function reviewPromise(app: Pick<Application, 'status' | 'submittedAt' | 'reviewDueAt'>, now: Instant, cal: YearCalendar): ReviewPromise | null {
  if (!AWAITING_REVIEW.includes(app.status) || !app.submittedAt) return null;
  const dueAt = app.reviewDueAt ?? reviewDueAt(cal, app.submittedAt);
  const overdue = toMs(now) >= toMs(dueAt);
  const days = cal.reviewWorkingDays;
  const text = overdue
    ? `审核已超过承诺的${days}个工作日（最迟${formatDeadline(dueAt)}），已提醒区县教育部门尽快办理；如有疑问，请拨打区县招生咨询电话`
    : `${app.status === 'underReview' ? '审核中。' : ''}区县将在提交后${days}个工作日内完成审核，最迟${formatDeadline(dueAt)}告知结果（周末和节假日不计）`;
  return { dueAt, overdue, text };
}
