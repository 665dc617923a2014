/**
 * Children (Q13, Q14, Q29): found through shared birth records (Chongqing-born only), added by
 * hand with ID validation, real name kept beside the certificate name, full ID on request only.
 * 防范恶意代办帮办: a child added by hand always needs its relationship proof reviewed, a second
 * guardian adding a child another account holds is not locked out (the case goes to a reviewer),
 * and a child on a birth record naming other guardians cannot be added.
 */
import type { AddChildRequest, Child, ChildrenResponse, RevealChildResponse, UpdateChildRequest } from '@contract/api';
import { eligibleStage } from '@/domain/eligibility';
import { validateIdNumber } from '@/domain/idNumber';
import { maskIdNumber } from '@/domain/masking';
import { localDateOf, toMs } from '@/domain/time';
import { validateName } from '@/domain/validators';
import type { AccountRecord, ChildRecord, GuardianshipRecord, Repositories } from '../ports/store';
import { ConstraintViolation } from '../ports/store';
import { ownChild, parentRequest } from './access';
import type { Deps, RequestContext } from './context';
import { refuse } from './errors';
import { nextId } from './ids';
import { audit } from './audit';

/** What the API shows of a child to one guardian: never the full ID number. */
export function publicChild(deps: Deps, child: ChildRecord, g: GuardianshipRecord): Child {
  const e = eligibleStage(child.birthDate, deps.year);
  return {
    id: child.id,
    birthCertificateName: child.birthCertificateName,
    ...(child.realName ? { realName: child.realName } : {}),
    idNumberMasked: maskIdNumber(child.idNumber),
    birthDate: child.birthDate,
    sex: child.sex,
    source: g.source,
    relationship: g.relationship,
    eligibleStage: e.stage,
    ...(e.stage ? {} : { eligibilityNote: e.note }),
    greenChannel: g.verifiedPriority,
  };
}

/** Policy priority counts only when the departments verified it (Q30): not because a form says so. */
async function verifiedPriority(deps: Deps, account: AccountRecord): Promise<boolean> {
  return (await deps.dataSharing.matched(account.idNumber)).includes('disability');
}

/** Birth-record children become this account's the first time it logs in (Q13). */
export async function discoverChildren(deps: Deps, ctx: RequestContext, repos: Repositories, account: AccountRecord): Promise<void> {
  const records = await deps.birthRegistry.childrenOf(account.idNumber);
  if (records.length === 0) return;
  const priority = await verifiedPriority(deps, account);
  for (const record of records) {
    let child = await repos.children.byIdNumber(record.idNumber);
    if (!child) {
      child = {
        id: `CH-${record.key}`,
        idNumber: record.idNumber,
        birthCertificateName: record.name,
        realName: null,
        birthDate: record.birthDate,
        sex: record.sex,
        nameFrozenAt: null,
        createdAt: ctx.now,
      };
      await repos.children.insert(child);
    }
    const held = await repos.guardianships.get(child.id, account.id);
    const relationship = record.guardians.find((g) => g.idNumber === account.idNumber)?.relationship ?? 'otherGuardian';
    if (!held) {
      await repos.guardianships.insert({ childId: child.id, accountId: account.id, relationship, source: 'birthRecord', proofRequired: false, verifiedPriority: priority, createdAt: ctx.now });
    } else if (held.source === 'manual') {
      // Added by hand before the birth record was shared: the record now proves the relationship.
      await repos.guardianships.update({ ...held, source: 'birthRecord', proofRequired: false, verifiedPriority: priority });
    }
  }
}

export async function listChildren(deps: Deps, ctx: RequestContext): Promise<ChildrenResponse> {
  const account = parentRequest(deps, ctx);
  return deps.store.read(async (repos) => {
    const held = await repos.guardianships.listByAccount(account.id);
    // One read for the children (in the guardianships' order), not one per child.
    const byId = new Map((await repos.children.getMany(held.map((g) => g.childId))).map((c) => [c.id, c]));
    const children: Child[] = [];
    for (const g of held) {
      const child = byId.get(g.childId);
      if (child) children.push(publicChild(deps, child, g));
    }
    return { children };
  });
}

