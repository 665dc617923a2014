/**
 * Every name a parent (or a reviewer, in the audit trail) reads for an enum value, once. The enum
 * lists themselves live in the contracts (types/: STAGES, SCHOOL_TYPES, RELATIONSHIPS, …); these
 * records are typed by them, so a new value without a name does not compile. Where copies of a
 * name used to disagree, SPEC.md's wording was kept.
 */
import type { Actor, ApplicationAction, ApplicationStatus } from '@contract/application';
import type { Child, DataKind, PropertyKind, Relationship, VerificationStatus } from '@contract/child';
import type { SchoolNature, SchoolType } from '@contract/district';
import type { MaterialCode, MaterialItemState, StudentSource } from '@contract/materials';
import type { MessageKindName } from '@contract/enums';
import { STAGE_GRADE, STAGE_NAMES } from './stageLabels';

// The stage names are the home page's only labels: their own module, so the first page (and the
// mini-program's main package) does not carry every other name.
export { STAGE_NAMES, STAGE_APPLY_ENTRY, STAGE_GRADE } from './stageLabels';

export const SCHOOL_NATURE_NAMES: Record<SchoolNature, string> = { public: '公办', private: '民办' };
export const SCHOOL_TYPE_NAMES: Record<SchoolType, string> = {
  publicTight: '公办学位紧张学校',
  publicNormal: '公办非学位紧张学校',
  converted: '民转公学校',
  private: '民办学校',
};

/** SPEC Q16–Q18: 本区县户籍（三对口）, 随迁子女, 残疾儿童少年, other special groups (military families, …). */
export const SOURCE_NAMES: Record<StudentSource, string> = {
  localHukou: '本区县户籍（三对口）',
  migrant: '随迁子女',
  disabled: '残疾儿童少年',
  specialGroup: '其他特殊群体（军人、烈士、引进人才子女等）',
};

export const RELATIONSHIP_NAMES: Record<Relationship, string> = {
  father: '父亲',
  mother: '母亲',
  grandparent: '祖父母/外祖父母',
  otherGuardian: '其他监护人',
};

/** SPEC Q15/Q17: a property with or without a certificate (无证 is registered offline), rented, or none (无房证明). */
export const PROPERTY_KIND_NAMES: Record<PropertyKind, string> = {
  certificate: '有不动产权证书',
  noCertificate: '有房但暂无证书',
  none: '无房',
  rented: '租房居住',
};

/**
 * What each property option means for the parent, said once for upkeep and 申报 alike (the same
 * option must not be called or explained two ways on two pages).
 */
export const PROPERTY_KIND_NOTES: Record<PropertyKind, string | null> = {
  certificate: null,
  noCertificate: `“${PROPERTY_KIND_NAMES.noCertificate}”的，须携带购房合同、购房发票等材料到区县线下报名点登记办理。`,
  none: null,
  rented: `“${PROPERTY_KIND_NAMES.rented}”的，请上传租房合同或租赁备案证明。`,
};

/** The student-source choice's label (申报, 我的材料, 核对报名信息). */
export const SOURCE_LABEL = '生源类型';

/** The 不动产单元号 field's label, on every form that asks for it. */
export const UNIT_NUMBER_LABEL = '不动产单元号';

/** The child-information fields a parent fills, in 子女信息维护 and in 申报 alike (and their error
 *  summaries), by validateUpkeep's field paths. */
export const UPKEEP_FIELD_LABELS = {
  'householdAddress.text': '户籍地址（户口簿地址）',
  'residenceAddress.text': '实际居住地址',
  'property.kind': '房产情况',
  'property.unitNumber': UNIT_NUMBER_LABEL,
} as const;

const GUARDIAN_FIELD_NAMES = { name: '姓名', phone: '手机号码', relationship: '与子女的关系' } as const;

/** A guardian's field: numbered where the form holds several guardians (监护人1姓名), plain where it holds one (监护人姓名). */
export function guardianFieldLabel(field: keyof typeof GUARDIAN_FIELD_NAMES, index?: number): string {
  return `${index === undefined ? '监护人' : `监护人${index + 1}`}${GUARDIAN_FIELD_NAMES[field]}`;
}

export const MATERIAL_NAMES: Record<MaterialCode, string> = {
  householdRegister: '户口簿',
  birthCertificate: '出生医学证明',
  propertyCertificate: '房屋产权证明（不动产权证书）',
  noPropertyProof: '无房证明',
  marriageCertificate: '婚姻证明',
  residencePermit: '居住证',
  employmentProof: '务工或社保证明',
  rentalContract: '租房合同或租赁备案',
  disabilityCertificate: '残疾证或评估意见',
  specialGroupProof: '特殊群体证明',
  guardianId: '监护人身份证',
  schoolRollProof: '学籍证明',
};

export const MATERIAL_STATE_NAMES: Record<MaterialItemState, string> = { required: '必传', optional: '选传', waived: '免传' };

