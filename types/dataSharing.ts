/** Shared data from the departments (Q6, Q23): the 13 kinds and their 标签提示. */
import { z } from 'zod';
import { DATA_KINDS } from './enums';
import { InstantSchema } from './common';

export const DataKindSchema = z.enum(DATA_KINDS);
export type DataKind = z.infer<typeof DataKindSchema>;

/** 标签提示 (Q6, Q23). */
export const VerificationStatusSchema = z.enum(['matched', 'notMatched', 'unavailable', 'notChecked']);
export type VerificationStatus = z.infer<typeof VerificationStatusSchema>;

export const VerificationResultSchema = z.strictObject({
  kind: DataKindSchema,
  status: VerificationStatusSchema,
  /** Department that answered, e.g. "市公安局". */
  source: z.string(),
  checkedAt: InstantSchema.optional(),
  /** Chinese explanation for the tag. */
  message: z.string(),
});
export type VerificationResult = z.infer<typeof VerificationResultSchema>;
