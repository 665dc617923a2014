/**
 * Material checklists (Q16, Q17, Q23): the district's policy (domain default policies as this
 * mock's policy data), the school type and source, waived where the parent's shared data matched.
 */
import type { MaterialChecklist, MaterialCode, MaterialPolicy, SchoolType, Stage, StudentSource, UpkeepInfo } from '@contract/api';
import { buildChecklist, buildDefaultPolicy, MATERIAL_NAMES } from '@/domain/materials';
import type { HostIdentity } from '../data/identities';
import { ownChild, parentRequest } from './access';
import { serverNow, type ServiceContext } from './context';
import { districtsForYear } from './reference';
import { refuse } from './result';
import type { MockState } from './state';
import { verificationFor } from './verification';

const STAGES: Stage[] = ['primary', 'junior'];
const SCHOOL_TYPES: SchoolType[] = ['publicTight', 'publicNormal', 'converted', 'private'];
const SOURCES: StudentSource[] = ['localHukou', 'migrant', 'disabled', 'specialGroup'];

export const isMaterialCode = (code: string): code is MaterialCode => Object.prototype.hasOwnProperty.call(MATERIAL_NAMES, code);

export function policyFor(state: MockState, districtCode: string): MaterialPolicy {
  return buildDefaultPolicy(districtCode, state.year);
}

/** Upload limits: the policy of the parent's district (an upload does not name its application). */
export function uploadLimits(state: MockState, identity: HostIdentity): { maxBytes: number; maxImagesPerItem: number } {
  const { maxBytes, maxImagesPerItem } = policyFor(state, identity.defaultDistrictCode);
  return { maxBytes, maxImagesPerItem };
}

export interface ChecklistQuery {
  districtCode: string;
  stage: Stage;
  schoolType: SchoolType;
  source: StudentSource;
}

/** Q17: the property owner or household head is not the applying guardian. */
function guardianMismatch(identity: HostIdentity, upkeep?: Partial<UpkeepInfo> | null): boolean {
  return identity.propertyOwner === 'spouse' || identity.householdHeadIsOtherGuardian || upkeep?.householdHeadIsOtherGuardian === true;
}

export function checklistFor(state: MockState, identity: HostIdentity, q: ChecklistQuery, upkeep?: Partial<UpkeepInfo> | null, now = ''): MaterialChecklist {
  return buildChecklist({
    policy: policyFor(state, q.districtCode),
    stage: q.stage,
    schoolType: q.schoolType,
    source: q.source,
    verification: verificationFor(identity, now),
    guardianMismatch: guardianMismatch(identity, upkeep),
  });
}

export async function checklist(ctx: ServiceContext, authorization: string | null, query: Record<string, string | undefined>): Promise<MaterialChecklist> {
  return ctx.store.read((state) => {
    const identity = parentRequest(ctx, state, authorization);
    const fieldErrors: Record<string, string> = {};
    if (!districtsForYear(state.year).some((d) => d.code === query.districtCode)) fieldErrors.districtCode = '请选择当前区域';
    if (!STAGES.includes(query.stage as Stage)) fieldErrors.stage = '请选择幼升小或小升初';
    if (!SCHOOL_TYPES.includes(query.schoolType as SchoolType)) fieldErrors.schoolType = '请选择学校类型';
    if (!SOURCES.includes(query.source as StudentSource)) fieldErrors.source = '请选择生源类型';
    if (Object.keys(fieldErrors).length > 0) refuse('VALIDATION', '请先选择区县、学段、学校类型和生源类型', { fieldErrors });
    const upkeep = query.childId ? (ownChild(state, identity, query.childId), state.upkeep[query.childId]) : null;
    return checklistFor(state, identity, query as unknown as ChecklistQuery, upkeep, serverNow(ctx, state));
  });
}
