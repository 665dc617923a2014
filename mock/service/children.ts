/**
 * Children (Q13, Q14, Q29): found through shared birth records (Chongqing-born only), added by
 * hand with ID validation, real name kept beside the certificate name, full ID on request only.
 */
import type { AddChildRequest, Child, ChildrenResponse, Relationship, RevealChildResponse } from '@contract/api';
import { eligibleStage } from '@/domain/eligibility';
import { validateIdNumber } from '@/domain/idNumber';
import { maskIdNumber } from '@/domain/masking';
import { localDateOf, toMs } from '@/domain/time';
import { validateName } from '@/domain/validators';
import { identities, type BirthRecordChild, type HostIdentity } from '../data/identities';
import { parentRequest, ownChild } from './access';
import { nextId, serverNow, type ServiceContext } from './context';
import { refuse } from './result';
import type { ChildRecord, MockState } from './state';

export const MAX_MANUAL_CHILDREN = 3;
const RELATIONSHIPS: Relationship[] = ['father', 'mother', 'grandparent', 'otherGuardian'];

/** What the API shows of a child: never the full ID number or the owner. */
export function publicChild(record: ChildRecord): Child {
  const { identityId: _owner, idNumber: _id, ...child } = record;
  return child;
}

function eligibility(birthDate: string, year: number): Pick<Child, 'eligibleStage' | 'eligibilityNote'> {
  const e = eligibleStage(birthDate, year);
  return e.stage ? { eligibleStage: e.stage } : { eligibleStage: null, eligibilityNote: e.note };
}

const birthRecordChildId = (b: BirthRecordChild) => `CH-${b.key}`;

/** Birth-record children become records the first time the parent's children are listed. */
export function discoverChildren(state: MockState, identity: HostIdentity): void {
  for (const b of identity.birthRecordChildren) {
    // Only Chongqing birth records are shared with the platform (Q13).
    if (!b.bornInChongqing) continue;
    const id = birthRecordChildId(b);
    if (state.children[id]) continue;
    state.children[id] = {
      id,
      identityId: identity.id,
      idNumber: b.idNumber,
      birthCertificateName: b.name,
      idNumberMasked: maskIdNumber(b.idNumber),
      birthDate: b.birthDate,
      sex: b.sex,
      source: 'birthRecord',
      relationship: identity.parent.relationshipToChildren,
      ...eligibility(b.birthDate, state.year),
      greenChannel: b.disabled === true || identity.dataSharing.disability === 'matched',
    };
  }
}

export function childrenOf(state: MockState, identity: HostIdentity): ChildRecord[] {
  return Object.values(state.children).filter((c) => c.identityId === identity.id);
}

export async function listChildren(ctx: ServiceContext, authorization: string | null): Promise<ChildrenResponse> {
  return ctx.store.write((state) => {
    const identity = parentRequest(ctx, state, authorization);
    discoverChildren(state, identity);
    return { children: childrenOf(state, identity).map(publicChild) };
  });
}

export async function addChild(ctx: ServiceContext, authorization: string | null, body: Partial<AddChildRequest>): Promise<Child> {
  return ctx.store.write((state) => {
    const identity = parentRequest(ctx, state, authorization);
    discoverChildren(state, identity);
    const fieldErrors: Record<string, string> = {};
    const checkedName = validateName(body.name);
    if (!checkedName.ok) fieldErrors.name = checkedName.message;
    const name = checkedName.ok ? checkedName.value : '';
    if (!RELATIONSHIPS.includes(body.relationship as Relationship)) fieldErrors.relationship = '请选择与子女的关系';
    const today = localDateOf(toMs(serverNow(ctx, state)));
    const id = validateIdNumber(body.idNumber, { today });
    if (!id.ok) fieldErrors.idNumber = id.message;
    if (Object.keys(fieldErrors).length > 0 || !id.ok) refuse('VALIDATION', '请按提示修改后再提交', { fieldErrors });

    const age = eligibleStage(id.birthDate, state.year);
    if (!age.stage) refuse('VALIDATION', age.note ?? '该子女不在今年的报名年龄范围内', { fieldErrors: { idNumber: age.note ?? '该子女不在今年的报名年龄范围内' } });

    // 防范恶意代办帮办 (Q29): a child on another family's birth record is not this guardian's.
    const otherFamily = identities.some((other) => other.id !== identity.id && other.birthRecordChildren.some((b) => b.idNumber === id.value));
    const addedElsewhere = Object.values(state.children).some((c) => c.identityId !== identity.id && c.idNumber === id.value);
    if (otherFamily || addedElsewhere) refuse('FORBIDDEN', '该子女与您无监护关系，不能代为报名');

    const mine = childrenOf(state, identity);
    if (mine.some((c) => c.idNumber === id.value)) {
      refuse('CONFLICT', '该子女已在“我的子女”列表中，无需重复添加', { fieldErrors: { idNumber: '该子女已添加' } });
    }
    if (mine.filter((c) => c.source === 'manual').length >= MAX_MANUAL_CHILDREN) {
      refuse('CONFLICT', `最多可手动新增${MAX_MANUAL_CHILDREN}名子女，如有特殊情况请联系区县招生咨询电话`);
    }
    const record: ChildRecord = {
      id: nextId(state, 'CH'),
      identityId: identity.id,
      idNumber: id.value,
      birthCertificateName: name,
      idNumberMasked: maskIdNumber(id.value),
      birthDate: id.birthDate,
      sex: id.sex ?? 'male',
      source: 'manual',
      relationship: body.relationship as Relationship,
      ...eligibility(id.birthDate, state.year),
      greenChannel: identity.dataSharing.disability === 'matched',
    };
    state.children[record.id] = record;
    return publicChild(record);
  });
}

/** Q14: the household-register name, when it differs; it never blocks an application. */
export async function updateChild(ctx: ServiceContext, authorization: string | null, childId: string, body: { realName?: unknown }): Promise<Child> {
  return ctx.store.write((state) => {
    const identity = parentRequest(ctx, state, authorization);
    const child = ownChild(state, identity, childId);
    if (body.realName !== null && typeof body.realName !== 'string') {
      refuse('VALIDATION', '请输入户口簿上的姓名', { fieldErrors: { realName: '请输入户口簿上的姓名' } });
    }
    let realName = '';
    if (typeof body.realName === 'string' && body.realName.trim()) {
      const checked = validateName(body.realName);
      if (!checked.ok) refuse('VALIDATION', checked.message, { fieldErrors: { realName: checked.message } });
      realName = checked.value;
    }
    if (realName && realName !== child.birthCertificateName) child.realName = realName;
    else delete child.realName;
    return publicChild(child);
  });
}

export async function revealChild(ctx: ServiceContext, authorization: string | null, childId: string): Promise<RevealChildResponse> {
  return ctx.store.read((state) => {
    const identity = parentRequest(ctx, state, authorization);
    return { idNumber: ownChild(state, identity, childId).idNumber };
  });
}
