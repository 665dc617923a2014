/** The QA API (development servers only, /__qa/*): what tests and the QA panel send. */
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';
import { MaterialCodeSchema } from './materials';

export const QaResetRequestSchema = z.strictObject({ scenario: z.string().max(64).optional() });
export const QaClockRequestSchema = z.strictObject({ now: InstantSchema, frozen: z.boolean().optional() });
export const QaIdentityRequestSchema = z.strictObject({ id: z.string().max(64) });
export const QaReviewRequestSchema = z.strictObject({
  applicationId: IdSchema,
  /** start-review: 审核中 without a decision (the decision comes with a later call). */
  action: z.enum(['start-review', 'approve', 'reject', 'request-correction']),
  reason: z.string().max(500).optional(),
  items: z.array(MaterialCodeSchema).max(12).optional(),
  dueAt: InstantSchema.optional(),
});
export const QaLotteryRequestSchema = z.strictObject({ schoolId: IdSchema.optional(), publicRandomness: z.string().min(1).max(128).optional() });
export const QaFaultRequestSchema = z.strictObject({
  route: z.string().max(200).nullable().optional(),
  kind: z.enum(['error500', 'timeout', 'offline', 'sessionExpired', 'overloaded']),
  times: z.number().int().min(1).max(1000).nullable().optional(),
});
export const QaUiStyleRequestSchema = z.strictObject({ style: z.enum(['normal', 'elder']) });
