import type { ApiEnvelope, ApiError } from './api-entreprise.types';

/** Outcome of one API Entreprise call, grouped by the action the caller takes. */
export type ApiCallOutcome<T> =
  | { kind: 'ok'; body: ApiEnvelope<T>; requestId: string | null }
  | { kind: 'not_found'; requestId: string | null }
  | { kind: 'unavailable_for_legal_reasons'; requestId: string | null }
  /** 401, 403 or 422: the token, its rights or the parameters are wrong; retrying alone will not help. */
  | { kind: 'rejected'; status: number; error: ApiError | null; requestId: string | null }
  /** No call was made, or a 429 came back: no call before `retryAt` (epoch milliseconds). */
  | { kind: 'throttled'; retryAt: number; requestId: string | null }
  /** 5xx, an unexpected status, a timeout or a network error; `retryAt` comes from `meta.retry_in`. */
  | { kind: 'unavailable'; reason: string; retryAt: number | null; requestId: string | null };
