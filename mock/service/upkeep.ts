/**
 * 子女信息维护 (Q10, Q11, Q15, Q17): kept per child, written only inside the district's upkeep
 * window, reused in one tap at registration; with the shared-data tags beside it.
 */
import type { PropertyKind, Relationship, UpkeepInfo, UpkeepResponse } from '@contract/api';
import { validateAddress, validateName, validatePhone, validateUnitNumber } from '@/domain/validators';
import type { HostIdentity } from '../data/identities';
import { ownChild, parentRequest, requireWindow } from './access';
import { serverNow, type ServiceContext } from './context';
import { refuse } from './result';
import type { MockState } from './state';
import { verificationFor } from './verification';

const PROPERTY_KINDS: PropertyKind[] = ['certificate', 'noCertificate', 'none', 'rented'];
const RELATIONSHIPS: Relationship[] = ['father', 'mother', 'grandparent', 'otherGuardian'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (isObject(v) ? v.text : undefined);

/**
 * Field errors of an upkeep body (paths as the form names them), checking that every attachment
 * is one of this parent's uploads. Shared by upkeep and submission.
 */
export function upkeepFieldErrors(state: MockState, identity: HostIdentity, body: unknown, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  const at = (path: string) => `${prefix}${path}`;
  if (!isObject(body)) return { [at('householdAddress')]: '请填写子女信息' };
  const household = validateAddress(text(body.householdAddress));
  if (!household.ok) errors[at('householdAddress.text')] = household.message;
  const residence = validateAddress(text(body.residenceAddress));
  if (!residence.ok) errors[at('residenceAddress.text')] = residence.message;
  const property = body.property;
  if (!isObject(property) || !PROPERTY_KINDS.includes(property.kind as PropertyKind)) {
    errors[at('property.kind')] = '请选择房产情况';
  } else if (property.kind === 'certificate') {
    const unit = validateUnitNumber(property.unitNumber);
    if (!unit.ok) errors[at('property.unitNumber')] = unit.message;
  }
  const guardians = Array.isArray(body.guardians) ? body.guardians : [];
  if (guardians.length === 0) errors[at('guardians')] = '请至少填写一位监护人的联系方式';
  guardians.forEach((g, i) => {
    const guardian = isObject(g) ? g : {};
    const name = validateName(guardian.name);
    if (!name.ok) errors[at(`guardians.${i}.name`)] = name.message;
    if (!RELATIONSHIPS.includes(guardian.relationship as Relationship)) errors[at(`guardians.${i}.relationship`)] = '请选择与子女的关系';
    const phone = validatePhone(guardian.phone);
    if (!phone.ok) errors[at(`guardians.${i}.phone`)] = phone.message;
  });
  const attachments = isObject(body.attachments) ? body.attachments : {};
  for (const [code, ids] of Object.entries(attachments)) {
    const list = Array.isArray(ids) ? ids : [];
    if (list.some((id) => typeof id !== 'string' || state.uploads[id]?.identityId !== identity.id)) {
      errors[at(`attachments.${code}`)] = '图片已失效，请重新上传';
    }
  }
  return errors;
}

/** The district an upkeep record belongs to: where the child lives, else where the hukou is, else the parent's. */
export function upkeepDistrict(upkeep: Partial<UpkeepInfo>, identity: HostIdentity): string {
  return upkeep.residenceAddress?.districtCode ?? upkeep.householdAddress?.districtCode ?? identity.defaultDistrictCode;
}

export async function getUpkeep(ctx: ServiceContext, authorization: string | null, childId: string): Promise<UpkeepResponse> {
  return ctx.store.read((state) => {
    const identity = parentRequest(ctx, state, authorization);
    ownChild(state, identity, childId);
    return { upkeep: state.upkeep[childId] ?? null, verification: verificationFor(identity, serverNow(ctx, state)) };
  });
}

export async function saveUpkeep(ctx: ServiceContext, authorization: string | null, childId: string, body: unknown): Promise<UpkeepResponse> {
  return ctx.store.write((state) => {
    const identity = parentRequest(ctx, state, authorization, 'upkeep');
    ownChild(state, identity, childId);
    const district = upkeepDistrict(isObject(body) ? (body as Partial<UpkeepInfo>) : {}, identity);
    requireWindow(ctx, state, 'upkeep', district, '本区县子女信息维护');
    const fieldErrors = upkeepFieldErrors(state, identity, body);
    if (Object.keys(fieldErrors).length > 0) refuse('VALIDATION', '请按提示修改后再保存', { fieldErrors });
    const upkeep: UpkeepInfo = { ...(body as UpkeepInfo), updatedAt: serverNow(ctx, state) };
    state.upkeep[childId] = upkeep;
    return { upkeep, verification: verificationFor(identity, serverNow(ctx, state)) };
  });
}
