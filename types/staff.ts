/**
 * The staff API (/api/v1/staff/*): district reviewers and lottery operators, with tokens issued by
 * `npm run staff -- issue`. A reviewer sees and acts on their own district only; every action is
 * written to the append-only audit log.
 */
import { z } from 'zod';
import { ApplicationSchema, ApplicationStatusSchema } from './application';
import { ChildSourceSchema, RelationshipSchema } from './child';
import { IdSchema, InstantSchema } from './common';
import { LotteryCommitmentSchema, LotteryDrawSchema } from './lottery';
import { MaterialCodeSchema } from './materials';

export const StaffRoleSchema = z.enum(['reviewer', 'lotteryOperator']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const StaffMeSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: StaffRoleSchema,
  /** The district a reviewer works for; null for city-wide lottery operators. */
  districtCode: z.string().nullable(),
});
export type StaffMe = z.infer<typeof StaffMeSchema>;

export const StaffApplicationsQuerySchema = z.strictObject({
  status: ApplicationStatusSchema.optional(),
  /** Only the applications past the 10-working-day review promise (Q24). */
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** What a reviewer needs beside the application: how the account holds the child. */
export const StaffApplicationSchema = z.strictObject({
  application: ApplicationSchema,
  guardianship: z.strictObject({
    source: ChildSourceSchema,
    relationship: RelationshipSchema,
    /** A child added by hand: its relationship proof must be checked before approval. */
    relationshipProofRequired: z.boolean(),
    /** Other accounts holding the same child (second guardians; possible 恶意代办). */
    otherGuardians: z.number().int(),
    priorityVerified: z.boolean(),
  }),
  /** The review promise (Q24): when it is due, and whether the district is past it. */
  review: z
    .strictObject({ dueAt: InstantSchema, overdue: z.boolean() })
    .nullable(),
});
export type StaffApplication = z.infer<typeof StaffApplicationSchema>;
export const StaffApplicationsResponseSchema = z.strictObject({ applications: z.array(StaffApplicationSchema) });

export const ReviewRequestSchema = z.strictObject({
  action: z.enum(['approve', 'reject', 'request-correction']),
  /** Shown to the parent; required unless approving. */
  reason: z.string().max(500).optional(),
  items: z.array(MaterialCodeSchema).max(12).optional(),
  dueAt: InstantSchema.optional(),
  /** The reviewer checked the relationship proof of a child added by hand. */
  relationshipVerified: z.boolean().optional(),
  /** The reviewer verified a priority source (残疾儿童少年, policy groups) the departments could not. */
  priorityVerified: z.boolean().optional(),
});
export type ReviewRequest = z.infer<typeof ReviewRequestSchema>;

export const SchoolParamsSchema = z.strictObject({ schoolId: IdSchema });
export const DrawParamsSchema = z.strictObject({ drawId: z.string().max(80) });

/** A school's frozen list, as published (hash, count, time), and how far its draw has come. */
export const PublishedCommitmentSchema = LotteryCommitmentSchema.extend({
  withoutLottery: z.boolean(),
  randomnessFixed: z.boolean(),
  decided: z.boolean(),
});
export type PublishedCommitment = z.infer<typeof PublishedCommitmentSchema>;
export const CommitmentsResponseSchema = z.strictObject({ commitments: z.array(PublishedCommitmentSchema) });
export const DrawResponseSchema = LotteryDrawSchema;

export const RandomnessRequestSchema = z.strictObject({
  /** The designated public value of the day (e.g. the published lottery number), as announced. */
  value: z.string().min(1).max(128),
});
export const RandomnessResponseSchema = z.strictObject({ commitment: PublishedCommitmentSchema, entries: z.number().int() });

export const DrawResultSchema = z.strictObject({
  schoolId: z.string(),
  schoolName: z.string(),
  places: z.number().int(),
  entrantCount: z.number().int(),
  withoutLottery: z.boolean(),
  drawId: z.string().nullable(),
  applications: z.array(z.strictObject({ id: z.string(), status: ApplicationStatusSchema, rank: z.number().int().nullable() })),
});

export const AuditEntrySchema = z.strictObject({
  at: InstantSchema,
  actorKind: z.string(),
  actorId: z.string(),
  action: z.string(),
  subjectKind: z.string(),
  subjectId: z.string(),
  beforeStatus: z.string().nullable(),
  afterStatus: z.string().nullable(),
});
export const AuditQuerySchema = z.strictObject({ subjectId: z.string().max(80).optional(), limit: z.coerce.number().int().min(1).max(500).optional() });
export const AuditResponseSchema = z.strictObject({ entries: z.array(AuditEntrySchema) });

export const STAFF_TOKEN_PREFIX = 'stf_';
