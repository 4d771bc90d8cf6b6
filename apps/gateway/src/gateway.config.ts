import { tmpdir } from 'node:os';

import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { ObjectStorageConfig } from '@tps/platform';

/** Settings of the gateway, read from the environment by `loadConfig`. */
export class GatewayConfig extends ObjectStorageConfig {
  override HTTP_PORT = 3000;

  /** Origin the web front is served from; cookie-authenticated writes must come from it. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL = 'http://localhost:3000';

  /** Upper bound of one upload in bytes; a field may set a lower one. */
  @IsInt()
  @Min(1)
  MAX_UPLOAD_BYTES: number = 20 * 1024 * 1024;

  /** Directory where uploads are written before they are checked and sent to S3. */
  @IsString()
  UPLOAD_TMP_DIR = tmpdir();

  /** Lifetime of a browser session, in hours. */
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  SESSION_TTL_HOURS: number = 12;

  /**
   * `Secure` flag of the session cookie. When unset it is on, except when PUBLIC_URL is plain
   * http on localhost or 127.0.0.1.
   */
  @IsOptional()
  @Transform(({ obj }: { obj: Record<string, unknown> }) => parseBoolean(obj.COOKIE_SECURE))
  @IsBoolean()
  COOKIE_SECURE?: boolean;

  /** Failed sign-ins for one e-mail address within the window before sign-in returns 429. */
  @IsInt()
  @Min(1)
  SIGN_IN_MAX_FAILURES: number = 5;

  /**
   * Failed sign-ins from one IP address within the window before sign-in returns 429. Higher
   * than the per-address limit because offices share one public address.
   */
  @IsInt()
  @Min(1)
  SIGN_IN_MAX_FAILURES_PER_IP: number = 50;

  /** Sliding window of the sign-in limits, in minutes. */
  @IsInt()
  @Min(1)
  SIGN_IN_WINDOW_MINUTES: number = 15;

  /**
   * Directory of the built web front (index.html and assets/), served at `/`. Relative paths
   * are read from the working directory. Empty turns the front off (API only).
   */
  @IsString()
  WEB_ROOT = 'dist/web';

  /** Largest JSON body accepted, in bytes. */
  @IsInt()
  @Min(1024)
  MAX_JSON_BODY_BYTES: number = 1024 * 1024;
}

/** Resolves the cookie `Secure` flag from COOKIE_SECURE and PUBLIC_URL. */
export function isCookieSecure(config: GatewayConfig): boolean {
  if (config.COOKIE_SECURE !== undefined) {
    return config.COOKIE_SECURE;
  }
  const url = new URL(config.PUBLIC_URL);
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';

  return !(url.protocol === 'http:' && local);
}

/** Reads `true`/`false` from the environment; implicit conversion would turn "false" into true. */
function parseBoolean(raw: unknown): unknown {
  if (raw === 'true' || raw === '1') {
    return true;
  }
  if (raw === 'false' || raw === '0') {
    return false;
  }

  return raw;
}
