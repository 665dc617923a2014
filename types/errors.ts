/** The one error shape every enrolment API failure answers with. */
import { z } from 'zod';
import { InstantSchema } from './common';

export const ApiErrorCodeSchema = z.enum([
  'UNAUTHENTICATED', // no or expired session
  'FORBIDDEN', // e.g. 防范恶意代办: not this account's child; a staff role that may not act
  'NOT_FOUND',
  'VALIDATION', // fieldErrors says which field (HTTP 400)
  'OUTSIDE_WINDOW', // phase or district batch not open
  'MAINTENANCE', // retryAfter / reopensAt say when
  'CONFLICT', // e.g. 不可兼报: a live application exists; an idempotency key reused with another body
  'INVALID_TRANSITION', // status does not allow the action
  'DEADLINE_PASSED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA',
  'OVERLOADED', // 当前访问人数较多 (429/503 with retryAfter)
  'INTERNAL',
  'NETWORK', // client side only: the request never got an answer
  'TIMEOUT', // client side only
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorSchema = z.strictObject({
  code: ApiErrorCodeSchema,
  /** Chinese, written for a parent. */
  message: z.string(),
  /** Field path -> Chinese message, shown beside the field. */
  fieldErrors: z.record(z.string(), z.string()).optional(),
  /** Seconds before a retry makes sense. */
  retryAfter: z.number().optional(),
  /** ISO instant when the service reopens (maintenance, window not yet open). */
  reopensAt: InstantSchema.optional(),
  /** Request id for the hotline; never contains personal data. */
  traceId: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const ApiErrorBodySchema = z.strictObject({ error: ApiErrorSchema });
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
