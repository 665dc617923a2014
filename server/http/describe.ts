/** Helpers that keep route declarations short: JSON bodies, the shared error responses, auth. */
import type { ZodType } from 'zod';
import { ApiErrorBodySchema } from '@contract/errors';

export const json = <T extends ZodType>(schema: T, description = 'OK') => ({ content: { 'application/json': { schema } }, description });

export const jsonBody = <T extends ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const error = (description: string) => ({ content: { 'application/json': { schema: ApiErrorBodySchema } }, description });

/** Every route may answer these; the code in the body says which rule refused. */
export const errors = {
  400: error('VALIDATION: the request does not match the schema, or a field is wrong (fieldErrors)'),
  401: error('UNAUTHENTICATED: no or expired session'),
  403: error('FORBIDDEN'),
  404: error('NOT_FOUND'),
  409: error('CONFLICT / OUTSIDE_WINDOW / INVALID_TRANSITION / DEADLINE_PASSED'),
  413: error('PAYLOAD_TOO_LARGE'),
  415: error('UNSUPPORTED_MEDIA'),
  429: error('OVERLOADED: retry after Retry-After seconds'),
  500: error('INTERNAL'),
  503: error('MAINTENANCE (reopensAt) or OVERLOADED'),
} as const;

export const bearer = [{ bearer: [] as string[] }];
