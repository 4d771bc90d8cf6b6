import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@tps/contracts';
import { DomainError } from '@tps/platform';
import { DataSource } from 'typeorm';

import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG, GATEWAY_DATA_SOURCE } from '../gateway.tokens';

/**
 * Limits failed sign-ins per e-mail address and per IP address over a sliding window, from the
 * `sign_in_attempt` table, so the limit applies across gateway replicas.
 */
@Injectable()
export class SignInLimiterService {
  private readonly logger = new Logger(SignInLimiterService.name);

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(GATEWAY_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /** Throws RATE_LIMITED, with the seconds to wait in `details.retryAfterSeconds`, when over a limit. */
  async assertAllowed(email: string, ip: string | null): Promise<void> {
    const waits = [await this.secondsUntilBelow('email', email, this.config.SIGN_IN_MAX_FAILURES)];
    if (ip) {
      waits.push(await this.secondsUntilBelow('ip', ip, this.config.SIGN_IN_MAX_FAILURES_PER_IP));
    }
    const retryAfterSeconds = Math.max(...waits);
    if (retryAfterSeconds <= 0) {
      return;
    }
    this.logger.warn({ ip, retryAfterSeconds }, 'sign-in rate limited');
    const minutes = Math.ceil(retryAfterSeconds / 60);

    throw new DomainError(
      ErrorCode.RateLimited,
      `Trop de tentatives de connexion échouées. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      { retryAfterSeconds },
    );
  }

  async record(email: string, ip: string | null, success: boolean): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO sign_in_attempt (email, ip, at, success) VALUES ($1, $2, now(), $3)',
      [email, ip, success],
    );
  }

  /** Deletes attempts older than the window; called now and then by sign-in. */
  async prune(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM sign_in_attempt WHERE at < now() - make_interval(mins => $1)`,
      [this.config.SIGN_IN_WINDOW_MINUTES],
    );
  }

  /**
   * Seconds until fewer than `max` failures remain in the window: the moment the max-th most
   * recent failure leaves it. Zero or less when the key is under the limit.
   */
  private async secondsUntilBelow(
    column: 'email' | 'ip',
    value: string,
    max: number,
  ): Promise<number> {
    const rows: Array<{ wait: string | number }> = await this.dataSource.query(
      `SELECT extract(epoch FROM (at + make_interval(mins => $2)) - now()) AS wait
         FROM sign_in_attempt
        WHERE ${column} = $1 AND NOT success AND at > now() - make_interval(mins => $2)
        ORDER BY at DESC
        OFFSET $3 LIMIT 1`,
      [value, this.config.SIGN_IN_WINDOW_MINUTES, max - 1],
    );

    return rows.length === 0 ? 0 : Math.ceil(Number(rows[0].wait));
  }
}
