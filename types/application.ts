import { z } from 'zod';
import { APPLICATION_STATUSES, ACTORS, APPLICATION_ACTIONS } from './enums';
import { StageSchema } from './calendar';
import { InstantSchema } from './common';
import { SchoolNatureSchema, SchoolTypeSchema } from './district';
import { MaterialCodeSchema, MaterialFilesSchema, StudentSourceSchema } from './materials';
import { UpkeepInfoSchema } from './child';
import { VerificationResultSchema } from './dataSharing';

export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

export const ActorSchema = z.enum(ACTORS);
export type Actor = z.infer<typeof ActorSchema>;

export const ApplicationActionSchema = z.enum(APPLICATION_ACTIONS);
export type ApplicationAction = z.infer<typeof ApplicationActionSchema>;

export const HistoryEntrySchema = z.strictObject({
  at: InstantSchema,
  from: ApplicationStatusSchema.nullable(),
  to: ApplicationStatusSchema,
  action: z.union([ApplicationActionSchema, z.literal('create')]),
  actor: ActorSchema,
  /** Chinese note: reviewer's reason, lottery rank, etc. */
  note: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/**
 * A history entry as the application carries it: `seq` is its place in the application's history
 * (1 = the first, in the order the events happened). Several steps can share one instant (创建申请
 * and 提交报名; 开始审核 and 审核通过), so order is read from seq, never from `at` alone.
 */
export const HistoryItemSchema = HistoryEntrySchema.extend({ seq: z.number().int().positive() });
export type HistoryItem = z.infer<typeof HistoryItemSchema>;

export const CorrectionRequestSchema = z.strictObject({
  reason: z.string(),
  items: z.array(MaterialCodeSchema),
  requestedAt: InstantSchema,
  /** 补正 deadline. */
  dueAt: InstantSchema.optional(),
});
export type CorrectionRequest = z.infer<typeof CorrectionRequestSchema>;

export const ApplicationLotterySchema = z.strictObject({
  rank: z.number().int(),
  admitted: z.boolean(),
  waitingPosition: z.number().int().optional(),
  drawId: z.string(),
});

export const ApplicationSchema = z.strictObject({
  id: z.string(),
  /** 办件编号 shown to parents, e.g. "RX2024500112000123". */
  number: z.string(),
  childId: z.string(),
  childNameMasked: z.string(),
  stage: StageSchema,
  districtCode: z.string(),
  nature: SchoolNatureSchema,
  schoolType: SchoolTypeSchema,
  schoolId: z.string(),
  schoolName: z.string(),
  source: StudentSourceSchema,
  status: ApplicationStatusSchema,
  history: z.array(HistoryItemSchema),
  /** File ids per material code. */
  materials: MaterialFilesSchema,
  upkeep: UpkeepInfoSchema,
  verification: z.array(VerificationResultSchema),
  correction: CorrectionRequestSchema.optional(),
  submittedAt: InstantSchema.optional(),
  /** Review due date: 10 working days after submission (Q24). */
  reviewDueAt: InstantSchema.optional(),
  /** Deadline for the parent's 入学确认. */
  confirmBy: InstantSchema.optional(),
  lottery: ApplicationLotterySchema.optional(),
  reportCodeAvailable: z.boolean(),
  /** Whether this application came through the 公办兜底 channel after a private loss (Q22). */
  publicFallback: z.boolean(),
  /** 绿色通道 (Q30): a policy group the departments or the reviewer verified; reviewed first, with the shorter promise in reviewDueAt. */
  greenChannel: z.boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Application = z.infer<typeof ApplicationSchema>;
