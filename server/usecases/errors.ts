/** The typed refusals of the use cases, and the HTTP status each answers with. */
import type { ApiError, ApiErrorCode } from '@contract/errors';

export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  OUTSIDE_WINDOW: 409,
  MAINTENANCE: 503,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  DEADLINE_PASSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  OVERLOADED: 429,
  INTERNAL: 500,
  NETWORK: 0,
  TIMEOUT: 0,
};

/** A refusal a parent or staff member is told about; thrown inside a transaction it rolls it back. */
export class ServiceError extends Error {
  readonly status: number;
  constructor(public readonly error: ApiError) {
    super(error.message);
    this.status = HTTP_STATUS[error.code];
  }
}

export function refuse(code: ApiErrorCode, message: string, extra: Omit<ApiError, 'code' | 'message'> = {}): never {
  throw new ServiceError({ code, message, ...extra });
}

/** Refuses VALIDATION when any field error was collected. */
export function refuseFieldErrors(fieldErrors: Record<string, string>, message = '请按提示修改后再提交'): void {
  if (Object.keys(fieldErrors).length > 0) refuse('VALIDATION', message, { fieldErrors });
}
