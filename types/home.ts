/**
 * The home page's phase card (SPEC Q8, Q9, Q19–Q27), decided by the server at its own time with the
 * rule of src/domain/guidance.ts: the first page then needs none of the calendar and status rules,
 * and a parent's card can never be judged by a wrong phone clock.
 */
import { z } from 'zod';
import { PhaseIdSchema, StageSchema } from './calendar';
import { DistrictCodeSchema, IdSchema, InstantSchema, shortText } from './common';
import { HOME_CARD_TARGETS, HOME_CARD_TONES } from './enums';

export const HomeCardTargetSchema = z.enum(HOME_CARD_TARGETS);
export type HomeCardTarget = z.infer<typeof HomeCardTargetSchema>;
export const HomeCardToneSchema = z.enum(HOME_CARD_TONES);

export const HomeCardQuerySchema = z.strictObject({
  stage: StageSchema,
  /** The parent's current district (kept on the phone); absent: the city-wide calendar. */
  districtCode: DistrictCodeSchema.optional(),
});
export type HomeCardQuery = z.infer<typeof HomeCardQuerySchema>;

export const HomeCardSchema = z.strictObject({
  /** The phase the card is about (null for an application lead, maintenance, waiting or closed). */
  phase: PhaseIdSchema.nullable(),
  tone: HomeCardToneSchema,
  title: shortText(64),
  /** What is happening. */
  detail: shortText(400),
  /** What the parent should do next. */
  nextStep: shortText(400),
  /** The instant the parent must act by (effective, maintenance-aware), and as the parent reads it. */
  deadline: InstantSchema.nullable(),
  deadlineText: shortText(64).nullable(),
  /** Q9: shown while a registration-type window is open or ahead. */
  reassurance: shortText(200).nullable(),
  /** The application the card leads with, if any. */
  applicationId: IdSchema.nullable(),
  action: z.strictObject({ label: shortText(32), target: HomeCardTargetSchema }).nullable(),
});
export type HomeCard = z.infer<typeof HomeCardSchema>;

export const HomeCardResponseSchema = z.strictObject({
  card: HomeCardSchema,
  /** The district the card follows, by name; null when none was given or it is not one of this year's. */
  districtName: z.string().nullable(),
  serverTime: InstantSchema,
  /** When the card may next change by time alone (a window opening or closing, a deadline): ask again then. */
  refreshAt: InstantSchema,
});
export type HomeCardResponse = z.infer<typeof HomeCardResponseSchema>;
