import type { Stage } from './calendar';

/** An education unit (区县 or 功能区) that runs its own enrolment. */
export interface District {
  /** GB/T 2260 code, or an internal code "9xxxxx" for functional zones without one. */
  code: string;
  name: string;
  kind: '区' | '县' | '功能区';
  /** 招生咨询电话 (Q30). */
  consultationPhone: string;
  /** 政策查看 (Q2): the district's admission policy, plain text paragraphs. */
  policy: string[];
  offlinePoints: OfflinePoint[];
}

/** 线下报名点 for parents who cannot register online (Q28). */
export interface OfflinePoint {
  name: string;
  address: string;
  hours: string;
  phone: string;
}

/** 公办/民办 */
export type SchoolNature = 'public' | 'private';

/** 公办学位紧张 / 公办非学位紧张 / 民转公 / 民办 (Q16). */
export type SchoolType = 'publicTight' | 'publicNormal' | 'converted' | 'private';

/** 招生简章 of a private school (Q20). */
export interface AdmissionBrochure {
  plan: string;
  conditions: string[];
  fees: string;
  /** 招生计划数 */
  places: number;
}

export interface School {
  id: string;
  districtCode: string;
  name: string;
  stage: Stage;
  nature: SchoolNature;
  type: SchoolType;
  address: string;
  places: number;
  /** Only private schools publish one. */
  brochure?: AdmissionBrochure;
}
