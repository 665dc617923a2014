import type { Stage } from './calendar';

export type ChildSource = 'birthRecord' | 'manual';

export type Relationship = 'father' | 'mother' | 'grandparent' | 'otherGuardian';

export interface Child {
  id: string;
  /** Name on the 出生医学证明 (or as entered by hand). */
  birthCertificateName: string;
  /** 户口簿 name when it differs (Q14); never blocks an application. */
  realName?: string;
  /** Masked for display by default; the full number only travels in requests the parent makes. */
  idNumberMasked: string;
  birthDate: string;
  sex: 'male' | 'female';
  source: ChildSource;
  relationship: Relationship;
  /** The stage the child is of age for this year, if any. */
  eligibleStage: Stage | null;
  /** Why the child is not eligible, in Chinese, when eligibleStage is null. */
  eligibilityNote?: string;
  /** 残疾儿童少年 and other policy groups get the 绿色通道 (Q30). */
  greenChannel: boolean;
}

export interface Address {
  /** e.g. "重庆市渝北区龙溪街道金龙路 88 号 3 栋 2 单元 501" */
  text: string;
  districtCode?: string;
}

export type PropertyKind = 'certificate' | 'noCertificate' | 'none' | 'rented';

export interface PropertyInfo {
  kind: PropertyKind;
  /** 不动产单元号 (GB/T 37346, 28 chars), when kind = certificate. */
  unitNumber?: string;
  /** 权利人 */
  ownerName?: string;
  ownerRelationship?: Relationship;
  address?: string;
}

export interface GuardianContact {
  name: string;
  relationship: Relationship;
  phone: string;
}

/** 子女信息维护 (Q10, Q11): what the parent keeps ahead of registration. */
export interface UpkeepInfo {
  householdAddress: Address;
  residenceAddress: Address;
  property: PropertyInfo;
  guardians: GuardianContact[];
  /** Supporting images already uploaded, by material code. */
  attachments: Record<string, string[]>;
  /** Household head (户主) differs from the applying guardian (Q17). */
  householdHeadIsOtherGuardian: boolean;
  updatedAt?: string;
}

/** The 13 kinds of shared data from 9 departments (Q6). */
export type DataKind =
  | 'householdRegister' // 户籍 (公安)
  | 'residencePermit' // 居住证 (公安)
  | 'marriage' // 婚姻 (民政)
  | 'property' // 不动产 (住建/规划自然资源)
  | 'birthCertificate' // 出生医学证明 (卫健)
  | 'socialInsurance' // 社保 (人社)
  | 'businessLicense' // 营业执照 (市场监管)
  | 'disability' // 残疾人证 (残联)
  | 'militaryFamily' // 军人家庭 (退役军人)
  | 'housingProvident' // 公积金
  | 'rentalRecord' // 租赁备案
  | 'schoolRoll' // 学籍 (教育)
  | 'deathOrGuardianship'; // 监护关系 (民政)

/** 标签提示 (Q6, Q23). */
export type VerificationStatus = 'matched' | 'notMatched' | 'unavailable' | 'notChecked';

export interface VerificationResult {
  kind: DataKind;
  status: VerificationStatus;
  /** Department that answered, e.g. "市公安局". */
  source: string;
  checkedAt?: string;
  /** Chinese explanation for the tag. */
  message: string;
}
