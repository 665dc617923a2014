/**
 * Age eligibility (SPEC Q13): a pre-check on the birth date for manual add and discovery.
 *
 * 幼升小: 6 years old by 8-31 of the entry year, i.e. born on or before (year-6)-08-31. The
 * Compulsory Education Law allows delaying entry to age 7 where needed, so one extra cohort is
 * accepted online: born on or after (year-8)-09-01. Older children go through the district office
 * (延缓入学 and similar cases need offline review).
 *
 * 小升初: for a child finishing grade 6. The school roll (学籍) decides in reality; by birth date
 * the normal cohort is born (year-12)-09-01 .. (year-11)-08-31, and one year older is accepted
 * for delayed entry or repeated years: born (year-13)-09-01 .. (year-11)-08-31.
 */
import type { Stage } from '@contract/calendar';

import { STAGE_NAMES } from './labels';

export type Eligibility =
  | { eligible: true; stage: Stage }
  | { eligible: false; stage: Stage; reason: 'tooYoung' | 'tooOld' | 'invalidDate'; message: string };

export interface AgeWindow {
  /** Earliest birth date accepted (inclusive). */
  earliest: string;
  /** Latest birth date accepted (inclusive). */
  latest: string;
}

export function ageWindow(stage: Stage, year: number): AgeWindow {
  return stage === 'primary'
    ? { earliest: `${year - 8}-09-01`, latest: `${year - 6}-08-31` }
    : { earliest: `${year - 13}-09-01`, latest: `${year - 11}-08-31` };
}

const cn = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export function checkEligibility(birthDate: string, stage: Stage, year: number): Eligibility {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    return { eligible: false, stage, reason: 'invalidDate', message: '出生日期无效，请核对证件号码' };
  }
  const w = ageWindow(stage, year);
  const name = STAGE_NAMES[stage];
  if (birthDate > w.latest) {
    return {
      eligible: false,
      stage,
      reason: 'tooYoung',
      message:
        stage === 'primary'
          ? `${year}年${name}须在${cn(w.latest)}及以前出生（当年8月31日前满6周岁），该子女年龄未到`
          : `${year}年${name}面向应届小学毕业生（一般在${cn(w.latest)}及以前出生），该子女年龄不符合`,
    };
  }
  if (birthDate < w.earliest) {
    return {
      eligible: false,
      stage,
      reason: 'tooOld',
      message: `${year}年${name}网上报名面向${cn(w.earliest)}至${cn(w.latest)}出生的子女，该子女超出年龄范围，请联系区县教育部门线下办理`,
    };
  }
  return { eligible: true, stage };
}

/** The stage a child is of age for in `year`, or null with the primary-stage explanation. */
export function eligibleStage(birthDate: string, year: number): { stage: Stage | null; note?: string } {
  if (checkEligibility(birthDate, 'primary', year).eligible) return { stage: 'primary' };
  if (checkEligibility(birthDate, 'junior', year).eligible) return { stage: 'junior' };
  const p = checkEligibility(birthDate, 'primary', year);
  if (!p.eligible && p.reason === 'tooYoung') return { stage: null, note: p.message };
  return { stage: null, note: `该子女不在${year}年幼升小、小升初的年龄范围内` };
}
