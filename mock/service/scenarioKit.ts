/**
 * Steps scenarios are built from: the same service operations a parent, the clock, a reviewer
 * and the lottery go through, so a scenario's state is one the real flow can reach.
 */
import type { Application, MaterialCode, SchoolType, Stage, UpkeepInfo } from '@contract/api';
import { phasePeriod } from '@/domain/calendar';
import { toIso, toMs } from '@/domain/time';
import { findIdentity } from '../data/identities';
import { privateDemand } from '../data/schools';
import * as applications from './applications';
import { calendarOf, type ServiceContext } from './context';
import { checklistFor } from './materials';
import { chooseIdentity, moveClock } from './qa';
import { schoolsForYear } from './reference';
import { createSession, issueFaceTicket } from './session';
import { saveUpkeep } from './upkeep';
import { upload } from './uploads';

/** A 1x1 PNG: the smallest real image for scenario uploads. */
export const TINY_PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
  0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
  0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

/** Frozen while building, so every history entry has the exact scenario time. */
export async function at(ctx: ServiceContext, iso: string): Promise<void> {
  await moveClock(ctx, iso, true);
}

/** Leaves the clock running from `iso`, as QA expects after a reset. */
export async function finishAt(ctx: ServiceContext, iso: string): Promise<void> {
  await moveClock(ctx, iso, false);
}

/** Face login as an identity; returns the Authorization header value. */
export async function login(ctx: ServiceContext, identityId: string): Promise<string> {
  await chooseIdentity(ctx, identityId);
  const { ticket } = await issueFaceTicket(ctx);
  const session = await createSession(ctx, ticket);
  return `Bearer ${session.token}`;
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

export async function keepUpkeep(ctx: ServiceContext, auth: string, identityId: string, childId: string): Promise<void> {
  await saveUpkeep(ctx, auth, childId, sampleUpkeep(identityId));
}

/** The upkeep window of an identity's district: the first day at 10:00. */
export function upkeepDay(ctx: ServiceContext, identityId: string): Promise<string> {
  return dayInPhase(ctx, identityId, 'upkeep', 0);
}

/** A day of an identity's district registration window, at 10:00 local. */
export async function dayInPhase(ctx: ServiceContext, identityId: string, phase: 'upkeep' | 'registration', dayOffset: number): Promise<string> {
  const identity = findIdentity(identityId)!;
  const cal = await ctx.store.read((s) => calendarOf(s));
  const period = phasePeriod(cal, phase, identity.defaultDistrictCode)!;
  return toIso(toMs(period.start) + dayOffset * 86_400_000 + 10 * 3_600_000);
}

export interface SchoolPick {
  stage: Stage;
  type: SchoolType;
  /** For private schools: pick the one with more applicants than places (a lottery), or not. */
  oversubscribed?: boolean;
}

export async function pickSchool(ctx: ServiceContext, districtCode: string, pick: SchoolPick) {
  const schools = await ctx.store.read((s) => schoolsForYear(s.year));
  const candidates = schools.filter((s) => s.districtCode === districtCode && s.stage === pick.stage && s.type === pick.type);
  const school =
    pick.oversubscribed === undefined
      ? candidates[0]
      : candidates.find((s) => ((privateDemand[s.id] ?? 0) + 1 > (s.brochure?.places ?? s.places)) === pick.oversubscribed);
  if (!school) throw new Error('no school for scenario');
  return school;
}

/** Uploads one image per required item of the checklist and submits. */
export async function submitFor(ctx: ServiceContext, auth: string, identityId: string, childId: string, pick: SchoolPick, key: string): Promise<Application> {
  const identity = findIdentity(identityId)!;
  const school = await pickSchool(ctx, identity.defaultDistrictCode, pick);
  const query = { districtCode: school.districtCode, stage: pick.stage, schoolType: school.type, source: identity.defaultSource };
  const upkeep = sampleUpkeep(identityId);
  const checklist = await ctx.store.read((s) => checklistFor(s, identity, query, upkeep));
  const materials: Partial<Record<MaterialCode, string[]>> = {};
  for (const item of checklist.items.filter((i) => i.state === 'required')) {
    const file = await upload(ctx, auth, { bytes: TINY_PNG, materialCode: item.code });
    materials[item.code] = [file.fileId];
  }
  const { application } = await applications.submit(
    ctx,
    auth,
    { idempotencyKey: key, childId, nature: school.nature, schoolId: school.id, upkeep, materials, notesAccepted: true, ...query },
    key,
  );
  return application;
}

export async function uploadFor(ctx: ServiceContext, auth: string, code: MaterialCode): Promise<string> {
  return (await upload(ctx, auth, { bytes: TINY_PNG, materialCode: code })).fileId;
}
