import { z } from 'zod';
import { STUDENT_SOURCES, MATERIAL_CODES } from './enums';
import { StageSchema } from './calendar';
import { IdSchema, InstantSchema } from './common';
import { DataKindSchema } from './dataSharing';
import { SchoolTypeSchema } from './district';

export const StudentSourceSchema = z.enum(STUDENT_SOURCES);
export type StudentSource = z.infer<typeof StudentSourceSchema>;

export const MaterialCodeSchema = z.enum(MATERIAL_CODES);
export type MaterialCode = z.infer<typeof MaterialCodeSchema>;

/** No material item takes more images than this, whatever a district's policy says. */
export const MAX_IMAGES_PER_ITEM_LIMIT = 10;

/** File ids per material code, as a form or a submission sends them. */
export const MaterialFilesSchema = z.partialRecord(MaterialCodeSchema, z.array(IdSchema).max(MAX_IMAGES_PER_ITEM_LIMIT));
export type MaterialFiles = z.infer<typeof MaterialFilesSchema>;

/** One rule of a district's policy: which material, for which applications, and why. */
export const MaterialRuleSchema = z.strictObject({
  code: MaterialCodeSchema,
  /** Empty means every school type. */
  schoolTypes: z.array(SchoolTypeSchema),
  /** Empty means every student source. */
  sources: z.array(StudentSourceSchema),
  /** Empty means both stages. */
  stages: z.array(StageSchema),
  requirement: z.enum(['required', 'optional']),
  /** When shared data of this kind matched, the upload is not needed (Q23). */
  waivedBy: DataKindSchema.optional(),
  /** Only when the property owner / household head is not the applying guardian (Q17). */
  onlyWhenGuardianMismatch: z.boolean().optional(),
  /** Chinese reason shown beside the item. */
  reason: z.string(),
});
export type MaterialRule = z.infer<typeof MaterialRuleSchema>;

export const MaterialPolicySchema = z.strictObject({
  districtCode: z.string(),
  year: z.number().int(),
  rules: z.array(MaterialRuleSchema),
  /** Max bytes per image after compression. */
  maxBytes: z.number().int(),
  maxImagesPerItem: z.number().int().max(MAX_IMAGES_PER_ITEM_LIMIT),
});
export type MaterialPolicy = z.infer<typeof MaterialPolicySchema>;

export const MaterialItemStateSchema = z.enum(['required', 'optional', 'waived']);
export type MaterialItemState = z.infer<typeof MaterialItemStateSchema>;

export const MaterialItemSchema = z.strictObject({
  code: MaterialCodeSchema,
  name: z.string(),
  state: MaterialItemStateSchema,
  /** Chinese: why this is asked for, or why it is waived. */
  reason: z.string(),
  /** Verification that decided a waiver or an evidence request. */
  decidedBy: DataKindSchema.optional(),
});
export type MaterialItem = z.infer<typeof MaterialItemSchema>;

export const MaterialChecklistSchema = z.strictObject({
  districtCode: z.string(),
  stage: StageSchema,
  schoolType: SchoolTypeSchema,
  source: StudentSourceSchema,
  items: z.array(MaterialItemSchema),
  maxBytes: z.number().int(),
  maxImagesPerItem: z.number().int(),
});
export type MaterialChecklist = z.infer<typeof MaterialChecklistSchema>;

export const UploadMimeSchema = z.enum(['image/jpeg', 'image/png', 'image/webp']);
export type UploadMime = z.infer<typeof UploadMimeSchema>;

export const UploadRecordSchema = z.strictObject({
  fileId: IdSchema,
  mime: UploadMimeSchema,
  size: z.number().int(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  uploadedAt: InstantSchema,
  /** URL the module can preview it from (through the API). */
  url: z.string(),
});
export type UploadRecord = z.infer<typeof UploadRecordSchema>;
