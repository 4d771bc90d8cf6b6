/**
 * Domain error codes shared by every service. A service raises `{ code, message, details }`;
 * the gateway maps the code to an HTTP status in one place (`ERROR_HTTP_STATUS`).
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  /** The request conflicts with the current state: wrong state for a transition, stale version. */
  Conflict = 'CONFLICT',
  InvalidTransition = 'INVALID_TRANSITION',
  ProcedureClosed = 'PROCEDURE_CLOSED',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  RateLimited = 'RATE_LIMITED',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Timeout = 'TIMEOUT',
  Internal = 'INTERNAL',
}

export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.InvalidTransition]: 409,
  [ErrorCode.ProcedureClosed]: 422,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.Timeout]: 504,
  [ErrorCode.Internal]: 500,
};

/** One invalid input value: `field` is a JSON path such as `email` or `values.<stableId>`. */
export interface FieldError {
  field: string;
  message: string;
  /** Label of the form field, for `values.<stableId>` errors, so people see which one. */
  label?: string;
}

/** Body of every error that crosses a service boundary, and of every 4xx/5xx from the gateway. */
export interface DomainErrorBody {
  code: ErrorCode;
  /** French, shown to users as is. */
  message: string;
  details?: {
    fields?: FieldError[];
    /** Current state of the resource, sent with conflicts and invalid transitions. */
    currentState?: string;
    currentVersion?: number;
    [key: string]: unknown;
  };
}

export function isDomainErrorBody(value: unknown): value is DomainErrorBody {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<DomainErrorBody>;

  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}
