/**
 * Materials (SPEC Q16, Q17, Q23): which uploads an application needs, from the district's policy
 * data, the school type and the student source. A matched data-sharing check waives an upload;
 * a failed or unavailable one asks for evidence and never blocks.
 */
import type { DataKind, UpkeepInfo, VerificationResult } from '@contract/child';
import type { Stage } from '@contract/calendar';
import type { SchoolType } from '@contract/district';
import type { MaterialChecklist, MaterialCode, MaterialItem, MaterialPolicy, MaterialRule, StudentSource } from '@contract/materials';
import { MATERIAL_NAMES } from './labels';

export const WAIVED_REASON = '已通过部门数据核验，无需上传';
export const EVIDENCE_REASON = '数据核验未通过，请上传佐证材料';
export const GUARDIANSHIP_REASON = '房屋权利人或户主不是申请的监护人，请上传监护关系证明';
/** Q17: these prove the relationship between the applying guardian and the owner/household head. */
export const GUARDIANSHIP_EVIDENCE: MaterialCode[] = ['birthCertificate', 'householdRegister', 'marriageCertificate'];
/** 防范恶意代办: a child added by hand is applied for only with proof of the relationship, reviewed by staff. */
export const RELATIONSHIP_PROOF: MaterialCode = 'birthCertificate';
export const RELATIONSHIP_PROOF_REASON = '手动新增的子女须上传载明监护关系的出生医学证明（或户口簿），由审核人员核验';

/** Evidence a parent uploads when a kind of shared data did not match (Q23). */
export const EVIDENCE_FOR_KIND: Partial<Record<DataKind, MaterialCode>> = {
  householdRegister: 'householdRegister',
  property: 'propertyCertificate',
  marriage: 'marriageCertificate',
  birthCertificate: 'birthCertificate',
  residencePermit: 'residencePermit',
  rentalRecord: 'rentalContract',
};

/**
 * What a family's situation asks them to upload (Q17, Q23), in this order: evidence for each
 * shared-data check that failed or was unavailable, the guardianship evidence when the household
 * head or property owner is another guardian, the rental contract when renting.
 */
export function evidenceFor(verification: readonly VerificationResult[], upkeep: Pick<UpkeepInfo, 'householdHeadIsOtherGuardian' | 'property'> | null): MaterialCode[] {
  const codes = new Set<MaterialCode>();
  for (const v of verification) {
    const code = EVIDENCE_FOR_KIND[v.kind];
    if (code && (v.status === 'notMatched' || v.status === 'unavailable')) codes.add(code);
  }
  if (upkeep?.householdHeadIsOtherGuardian) for (const code of GUARDIANSHIP_EVIDENCE) codes.add(code);
  if (upkeep?.property.kind === 'rented') codes.add('rentalContract');
  return [...codes];
}

export interface ChecklistInput {
  policy: MaterialPolicy;
  stage: Stage;
  schoolType: SchoolType;
  source: StudentSource;
  verification: readonly VerificationResult[];
  /** The property owner or household head is not the applying guardian (Q17). */
  guardianMismatch: boolean;
  /** The child was added by hand: the relationship proof is required and never waived by shared data. */
  relationshipProofRequired?: boolean;
}

const applies = (r: MaterialRule, i: ChecklistInput) =>
  (r.schoolTypes.length === 0 || r.schoolTypes.includes(i.schoolType)) &&
  (r.sources.length === 0 || r.sources.includes(i.source)) &&
  (r.stages.length === 0 || r.stages.includes(i.stage)) &&
  (!r.onlyWhenGuardianMismatch || i.guardianMismatch);

const ORDER: Record<MaterialItem['state'], number> = { required: 0, optional: 1, waived: 2 };

/**
 * The checklist: required first, then optional, then waived; policy order within each.
 * A code named by several matching rules is required if any of them requires it.
 */
export function buildChecklist(i: ChecklistInput): MaterialChecklist {
  const items = new Map<MaterialCode, MaterialItem>();
  for (const rule of i.policy.rules) {
    if (!applies(rule, i)) continue;
    const prev = items.get(rule.code);
    if (prev && (prev.state === 'required' || rule.requirement === 'optional')) continue;
    let item: MaterialItem = { code: rule.code, name: MATERIAL_NAMES[rule.code], state: rule.requirement, reason: rule.reason };
    if (rule.waivedBy) {
      const v = i.verification.find((x) => x.kind === rule.waivedBy);
      if (v?.status === 'matched') item = { ...item, state: 'waived', reason: WAIVED_REASON, decidedBy: rule.waivedBy };
      else if (v && (v.status === 'notMatched' || v.status === 'unavailable')) {
        item = { ...item, state: 'required', reason: EVIDENCE_REASON, decidedBy: rule.waivedBy };
      }
    }
    items.set(rule.code, item);
  }
  if (i.guardianMismatch) {
    for (const code of GUARDIANSHIP_EVIDENCE) {
      const prev = items.get(code);
      // Matched shared data already proves the relationship (Q23); otherwise it must be uploaded.
      if (prev?.state === 'waived') continue;
      items.set(code, { code, name: MATERIAL_NAMES[code], state: 'required', reason: prev ? `${prev.reason}；${GUARDIANSHIP_REASON}` : GUARDIANSHIP_REASON, ...(prev?.decidedBy ? { decidedBy: prev.decidedBy } : {}) });
    }
  }
  if (i.relationshipProofRequired) {
    const prev = items.get(RELATIONSHIP_PROOF);
    items.set(RELATIONSHIP_PROOF, { code: RELATIONSHIP_PROOF, name: MATERIAL_NAMES[RELATIONSHIP_PROOF], state: 'required', reason: prev && prev.state !== 'waived' ? `${prev.reason}；${RELATIONSHIP_PROOF_REASON}` : RELATIONSHIP_PROOF_REASON });
  }
  const list = [...items.values()];
  const pos = new Map(list.map((x, k) => [x.code, k]));
  list.sort((a, b) => ORDER[a.state] - ORDER[b.state] || pos.get(a.code)! - pos.get(b.code)!);
  return {
    districtCode: i.policy.districtCode,
    stage: i.stage,
    schoolType: i.schoolType,
    source: i.source,
    items: list,
    maxBytes: i.policy.maxBytes,
    maxImagesPerItem: i.policy.maxImagesPerItem,
  };
}

/** Required items without any uploaded file: shown before submission (never blocks Q23 evidence review). */
export function missingRequired(list: MaterialChecklist, uploaded: Partial<Record<MaterialCode, string[]>>): MaterialItem[] {
  return list.items.filter((x) => x.state === 'required' && !(uploaded[x.code]?.length));
}
