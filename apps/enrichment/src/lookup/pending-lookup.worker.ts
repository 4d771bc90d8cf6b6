import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { OutboxRelay } from '@tps/platform';
import { DataSource, type EntityManager } from 'typeorm';

import type { EnrichmentConfig } from '../enrichment.config';
import { ENRICHMENT_CONFIG } from '../enrichment.tokens';
import { CompanyFetcher } from './company-fetcher.service';
import { LookupRepository } from './lookup.repository';

/** Maximum pending rows retried per pass, so that one pass stays short. */
const BATCH_SIZE = 20;
const PRUNE_INTERVAL_MS = 3600 * 1000;

interface PendingRow {
  siret: string;
  attempts: number;
  procedure_id: string | null;
}

/**
 * Retries pending SIRET lookups with exponential back-off. Each row is claimed with
 * `FOR UPDATE SKIP LOCKED` in its own transaction, so replicas never retry the same SIRET at
 * once. A final result is cached, the row deleted and `CompanyResolvedV1` written to the outbox
 * in that transaction.
 */
@Injectable()
export class PendingLookupWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PendingLookupWorker.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopping = false;
  private lastPruneAt = 0;

  constructor(
    @Inject(ENRICHMENT_CONFIG) private readonly config: EnrichmentConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CompanyFetcher) private readonly fetcher: CompanyFetcher,
    @Inject(LookupRepository) private readonly repository: LookupRepository,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  onApplicationBootstrap(): void {
    this.stopping = false;
    this.schedule();
    this.logger.log(
      { pollMs: this.config.ENRICHMENT_RETRY_POLL_MS },
      'pending lookup worker started',
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    while (this.running) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    this.logger.log('pending lookup worker stopped');
  }

  /** Delay before attempt `attempts + 1`: base × 2^(attempts − 1), capped, with ±10 % jitter. */
  backoffMs(attempts: number): number {
    const exponential = this.config.ENRICHMENT_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1);
    const capped = Math.min(exponential, this.config.ENRICHMENT_RETRY_MAX_DELAY_MS);

    return Math.round(capped * (0.9 + Math.random() * 0.2));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), this.config.ENRICHMENT_RETRY_POLL_MS);
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopping) {
      return;
    }
    this.running = true;
    try {
      for (let handled = 0; handled < BATCH_SIZE && !this.stopping; handled++) {
        const outcome = await this.retryNextDue();
        if (outcome !== 'retried') {
          break;
        }
      }
      await this.pruneCallLog();
    } catch (error) {
      this.logger.error({ err: error }, 'pending lookup pass failed');
    } finally {
      this.running = false;
    }
    if (!this.stopping) {
      this.schedule();
    }
  }

  /** Retries the most overdue pending lookup, if any. */
  async retryNextDue(): Promise<'idle' | 'retried' | 'throttled'> {
    let wroteEvent = false;
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT siret, attempts, procedure_id FROM pending_lookup
         WHERE gave_up_at IS NULL AND next_attempt_at <= now()
         ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      const row = rows[0];
      if (!row) {
        return 'idle' as const;
      }
      const result = await this.fetcher.fetch(row.siret, row.procedure_id);
      if (result.status !== 'pending') {
        wroteEvent = await this.repository.saveFinalWith(manager, row.siret, result);
        this.logger.log(
          { siret: row.siret, status: result.status, attempts: row.attempts + 1 },
          'pending lookup resolved',
        );

        return 'retried' as const;
      }
      if (result.throttled) {
        // Our own quota or a 429: not a failed attempt, just wait for the allowed instant.
        await manager.query('UPDATE pending_lookup SET next_attempt_at = $2 WHERE siret = $1', [
          row.siret,
          new Date(result.retryAt ?? Date.now() + this.config.ENRICHMENT_RETRY_BASE_MS),
        ]);

        return 'throttled' as const;
      }
      await this.recordFailure(manager, row, result.reason, result.retryAt);

      return 'retried' as const;
    });
    if (wroteEvent) {
      this.relay.poke();
    }

    return outcome;
  }

  private async recordFailure(
    manager: EntityManager,
    row: PendingRow,
    reason: string,
    retryAt: number | null,
  ): Promise<void> {
    const attempts = row.attempts + 1;
    if (attempts >= this.config.ENRICHMENT_MAX_ATTEMPTS) {
      await manager.query(
        'UPDATE pending_lookup SET attempts = $2, last_error = $3, gave_up_at = now() WHERE siret = $1',
        [row.siret, attempts, reason],
      );
      this.logger.error(
        { siret: row.siret, procedureId: row.procedure_id, attempts, lastError: reason },
        'SIRET lookup given up after the maximum number of attempts; a new lookup starts it over',
      );

      return;
    }
    const nextAttemptAt = new Date(Math.max(Date.now() + this.backoffMs(attempts), retryAt ?? 0));
    await manager.query(
      'UPDATE pending_lookup SET attempts = $2, last_error = $3, next_attempt_at = $4 WHERE siret = $1',
      [row.siret, attempts, reason, nextAttemptAt],
    );
    this.logger.warn(
      { siret: row.siret, attempts, nextAttemptAt: nextAttemptAt.toISOString(), reason },
      'SIRET lookup retry failed; will retry',
    );
  }

  private async pruneCallLog(): Promise<void> {
    if (Date.now() - this.lastPruneAt < PRUNE_INTERVAL_MS) {
      return;
    }
    this.lastPruneAt = Date.now();
    await this.dataSource.query(
      `DELETE FROM api_call_log WHERE at < now() - make_interval(days => $1)`,
      [this.config.ENRICHMENT_CALL_LOG_RETENTION_DAYS],
    );
  }
}
