/**
 * The body of a complete registration for 王子涵 (two-children identity) in 渝北, as the server tests
 * submit it: a public 公办学位紧张 school by default, or the school given. Materials are the caller's
 * (uploaded for the test, or made up where the route is only parsed).
 */
import type { SCHOOL_TYPES } from '@contract/enums';
import { sampleUpkeep } from '../qa/scenarioKit';

/** 王子涵, the two-children identity's primary-age child, as the scenarios create it. */
export const TEST_CHILD = 'CH-two-children-primary';

export interface SubmissionOptions {
  idempotencyKey: string;
  materials: Record<string, string[]>;
  childId?: string;
  schoolId?: string;
  schoolType?: (typeof SCHOOL_TYPES)[number];
}

export function submissionBody({ idempotencyKey, materials, childId = TEST_CHILD, schoolId = '500112-P-1', schoolType = 'publicTight' }: SubmissionOptions) {
  return {
    idempotencyKey,
    childId,
    stage: 'primary' as const,
    districtCode: '500112',
    nature: schoolType === 'private' ? ('private' as const) : ('public' as const),
    schoolType,
    schoolId,
    source: 'localHukou' as const,
    upkeep: sampleUpkeep('two-children'),
    materials,
    notesAccepted: true,
  };
}
