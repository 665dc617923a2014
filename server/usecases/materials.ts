/**
 * Material checklists (Q16, Q17, Q23): the district's policy, the school type and source, waived
 * where the parent's shared data matched, with guardianship evidence when the owner or household
 * head is another guardian and relationship proof for a child added by hand.
 */
import type { MaterialChecklist, MaterialsQuery, SchoolType, Stage, StudentSource, UpkeepInfo } from '@contract/api';
import { buildChecklist } from '@/domain/materials';
import type { AccountRecord, Repositories } from '../ports/store';
import { ownChild, parentRequest } from './access';
import type { Deps, RequestContext } from './context';
import { refuse } from './errors';

export interface ChecklistQuery {
  districtCode: string;
  stage: Stage;
  schoolType: SchoolType;
  source: StudentSource;
}

/** The checklist for one account, child (when known) and application choice. */
export async function checklistFor(
  deps: Deps,
  ctx: RequestContext,
  account: AccountRecord,
  q: ChecklistQuery,
  upkeep: Pick<UpkeepInfo, 'householdHeadIsOtherGuardian'> | null,
  relationshipProofRequired: boolean,
): Promise<MaterialChecklist> {
  const shared = await deps.dataSharing.report(account.idNumber, ctx.now);
  return buildChecklist({
    policy: deps.reference.policy(q.districtCode, deps.year),
    stage: q.stage,
    schoolType: q.schoolType,
    source: q.source,
    verification: shared.results,
    // Q17: the property owner or household head is not the applying guardian.
    guardianMismatch: shared.propertyOwner === 'spouse' || shared.householdHeadIsOtherGuardian || upkeep?.householdHeadIsOtherGuardian === true,
    relationshipProofRequired,
  });
}

export async function checklist(deps: Deps, ctx: RequestContext, query: MaterialsQuery): Promise<MaterialChecklist> {
  const account = parentRequest(deps, ctx);
  if (!deps.reference.district(deps.year, query.districtCode)) {
    refuse('VALIDATION', '请先选择区县、学段、学校类型和生源类型', { fieldErrors: { districtCode: '请选择当前区域' } });
  }
  const held = query.childId ? await deps.store.read((repos: Repositories) => childFacts(repos, account, query.childId!)) : null;
  return checklistFor(deps, ctx, account, query, held?.upkeep ?? null, held?.proofRequired ?? false);
}

async function childFacts(repos: Repositories, account: AccountRecord, childId: string) {
  const { guardianship } = await ownChild(repos, account, childId);
  return { upkeep: await repos.upkeep.get(account.id, childId), proofRequired: guardianship.proofRequired };
}
