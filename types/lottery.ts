/**
 * Verifiable private-school lottery (Q21). Everything needed to recompute a draw is published.
 */
import { z } from 'zod';
import { InstantSchema } from './common';

export const LotteryEntrantSchema = z.strictObject({
  /** Pseudonym: hash of the application id and a per-draw secret salt; never a name or ID number. */
  pseudonym: z.string(),
  /** Lower tiers draw first (e.g. 0 = verified policy priority, 1 = general). */
  tier: z.number().int(),
  /** Twins/siblings registered together share a group and therefore a key. */
  familyGroup: z.string().optional(),
});
export type LotteryEntrant = z.infer<typeof LotteryEntrantSchema>;

export const LotteryCommitmentSchema = z.strictObject({
  drawId: z.string(),
  schoolId: z.string(),
  places: z.number().int(),
  /** SHA-256 (hex) of the canonical frozen entrant list, published before the draw. */
  listCommitment: z.string(),
  entrantCount: z.number().int(),
  committedAt: InstantSchema,
});
export type LotteryCommitment = z.infer<typeof LotteryCommitmentSchema>;

export const LotteryDrawSchema = LotteryCommitmentSchema.extend({
  /** Public randomness fixed after the commitment (e.g. a published lottery number). */
  publicRandomness: z.string(),
  /** sha256(listCommitment | publicRandomness | schoolId) */
  seed: z.string(),
  drawnAt: InstantSchema,
  /** Ordered pseudonyms: first `places` admitted, the rest the waiting list. */
  order: z.array(z.string()),
  entrants: z.array(LotteryEntrantSchema),
});
export type LotteryDraw = z.infer<typeof LotteryDrawSchema>;

/** What a parent sees about their own child. */
export const LotteryOutcomeSchema = z.strictObject({
  drawId: z.string().nullable(),
  schoolId: z.string(),
  withoutLottery: z.boolean(),
  admitted: z.boolean(),
  rank: z.number().int().nullable(),
  waitingPosition: z.number().int().nullable(),
  pseudonym: z.string(),
  key: z.string().nullable(),
  draw: LotteryDrawSchema.nullable(),
});
export type LotteryOutcome = z.infer<typeof LotteryOutcomeSchema>;