export const DATA_KIND_NAMES: Record<DataKind, string> = {
  householdRegister: '户籍',
  residencePermit: '居住证',
  marriage: '婚姻',
  property: '不动产',
  birthCertificate: '出生医学证明',
  socialInsurance: '社保',
  businessLicense: '营业执照',
  disability: '残疾人证',
  militaryFamily: '军人家庭',
  housingProvident: '公积金',
  rentalRecord: '租赁备案',
  schoolRoll: '学籍',
  deathOrGuardianship: '监护关系',
};

/** 标签提示 (Q6, Q23): text and colour, so colour is never the only signal. */
export const VERIFICATION_LABELS: Record<VerificationStatus, { text: string; tone: 'ok' | 'warn' | 'muted' | 'info' }> = {
  matched: { text: '已核验', tone: 'ok' },
  notMatched: { text: '核验未通过，请上传佐证材料', tone: 'warn' },
  unavailable: { text: '数据暂不可用', tone: 'muted' },
  notChecked: { text: '待核验', tone: 'info' },
};

export const NOTES_TICK = '我已阅读以上申报须知，知晓并确认相关内容';

export type Tone = 'default' | 'primary' | 'success' | 'warning' | 'danger';

export const STATUS_INFO: Record<ApplicationStatus, { label: string; tone: Tone }> = {
  draft: { label: '草稿', tone: 'default' },
  submitted: { label: '待审核', tone: 'primary' },
  withdrawn: { label: '已撤回', tone: 'default' },
  underReview: { label: '审核中', tone: 'primary' },
  correctionRequested: { label: '待补正', tone: 'warning' },
  resubmitted: { label: '已补正，待复审', tone: 'primary' },
  approved: { label: '审核通过，待确认', tone: 'success' },
  rejected: { label: '审核未通过', tone: 'danger' },
  privateRegistered: { label: '民办已报名，待摇号', tone: 'primary' },
  lotteryWon: { label: '摇号录取，待确认', tone: 'success' },
  admittedWithoutLottery: { label: '直接录取，待确认', tone: 'success' },
  lotteryLost: { label: '未录取', tone: 'danger' },
  forfeited: { label: '逾期未确认，视为放弃', tone: 'danger' },
  confirmed: { label: '已确认入学', tone: 'success' },
  noticeIssued: { label: '已发放通知书', tone: 'success' },
  checkedIn: { label: '已报到', tone: 'success' },
};


export const ACTION_LABELS: Record<ApplicationAction, string> = {
  submit: '提交报名',
  withdraw: '撤回',
  startReview: '开始审核',
  requestCorrection: '发起补正',
  resubmit: '提交补正材料',
  approve: '审核通过',
  reject: '审核不通过',
  registerPrivate: '报名民办学校',
  drawWon: '摇号录取',
  drawLost: '摇号未录取',
  admitWithoutLottery: '直接录取',
  confirm: '确认入学',
  forfeit: '视为放弃',
  issueNotice: '发放入学通知书',
  checkIn: '报到',
};


export const ACTOR_NAMES: Record<Actor, string> = { parent: '家长', reviewer: '审核人员', system: '系统', teacher: '学校老师' };


/** 消息 titles (issue 15): what a parent reads first in 个人中心 → 消息 and in a push. */
export const MESSAGE_TITLES: Record<MessageKindName, string> = {
  correctionRequested: '需要补正材料',
  approved: '报名审核通过',
  rejected: '报名审核未通过',
  admitted: '民办学校已录取',
  waitlisted: '民办学校未录取（候补）',
  notAdmitted: '民办学校未录取',
  forfeited: '逾期未确认入学',
  noticeIssued: '入学通知书已发放',
  correctionDue: '补正即将截止',
  confirmationDue: '入学确认即将截止',
};

/**
 * The button that brings a parent back to the flow a step was opened from (a ReturnTo's page name),
 * e.g. 选择区域 opened from 申报 ends with "完成，返回继续申报".
 */
const RETURN_LABELS: Record<string, string> = {
  apply: '完成，返回继续申报',
  review: '完成，返回核对报名信息',
  children: '返回我的子女',
  childDetail: '完成，返回子女详情',
  my: '返回个人中心',
  home: '返回首页',
  application: '返回办件详情',
};
export function returnLabel(page: string): string {
  return RETURN_LABELS[page] ?? '完成，返回上一步';
}

/** "可报名：幼升小（入读一年级）" or the server's reason, in plain words (Q13). */
export function eligibilityText(child: Pick<Child, 'eligibleStage' | 'eligibilityNote'>): { ok: boolean; text: string } {
  if (child.eligibleStage) return { ok: true, text: `可报名：${STAGE_NAMES[child.eligibleStage]}（${STAGE_GRADE[child.eligibleStage]}）` };
  return { ok: false, text: child.eligibilityNote ?? '该子女今年不在报名年龄范围内' };
}
