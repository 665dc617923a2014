/** The one error shape every enrolment API failure answers with. */
export type ApiErrorCode =
  | 'UNAUTHENTICATED' // no or expired session
  | 'FORBIDDEN' // e.g. 防范恶意代办: not this account's child
  | 'NOT_FOUND'
  | 'VALIDATION' // fieldErrors says which field
  | 'OUTSIDE_WINDOW' // phase or district batch not open
  | 'MAINTENANCE' // retryAfter / reopensAt say when
  | 'CONFLICT' // e.g. 不可兼报: a live application exists
  | 'INVALID_TRANSITION' // status does not allow the action
  | 'DEADLINE_PASSED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA'
  | 'OVERLOADED' // 当前访问人数较多 (429/503 with retryAfter)
  | 'INTERNAL'
  | 'NETWORK' // client side only: the request never got an answer
  | 'TIMEOUT'; // client side only

export interface ApiError {
  code: ApiErrorCode;
  /** Chinese, written for a parent. */
  message: string;
  /** Field path -> Chinese message, shown beside the field. */
  fieldErrors?: Record<string, string>;
  /** Seconds before a retry makes sense. */
  retryAfter?: number;
  /** ISO instant when the service reopens (maintenance, window not yet open). */
  reopensAt?: string;
  /** Request id for the hotline; never contains personal data. */
  traceId?: string;
}

export interface ApiErrorBody {
  error: ApiError;
}
