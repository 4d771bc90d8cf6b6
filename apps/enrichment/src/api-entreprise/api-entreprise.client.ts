import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ApiCallLogEntity } from '../database/api-call-log.entity';
import { ENRICHMENT_CONFIG } from '../enrichment.tokens';
import type { EnrichmentConfig } from '../enrichment.config';
import type { ApiCallOutcome } from './api-call-outcome';
import type { ApiEnvelope, ApiError, ApiErrorBody } from './api-entreprise.types';
import { RequestRateLimiter } from './request-rate-limiter';

/** Shortest client timeout worth a call, in milliseconds. */
const MIN_CALL_TIME_MS = 100;

/** Query parameters API Entreprise requires on every call. */
export interface ApiCallParameters {
  object: string;
  recipient: string;
}

function firstError(body: unknown): ApiError | null {
  const errors = (body as Partial<ApiErrorBody> | null)?.errors;

  return Array.isArray(errors) && errors.length > 0 ? errors[0] : null;
}

/** Reads Retry-After as seconds (the form API Entreprise sends) or as an HTTP date. */
function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) {
    return null;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return now + Math.max(0, seconds) * 1000;
  }
  const date = Date.parse(header);

  return Number.isNaN(date) ? null : date;
}

/**
 * HTTP client of API Entreprise v3: bearer token, mandatory parameters, client timeout, the
 * process-wide quota, and one `api_call_log` row per call. HTTP and network failures come back
 * as an outcome rather than an exception.
 */
@Injectable()
export class ApiEntrepriseClient implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApiEntrepriseClient.name);

  constructor(
    @Inject(ENRICHMENT_CONFIG) private readonly config: EnrichmentConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RequestRateLimiter) private readonly limiter: RequestRateLimiter,
  ) {}

  /** Loads the calls of the last minute into the quota, so that a restart cannot exceed it. */
  async onApplicationBootstrap(): Promise<void> {
    const rows: Array<{ at: Date }> = await this.dataSource.query(
      `SELECT at FROM api_call_log WHERE at > now() - interval '1 minute'`,
    );
    this.limiter.seed(rows.map((row) => new Date(row.at).getTime()));
  }

  /**
   * Calls one route. `deadline` (epoch milliseconds) shortens the client timeout so that a
   * lookup made of several calls ends in time, and no call starts when less than
   * `MIN_CALL_TIME_MS` is left.
   */
  async get<T>(
    path: string,
    parameters: ApiCallParameters,
    deadline?: number,
  ): Promise<ApiCallOutcome<T>> {
    const timeoutMs = Math.min(
      this.config.API_ENTREPRISE_TIMEOUT_MS,
      deadline === undefined ? Infinity : deadline - Date.now(),
    );
    if (timeoutMs < MIN_CALL_TIME_MS) {
      return {
        kind: 'unavailable',
        reason: 'lookup time budget spent',
        retryAt: null,
        requestId: null,
      };
    }
    const permit = this.limiter.tryAcquire();
    if (!permit.allowed) {
      return { kind: 'throttled', retryAt: permit.retryAt, requestId: null };
    }
    const url = new URL(path, this.config.API_ENTREPRISE_URL);
    url.searchParams.set('context', this.config.API_ENTREPRISE_CONTEXT);
    url.searchParams.set('object', parameters.object);
    url.searchParams.set('recipient', parameters.recipient);
    const startedAt = Date.now();
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(url, {
        headers: {
          Authorization: `Bearer ${this.config.API_ENTREPRISE_TOKEN}`,
          Accept: 'application/json',
          'User-Agent': 'TPS enrichment service',
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.json().catch(() => null);
    } catch (error) {
      // Duck-typed: AbortSignal.timeout rejects with a DOMException, not always an Error instance.
      const failure = error as { name?: string; message?: string; cause?: { code?: string } };
      const reason =
        failure.name === 'TimeoutError'
          ? `timed out after ${timeoutMs} ms`
          : `network error: ${failure.cause?.code ?? failure.message ?? String(error)}`;
      await this.logCall(path, 0, Date.now() - startedAt, null);
      this.logger.warn({ path, reason }, 'API Entreprise call failed');

      return { kind: 'unavailable', reason, retryAt: null, requestId: null };
    }
    const requestId = response.headers.get('x-request-id');
    await this.logCall(path, response.status, Date.now() - startedAt, requestId);

    return this.classify<T>(path, response, body, requestId);
  }

  private classify<T>(
    path: string,
    response: Response,
    body: unknown,
    requestId: string | null,
  ): ApiCallOutcome<T> {
    const status = response.status;
    const error = firstError(body);
    if (status === 200) {
      const data = (body as Partial<ApiEnvelope<T>> | null)?.data;
      if (data === null || typeof data !== 'object') {
        this.logger.warn({ path, requestId }, 'API Entreprise returned 200 without a data object');

        return { kind: 'unavailable', reason: 'HTTP 200 without data', retryAt: null, requestId };
      }

      return { kind: 'ok', body: body as ApiEnvelope<T>, requestId };
    }
    if (status === 404) {
      return { kind: 'not_found', requestId };
    }
    if (status === 451) {
      return { kind: 'unavailable_for_legal_reasons', requestId };
    }
    if (status === 401 || status === 403 || status === 422) {
      // A configuration problem (token, rights or parameters), logged as an error with the X-Request-ID
      // that API Entreprise support needs.
      this.logger.error(
        { path, status, code: error?.code, detail: error?.detail, requestId },
        'API Entreprise rejected the call: check API_ENTREPRISE_TOKEN, its rights and the call parameters',
      );

      return { kind: 'rejected', status, error, requestId };
    }
    if (status === 429) {
      const now = Date.now();
      const retryAt = retryAfterMs(response.headers.get('retry-after'), now) ?? now + 60_000;
      this.limiter.blockUntil(retryAt);
      this.logger.warn(
        { path, requestId, retryAt: new Date(retryAt).toISOString() },
        'API Entreprise rate limit hit',
      );

      return { kind: 'throttled', retryAt, requestId };
    }
    const retryIn = (error?.meta as { retry_in?: unknown } | undefined)?.retry_in;
    const retryAt = typeof retryIn === 'number' && retryIn > 0 ? Date.now() + retryIn * 1000 : null;
    this.logger.warn({ path, status, code: error?.code, requestId }, 'API Entreprise unavailable');

    return {
      kind: 'unavailable',
      reason: `HTTP ${status}${error ? ` ${error.code} ${error.title}` : ''}`,
      retryAt,
      requestId,
    };
  }

  private async logCall(
    path: string,
    status: number,
    durationMs: number,
    requestId: string | null,
  ): Promise<void> {
    try {
      await this.dataSource.getRepository(ApiCallLogEntity).insert({
        at: new Date(),
        path,
        status,
        durationMs,
        requestId,
      });
    } catch (error) {
      this.logger.warn({ err: error, path, status }, 'API call log insert failed');
    }
  }
}
