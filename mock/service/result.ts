import type { ApiError, ApiErrorCode } from '@contract/errors';

/** What every service operation answers: a value, or the typed error with its HTTP status. */
export type ServiceResult<T> =
  | { ok: true; value: T; status?: number }
  | { ok: false; status: number; error: ApiError };

const STATUS: Record<ApiErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
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

export const success = <T>(value: T, status = 200): ServiceResult<T> => ({ ok: true, value, status });

export function failure<T = never>(code: ApiErrorCode, message: string, extra: Omit<ApiError, 'code' | 'message'> = {}): ServiceResult<T> {
  return { ok: false, status: STATUS[code], error: { code, message, ...extra } };
}

/** Thrown inside store.write to abort the change and answer an error. */
export class ServiceError extends Error {
  constructor(public readonly result: Extract<ServiceResult<never>, { ok: false }>) {
    super(result.error.message);
  }
}

export function refuse(code: ApiErrorCode, message: string, extra: Omit<ApiError, 'code' | 'message'> = {}): never {
  throw new ServiceError(failure(code, message, extra) as Extract<ServiceResult<never>, { ok: false }>);
}

/** Runs an operation, turning a ServiceError into its result. */
export async function guard<T>(op: () => Promise<T>): Promise<ServiceResult<T>> {
  try {
    return success(await op());
  } catch (error) {
    if (error instanceof ServiceError) return error.result as ServiceResult<T>;
    throw error;
  }
}
