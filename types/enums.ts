/**
 * The enum value lists of the contracts, as plain arrays: the one definition of each list, which the
 * schemas in the other files of types/ build their z.enum from. Kept free of zod so that a page
 * that only lists stages or relationships does not download the schemas (config/contracts.ts).
 */

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

/** 幼升小 enters grade 1; 小升初 enters grade 7. */
export const STAGES = ['primary', 'junior'] as const;

export const RELATIONSHIPS = ['father', 'mother', 'grandparent', 'otherGuardian'] as const;

export const PROPERTY_KINDS = ['certificate', 'noCertificate', 'none', 'rented'] as const;

/** The 13 kinds of shared data from 9 departments (Q6). */
export const DATA_KINDS = [
  'householdRegister', // 户籍 (公安)
  'residencePermit', // 居住证 (公安)
  'marriage', // 婚姻 (民政)
  'property', // 不动产 (住建/规划自然资源)
  'birthCertificate', // 出生医学证明 (卫健)
  'socialInsurance', // 社保 (人社)
  'businessLicense', // 营业执照 (市场监管)
  'disability', // 残疾人证 (残联)
  'militaryFamily', // 军人家庭 (退役军人)
  'housingProvident', // 公积金
  'rentalRecord', // 租赁备案
  'schoolRoll', // 学籍 (教育)
  'deathOrGuardianship', // 监护关系 (民政)
] as const;

/** 公办/民办 */
export const SCHOOL_NATURES = ['public', 'private'] as const;

/** 公办学位紧张 / 公办非学位紧张 / 民转公 / 民办 (Q16). */
export const SCHOOL_TYPES = ['publicTight', 'publicNormal', 'converted', 'private'] as const;

/** 生源类型 (Q16). */
export const STUDENT_SOURCES = [
  'localHukou', // 本区县户籍 三对口
  'migrant', // 随迁子女
  'disabled', // 残疾儿童少年
  'specialGroup', // 其他特殊群体 (军人、烈士、引进人才等)
] as const;

export const MATERIAL_CODES = [
  'householdRegister', // 户口簿
  'birthCertificate', // 出生医学证明
  'propertyCertificate', // 房屋产权证明 / 不动产权证书
  'noPropertyProof', // 无房证明
  'marriageCertificate', // 婚姻证明
  'residencePermit', // 居住证
  'employmentProof', // 务工/社保证明
  'rentalContract', // 租房合同/备案
  'disabilityCertificate', // 残疾证 / 评估意见
  'specialGroupProof', // 特殊群体证明
  'guardianId', // 监护人身份证
  'schoolRollProof', // 学籍证明 (小升初)
] as const;

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

/** Where the home card's button takes the parent (the page maps each to a route). */
export const HOME_CARD_TARGETS = ['application', 'apply', 'upkeep', 'district', 'notice'] as const;
/** How the home card is drawn: a window open, one ahead, all over, or the service in maintenance. */
export const HOME_CARD_TONES = ['active', 'waiting', 'closed', 'maintenance'] as const;
