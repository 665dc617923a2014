/**
 * 绿色通道 (SPEC Help, Q30): children of policy groups the departments verified (残疾儿童少年 and
 * others) are reviewed first, with a shorter review promise than the ordinary 10 working days (Q24).
 * One rule for the server (the application's reviewDueAt) and the pages (its tag and promise).
 */
import type { YearCalendar } from '@contract/calendar';
import { addDays, localDateOf, localIso, toMs, type Instant } from './time';
import { addWorkingDays } from './calendar';

/** Working days a green-channel review takes at most (never more than the year's ordinary promise). */
export const GREEN_CHANNEL_REVIEW_WORKING_DAYS = 5;

const days = (cal: YearCalendar) => Math.min(GREEN_CHANNEL_REVIEW_WORKING_DAYS, cal.reviewWorkingDays);

/** As reviewDueAt, with the green channel's shorter promise: local midnight after the last working day. */
export function greenChannelReviewDueAt(cal: YearCalendar, submittedAt: Instant): Instant {
  return localIso(addDays(addWorkingDays(cal, localDateOf(toMs(submittedAt)), days(cal)), 1));
}

/** The tag and the promise a parent reads on the application. */
export const GREEN_CHANNEL_TAG = '绿色通道';
export function greenChannelPromise(cal: YearCalendar): string {
  return `绿色通道优先审核：提交后 ${days(cal)} 个工作日内完成审核（一般申请为 ${cal.reviewWorkingDays} 个工作日）。`;
}
