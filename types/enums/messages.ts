/**
 * What a parent is told about (issue 15): a change they must act on or know of, and the reminders a
 * day before a deadline. Titles and bodies in Chinese live in src/domain/messages.ts.
 */
export const MESSAGE_KINDS = [
  'correctionRequested', // 需要补正
  'approved', // 审核通过
  'rejected', // 审核未通过
  'admitted', // 民办录取（摇号或直接录取）
  'waitlisted', // 未录取，候补
  'notAdmitted', // 未录取
  'forfeited', // 逾期未确认，视为放弃
  'noticeIssued', // 通知书已发放
  'correctionDue', // 补正将在24小时内截止
  'confirmationDue', // 入学确认将在24小时内截止
] as const;
export type MessageKindName = (typeof MESSAGE_KINDS)[number];
