import { IsInt, IsString, IsUrl, Length, Matches, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@tps/platform';

import { SANDBOX_DEFAULT_TOKEN } from './sandbox/sandbox-token';

/** Settings of the enrichment service, read from the environment by `loadConfig`. */
export class EnrichmentConfig extends BaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  override HTTP_PORT: number = 3004;

  /** Base URL of API Entreprise; the default is the local sandbox (`https://entreprise.api.gouv.fr` in production). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  API_ENTREPRISE_URL: string = 'http://127.0.0.1:3005';

  /**
   * Bearer token (JWT) issued by API Entreprise. The default is the local sandbox's token and
   * is rejected by the real API.
   */
  @IsString()
  @Length(1, 4096)
  API_ENTREPRISE_TOKEN: string = SANDBOX_DEFAULT_TOKEN;

  /** SIRET of the public body that receives the data (`recipient`). Defaults to DINUM. */
  @Matches(/^\d{14}$/)
  API_ENTREPRISE_RECIPIENT: string = '13002526500013';

  /**
   * `recipient` sent when the queried entity is the recipient itself, which API Entreprise
   * rejects. Defaults to the Ministère de la Culture; set a body of your own organisation.
   */
  @Matches(/^\d{14}$/)
  API_ENTREPRISE_FALLBACK_RECIPIENT: string = '11004601800013';

  /** Framework of the calls (`context`). */
  @IsString()
  @Length(1, 100)
  API_ENTREPRISE_CONTEXT: string = 'TPS';

  /** Client timeout of one API Entreprise call, in milliseconds (API Entreprise advises 5 s). */
  @IsInt()
  @Min(100)
  @Max(60000)
  API_ENTREPRISE_TIMEOUT_MS: number = 5000;

  /**
   * Total time a lookup request may spend calling API Entreprise, in milliseconds. Keep it
   * below the caller's NATS request timeout (REQUEST_TIMEOUT_MS, 10 s by default). Retries
   * have no total limit.
   */
  @IsInt()
  @Min(100)
  ENRICHMENT_LOOKUP_BUDGET_MS: number = 8000;

  /**
   * Calls per minute this process allows itself. API Entreprise allows 250 per token on JSON
   * routes; with several replicas sharing a token, divide by their number.
   */
  @IsInt()
  @Min(1)
  @Max(250)
  API_ENTREPRISE_MAX_REQUESTS_PER_MINUTE: number = 240;

  /** Lifetime of a found or never-distributed (451) result in the cache, in hours. */
  @IsInt()
  @Min(0)
  ENRICHMENT_CACHE_TTL_HOURS: number = 24;

  /** Lifetime of a "not found" result in the cache, in hours: a new company may appear soon. */
  @IsInt()
  @Min(0)
  ENRICHMENT_NOT_FOUND_TTL_HOURS: number = 1;

  /** First delay before retrying a pending lookup, in milliseconds; it doubles at each attempt. */
  @IsInt()
  @Min(10)
  ENRICHMENT_RETRY_BASE_MS: number = 30000;

  /** Maximum delay between two retries, in milliseconds. */
  @IsInt()
  @Min(10)
  ENRICHMENT_RETRY_MAX_DELAY_MS: number = 6 * 3600 * 1000;

  /** Attempts (the first lookup included) before a pending lookup is given up. */
  @IsInt()
  @Min(1)
  @Max(100)
  ENRICHMENT_MAX_ATTEMPTS: number = 8;

  /** How often the retry worker looks for due pending lookups, in milliseconds. */
  @IsInt()
  @Min(10)
  ENRICHMENT_RETRY_POLL_MS: number = 5000;

  /** Days of API call log kept for quota checks and diagnosis. */
  @IsInt()
  @Min(1)
  ENRICHMENT_CALL_LOG_RETENTION_DAYS: number = 30;
}
