/** Shared data from the departments (Q6, Q23): the 13 kinds and their 标签提示. */
import { z } from 'zod';
import { InstantSchema } from './common';

/** The 13 kinds of shared data from 9 departments (Q6). */
export const DataKindSchema = z.enum([
  'householdRegister', // 户籍 (公安)
  'residencePermit', // 居住证 (公安)
  'marriage', // 婚姻 (民政)
  'property', // 不动产 (住建/规划自然资源)
  'birthCertificate', // 出生医学证明 (卫健)
  'socialInsurance', // 社保 (人社)
  'businessLicense', // 营业执照 (市场监管)
  'disability', // 残疾人证 (残联)
  'militaryFamily', // 军人家庭 (退役军人)
  'housingProvident', // 公积金
  'rentalRecord', // 租赁备案
  'schoolRoll', // 学籍 (教育)
  'deathOrGuardianship', // 监护关系 (民政)
]);
export type DataKind = z.infer<typeof DataKindSchema>;
export const DATA_KINDS = DataKindSchema.options;

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