export async function addChild(deps: Deps, ctx: RequestContext, body: AddChildRequest): Promise<Child> {
  const account = parentRequest(deps, ctx);
  const fieldErrors: Record<string, string> = {};
  const checkedName = validateName(body.name);
  if (!checkedName.ok) fieldErrors.name = checkedName.message;
  const id = validateIdNumber(body.idNumber, { today: localDateOf(toMs(ctx.now)) });
  if (!id.ok) fieldErrors.idNumber = id.message;
  if (!checkedName.ok || !id.ok) refuse('VALIDATION', '请按提示修改后再提交', { fieldErrors });
  const age = eligibleStage(id.birthDate, deps.year);
  if (!age.stage) {
    const note = age.note ?? '该子女不在今年的报名年龄范围内';
    refuse('VALIDATION', note, { fieldErrors: { idNumber: note } });
  }

  // 防范恶意代办帮办 (Q29): a child whose birth record names other guardians is not this account's.
  const birthRecord = await deps.birthRegistry.findChild(id.value);
  if (birthRecord && !birthRecord.guardians.some((g) => g.idNumber === account.idNumber)) {
    refuse('FORBIDDEN', '该子女与您无监护关系，不能代为报名');
  }

  try {
    return await deps.store.transaction(async (repos) => {
      const mine = await repos.guardianships.listByAccount(account.id);
      let child = await repos.children.byIdNumber(id.value);
      if (child && mine.some((g) => g.childId === child!.id)) {
        refuse('CONFLICT', '该子女已在“我的子女”列表中，无需重复添加', { fieldErrors: { idNumber: '该子女已添加' } });
      }
      if (mine.filter((g) => g.source === 'manual').length >= deps.policy.maxManualChildren) {
        refuse('CONFLICT', `最多可手动新增${deps.policy.maxManualChildren}名子女，如有特殊情况请联系区县招生咨询电话`);
      }
      if (!child) {
        child = {
          id: await nextId(repos, deps, 'CH'),
          idNumber: id.value,
          birthCertificateName: checkedName.value,
          realName: null,
          birthDate: id.birthDate,
          sex: id.sex ?? 'male',
          nameFrozenAt: null,
          createdAt: ctx.now,
        };
        await repos.children.insert(child);
      }
      // Another account may already hold the child: both stay, and the proof goes to a reviewer.
      const g: GuardianshipRecord = {
        childId: child.id,
        accountId: account.id,
        relationship: body.relationship,
        source: 'manual',
        proofRequired: true,
        verifiedPriority: await verifiedPriority(deps, account),
        createdAt: ctx.now,
      };
      await repos.guardianships.insert(g);
      return publicChild(deps, child, g);
    });
  } catch (error) {
    if (error instanceof ConstraintViolation) refuse('CONFLICT', '该子女刚刚被添加，请刷新“我的子女”后查看');
    throw error;
  }
}

/** Q14: the household-register name, when it differs; it never blocks an application. */
export async function updateChild(deps: Deps, ctx: RequestContext, childId: string, body: UpdateChildRequest): Promise<Child> {
  const account = parentRequest(deps, ctx);
  let realName: string | null = null;
  if (body.realName !== null && body.realName.trim()) {
    const checked = validateName(body.realName);
    if (!checked.ok) refuse('VALIDATION', checked.message, { fieldErrors: { realName: checked.message } });
    realName = checked.value;
  }
  return deps.store.transaction(async (repos) => {
    const { child, guardianship } = await ownChild(repos, account, childId);
    await repos.children.lock(child.id);
    const next = { ...child, realName: realName && realName !== child.birthCertificateName ? realName : null };
    if (child.nameFrozenAt && next.realName !== child.realName) {
      refuse('CONFLICT', '报名已审核通过，子女姓名以审核结果为准，不能再修改', { fieldErrors: { realName: '审核通过后不能修改姓名' } });
    }
    await repos.children.update(next);
    return publicChild(deps, next, guardianship);
  });
}

/** The full ID number, on the parent's explicit request only; the reveal is logged (never the value). */
export async function revealChild(deps: Deps, ctx: RequestContext, childId: string): Promise<RevealChildResponse> {
  const account = parentRequest(deps, ctx);
  return deps.store.transaction(async (repos) => {
    const { child } = await ownChild(repos, account, childId);
    await audit(repos, ctx, { actorKind: 'parent', actorId: account.id, action: 'reveal.childIdNumber', subjectKind: 'child', subjectId: child.id });
    return { idNumber: child.idNumber };
  });
}
