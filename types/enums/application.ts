/** The life of an application: its statuses, who acts on it, and the actions (SPEC Q18-Q27). */

/**
 * Every status an application can be in (SPEC: Q18-Q27). Labels in Chinese live in src/domain/status.
 */
export const APPLICATION_STATUSES = [
  'draft', // 草稿
  'submitted', // 待审核
  'withdrawn', // 已撤回
  'underReview', // 审核中
  'correctionRequested', // 待补正
  'resubmitted', // 已补正，待复审
  'approved', // 审核通过，待确认
  'rejected', // 审核未通过
  'privateRegistered', // 民办已报名，待摇号
  'lotteryWon', // 摇号录取
  'admittedWithoutLottery', // 直接录取
  'lotteryLost', // 未录取
  'forfeited', // 逾期未确认，视为放弃
  'confirmed', // 已确认入学
  'noticeIssued', // 已发放通知书
  'checkedIn', // 已报到
] as const;

export const ACTORS = ['parent', 'reviewer', 'system', 'teacher'] as const;

export const APPLICATION_ACTIONS = [
  'submit',
  'withdraw',
  'startReview',
  'requestCorrection',
  'resubmit',
  'approve',
  'reject',
  'registerPrivate',
  'drawWon',
  'drawLost',
  'admitWithoutLottery',
  'confirm',
  'forfeit',
  'issueNotice',
  'checkIn',
] as const;
