import { z } from 'zod';
import { RELATIONSHIPS, PROPERTY_KINDS } from './enums';
import { StageSchema } from './calendar';
import { DistrictCodeSchema, IdSchema, InstantSchema, LocalDateSchema, shortText } from './common';
import { MaterialFilesSchema } from './materials';

export { DataKindSchema, VerificationResultSchema, VerificationStatusSchema } from './dataSharing';
export type { DataKind, VerificationResult, VerificationStatus } from './dataSharing';

export const ChildSourceSchema = z.enum(['birthRecord', 'manual']);
export type ChildSource = z.infer<typeof ChildSourceSchema>;

export const RelationshipSchema = z.enum(RELATIONSHIPS);
export type Relationship = z.infer<typeof RelationshipSchema>;

export const SexSchema = z.enum(['male', 'female']);

export const ChildSchema = z.strictObject({
  id: IdSchema,
  /** Name on the 出生医学证明 (or as entered by hand). */
  birthCertificateName: z.string(),
  /** 户口簿 name when it differs (Q14); never blocks an application. */
  realName: z.string().optional(),
  /** Masked for display by default; the full number only travels in requests the parent makes. */
  idNumberMasked: z.string(),
  birthDate: LocalDateSchema,
  sex: SexSchema,
  source: ChildSourceSchema,
  relationship: RelationshipSchema,
  /** The stage the child is of age for this year, if any. */
  eligibleStage: StageSchema.nullable(),
  /** Why the child is not eligible, in Chinese, when eligibleStage is null. */
  eligibilityNote: z.string().optional(),
  /** 残疾儿童少年 and other policy groups get the 绿色通道 (Q30), once verified. */
  greenChannel: z.boolean(),
});
export type Child = z.infer<typeof ChildSchema>;

/** Addresses are free text; the bound keeps a request small. */
export const MAX_ADDRESS_LENGTH = 200;

export const AddressSchema = z.strictObject({
  /** e.g. "重庆市渝北区龙溪街道金龙路 88 号 3 栋 2 单元 501" */
  text: z.string().max(MAX_ADDRESS_LENGTH),
  districtCode: DistrictCodeSchema.optional(),
});
export type Address = z.infer<typeof AddressSchema>;

export const PropertyKindSchema = z.enum(PROPERTY_KINDS);
export type PropertyKind = z.infer<typeof PropertyKindSchema>;

export const PropertyInfoSchema = z.strictObject({
  kind: PropertyKindSchema,
  /** 不动产单元号 (GB/T 37346, 28 chars), when kind = certificate. */
  unitNumber: z.string().max(40).optional(),
  /** 权利人 */
  ownerName: shortText().optional(),
  ownerRelationship: RelationshipSchema.optional(),
  address: z.string().max(MAX_ADDRESS_LENGTH).optional(),
});
export type PropertyInfo = z.infer<typeof PropertyInfoSchema>;

export const GuardianContactSchema = z.strictObject({
  name: shortText(),
  relationship: RelationshipSchema,
  phone: shortText(20),
});
export type GuardianContact = z.infer<typeof GuardianContactSchema>;

/** 子女信息维护 (Q10, Q11): what the parent keeps ahead of registration. */
export const UpkeepInfoSchema = z.strictObject({
  householdAddress: AddressSchema,
  residenceAddress: AddressSchema,
  property: PropertyInfoSchema,
  guardians: z.array(GuardianContactSchema).max(4),
  /** Supporting images already uploaded, by material code. */
  attachments: MaterialFilesSchema,
  /** Household head (户主) differs from the applying guardian (Q17). */
  householdHeadIsOtherGuardian: z.boolean(),
  updatedAt: InstantSchema.optional(),
});
export type UpkeepInfo = z.infer<typeof UpkeepInfoSchema>;

