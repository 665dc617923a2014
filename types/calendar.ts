/**
 * The enrolment year's calendar, as the server publishes it (SPEC: Q8, Q9).
 * All instants are ISO-8601 strings with an explicit offset (+08:00, Asia/Shanghai).
 * Periods are half-open: start <= t < end, so "by 6-20 18:00" means end = 18:00:00.
 */

/** 幼升小 enters grade 1; 小升初 enters grade 7. */
export type Stage = 'primary' | 'junior';

export interface Period {
  start: string;
  end: string;
}

export type PhaseId =
  | 'upkeep' // 子女信息维护
  | 'registration' // 正式网上报名 (public)
  | 'privateRegistration' // 民办学校报名
  | 'privateLottery' // 民办摇号
  | 'privateConfirmation' // 民办入学确认
  | 'publicFallback' // 公办兜底
  | 'review' // 网上审核
  | 'confirmation' // 家长入学确认
  | 'notice'; // 电子通知书 / 报到码

export interface PhaseDef {
  id: PhaseId;
  /** Chinese name shown to parents, e.g. "子女信息维护". */
  name: string;
  period: Period;
}

/** Each district opens upkeep and registration in its own batch inside the city-wide periods. */
export interface DistrictBatch {
  districtCode: string;
  batch: number;
  upkeep: Period;
  registration: Period;
}

export type MaintenanceScope = 'all' | 'upkeep';

export interface MaintenanceDay {
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: string;
  scope: MaintenanceScope;
  reason: string;
}

export interface NightlyMaintenance {
  /** HH:mm local, e.g. "22:00". */
  from: string;
  /** HH:mm local on the next day, e.g. "08:00". */
  to: string;
  /** First and last local dates (YYYY-MM-DD) on whose evening the window starts. */
  firstDate: string;
  lastDate: string;
}

export interface YearCalendar {
  year: number;
  timezone: 'Asia/Shanghai';
  phases: PhaseDef[];
  batches: DistrictBatch[];
  maintenanceDays: MaintenanceDay[];
  nightly: NightlyMaintenance;
  /** Public holidays (YYYY-MM-DD) that are not working days. */
  holidays: string[];
  /** Weekend days that are working days (调休 make-up days). */
  makeUpWorkdays: string[];
  /** Working days a district has to finish review after submission (Q24). */
  reviewWorkingDays: number;
}
