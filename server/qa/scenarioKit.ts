/**
 * Steps scenarios are built from: the same use cases a parent, the clock, a reviewer and the
 * lottery go through, so a scenario's state is one the real flow can reach.
 */
import type { Application, MaterialCode, SchoolType, Stage, UpkeepInfo } from '@contract/api';
import { phasePeriod } from '@/domain/calendar';
import { toIso, toMs } from '@/domain/time';
import { findIdentity } from '../adapters/sim/identities';
import type { AccountRecord } from '../ports/store';
import { calendarOf } from '../usecases/access';
import * as applications from '../usecases/applications';
import { checklistFor } from '../usecases/materials';
import { review, startReview, type ReviewInput } from '../usecases/review';
import { beginFaceVerification, createSession } from '../usecases/session';
import { saveUpkeep } from '../usecases/upkeep';
import { upload } from '../usecases/uploads';
import { qaContext, type QaDeps } from './context';
import { samplePng } from '../lib/sampleImages';

/** A real 240 x 240 PNG (the server decodes uploads): the image of scenario uploads. */
export const TINY_PNG = samplePng(240, 240);

/** Frozen while building, so every history entry has the exact scenario time; due jobs run. */
export async function at(q: QaDeps, iso: string): Promise<void> {
  await q.clock.set(iso, true);
  await q.jobs.runDue();
}

/** Leaves the clock running from `iso`, as QA expects after a reset. */
export async function finishAt(q: QaDeps, iso: string): Promise<void> {
  await q.clock.set(iso, false);
  await q.jobs.runDue();
}

/** Face login as a seeded identity, through the simulated face service; returns the account. */
export async function login(q: QaDeps, identityId: string): Promise<AccountRecord> {
  const identity = findIdentity(identityId);
  if (!identity) throw new Error(`unknown identity ${identityId}`);
  const begun = await beginFaceVerification(q.deps, qaContext(q), {});
  q.face.complete(begun.verifyId, { identityId });
  await createSession(q.deps, qaContext(q), { verificationId: begun.verificationId });
  const account = await q.deps.store.read((repos) => repos.accounts.byIdNumber(identity.parent.idNumber));
  if (!account) throw new Error('login made no account');
  return account;
}

/** Plausible upkeep for an identity (addresses in its district, a valid 不动产单元号). */
export function sampleUpkeep(identityId: string): UpkeepInfo {
  const identity = findIdentity(identityId);
  if (!identity) throw new Error(`unknown identity ${identityId}`);
  const district = identity.defaultDistrictCode;
  const address = { text: '重庆市渝北区龙溪街道金龙路88号3栋2单元501', districtCode: district };
  const owns = identity.propertyOwner !== 'none';
  return {
    householdAddress: address,
    residenceAddress: address,
    property: owns
      ? { kind: 'certificate', unitNumber: `${district}003012GB00231F00030501`, ownerName: identity.propertyOwner === 'spouse' ? identity.spouse?.name : identity.parent.name }
      : { kind: 'rented', address: address.text },
    guardians: [{ name: identity.parent.name, relationship: identity.parent.relationshipToChildren, phone: identity.parent.phone }],
    attachments: {},
    householdHeadIsOtherGuardian: identity.householdHeadIsOtherGuardian,
  };
}

export async function keepUpkeep(q: QaDeps, account: AccountRecord, identityId: string, childId: string): Promise<void> {
  await saveUpkeep(q.deps, qaContext(q, account), childId, sampleUpkeep(identityId));
}

/** A day of an identity's district window, at 10:00 local. */
export function dayInPhase(q: QaDeps, identityId: string, phase: 'upkeep' | 'registration', dayOffset: number): string {
  const identity = findIdentity(identityId)!;
  const period = phasePeriod(calendarOf(q.deps), phase, identity.defaultDistrictCode)!;
  return toIso(toMs(period.start) + dayOffset * 86_400_000 + 10 * 3_600_000);
}

export interface SchoolPick {
  stage: Stage;
  type: SchoolType;
  /** For private schools: pick the one with more applicants than places (a lottery), or not. */
  oversubscribed?: boolean;
}

export function pickSchool(q: QaDeps, districtCode: string, pick: SchoolPick) {
  const { deps } = q;
  const candidates = deps.reference.schools(deps.year).filter((s) => s.districtCode === districtCode && s.stage === pick.stage && s.type === pick.type);
  const school =
    pick.oversubscribed === undefined
      ? candidates[0]
      : candidates.find((s) => (deps.reference.offlineApplicants(s.id) + 1 > (s.brochure?.places ?? s.places)) === pick.oversubscribed);
  if (!school) throw new Error('no school for scenario');
  return school;
}

export async function uploadFor(q: QaDeps, account: AccountRecord, code: MaterialCode): Promise<string> {
  return (await upload(q.deps, qaContext(q, account), { bytes: TINY_PNG, materialCode: code, districtCode: null, idempotencyKey: null })).record.fileId;
}

/** Uploads one image per required item of the checklist and submits. */
export async function submitFor(q: QaDeps, account: AccountRecord, identityId: string, childId: string, pick: SchoolPick, key: string): Promise<Application> {
  const identity = findIdentity(identityId)!;
  const school = pickSchool(q, identity.defaultDistrictCode, pick);
  const query = { districtCode: school.districtCode, stage: pick.stage, schoolType: school.type, source: identity.defaultSource };
  const { updatedAt: _u, ...upkeep } = sampleUpkeep(identityId);
  const checklist = await checklistFor(q.deps, qaContext(q, account), account, query, upkeep, false);
  const materials: Partial<Record<MaterialCode, string[]>> = {};
  for (const item of checklist.items.filter((i) => i.state === 'required')) materials[item.code] = [await uploadFor(q, account, item.code)];
  const { application } = await applications.submit(q.deps, qaContext(q, account), {
    idempotencyKey: key,
    childId,
    nature: school.nature,
    schoolId: school.id,
    upkeep,
    materials,
    notesAccepted: true,
    ...query,
  });
  return application;
}

/** QA as the district reviewer. */
export function reviewAsQa(q: QaDeps, input: Omit<ReviewInput, 'action'> & { action: ReviewInput['action'] | 'start-review' }): Promise<Application> {
  const reviewer = { kind: 'qa', id: 'qa', districtCode: null } as const;
  return q.deps.store.transaction((repos) => {
    if (input.action === 'start-review') return startReview(q.deps, qaContext(q), repos, reviewer, input.applicationId);
    return review(q.deps, qaContext(q), repos, reviewer, { relationshipVerified: true, ...input, action: input.action });
  });
}
