import type { Stage } from './calendar';
import type { DataKind } from './child';
import type { SchoolType } from './district';

/** 生源类型 (Q16). */
export type StudentSource =
  | 'localHukou' // 本区县户籍 三对口
  | 'migrant' // 随迁子女
  | 'disabled' // 残疾儿童少年
  | 'specialGroup'; // 其他特殊群体 (军人、烈士、引进人才等)

export type MaterialCode =
  | 'householdRegister' // 户口簿
  | 'birthCertificate' // 出生医学证明
  | 'propertyCertificate' // 房屋产权证明 / 不动产权证书
  | 'noPropertyProof' // 无房证明
  | 'marriageCertificate' // 婚姻证明
  | 'residencePermit' // 居住证
  | 'employmentProof' // 务工/社保证明
  | 'rentalContract' // 租房合同/备案
  | 'disabilityCertificate' // 残疾证 / 评估意见
  | 'specialGroupProof' // 特殊群体证明
  | 'guardianId' // 监护人身份证
  | 'schoolRollProof'; // 学籍证明 (小升初)

/** One rule of a district's policy: which material, for which applications, and why. */
export interface MaterialRule {
  code: MaterialCode;
  /** Empty means every school type. */
  schoolTypes: SchoolType[];
  /** Empty means every student source. */
  sources: StudentSource[];
  /** Empty means both stages. */
  stages: Stage[];
  requirement: 'required' | 'optional';
  /** When shared data of this kind matched, the upload is not needed (Q23). */
  waivedBy?: DataKind;
  /** Only when the property owner / household head is not the applying guardian (Q17). */
  onlyWhenGuardianMismatch?: boolean;
  /** Chinese reason shown beside the item. */
  reason: string;
}

export interface MaterialPolicy {
  districtCode: string;
  year: number;
  rules: MaterialRule[];
  /** Max bytes per image after compression. */
  maxBytes: number;
  maxImagesPerItem: number;
}

export type MaterialItemState = 'required' | 'optional' | 'waived';

export interface MaterialItem {
  code: MaterialCode;
  name: string;
  state: MaterialItemState;
  /** Chinese: why this is asked for, or why it is waived. */
  reason: string;
  /** Verification that decided a waiver or an evidence request. */
  decidedBy?: DataKind;
}

export interface MaterialChecklist {
  districtCode: string;
  stage: Stage;
  schoolType: SchoolType;
  source: StudentSource;
  items: MaterialItem[];
  maxBytes: number;
  maxImagesPerItem: number;
}

export interface UploadRecord {
  fileId: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  size: number;
  width?: number;
  height?: number;
  uploadedAt: string;
  /** URL the module can preview it from (through the API). */
  url: string;
}
