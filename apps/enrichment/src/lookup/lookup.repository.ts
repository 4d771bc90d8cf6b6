import { Inject, Injectable } from '@nestjs/common';
import { type CompanyResolvedV1, EventSubjects } from '@tps/contracts';
import { OutboxWriter } from '@tps/platform';
import { DataSource, type EntityManager } from 'typeorm';

import { CompanyCacheEntity } from '../database/company-cache.entity';
import type { EnrichmentConfig } from '../enrichment.config';
import { ENRICHMENT_CONFIG } from '../enrichment.tokens';
import type { FetchResult } from './company-fetcher.service';

const HOUR_MS = 3600 * 1000;

export type FinalResult = Exclude<FetchResult, { status: 'pending' }>;

/** Cache, pending lookups and outbox of the enrichment schema. */
@Injectable()
export class LookupRepository {
  private readonly outbox = new OutboxWriter('/tps/enrichment');

  constructor(
    @Inject(ENRICHMENT_CONFIG) private readonly config: EnrichmentConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /** Returns the cached result of a SIRET when it has not expired. */
  async findFresh(siret: string): Promise<CompanyCacheEntity | null> {
    return this.dataSource
      .getRepository(CompanyCacheEntity)
      .createQueryBuilder('cache')
      .where('cache.siret = :siret', { siret })
      .andWhere('cache.expires_at > now()')
      .getOne();
  }

  /** Stores a final result; see `saveFinalWith`. Returns whether an event was written. */
  async saveFinal(siret: string, result: FinalResult): Promise<boolean> {
    return this.dataSource.transaction((manager) => this.saveFinalWith(manager, siret, result));
  }

  /**
   * Caches a final result and, when the SIRET was pending, deletes the pending row and writes
   * `CompanyResolvedV1` to the outbox in the same transaction. Returns whether it wrote the event.
   */
  async saveFinalWith(
    manager: EntityManager,
    siret: string,
    result: FinalResult,
  ): Promise<boolean> {
    const now = new Date();
    const ttlHours =
      result.status === 'not_found'
        ? this.config.ENRICHMENT_NOT_FOUND_TTL_HOURS
        : this.config.ENRICHMENT_CACHE_TTL_HOURS;
    const company = result.status === 'found' ? result.company : null;
    await manager
      .createQueryBuilder()
      .insert()
      .into(CompanyCacheEntity)
      .values({
        siret,
        status: result.status,
        company,
        fetchedAt: now,
        expiresAt: new Date(now.getTime() + ttlHours * HOUR_MS),
      })
      .orUpdate(['status', 'company', 'fetched_at', 'expires_at'], ['siret'])
      .execute();
    const deleted: unknown[] = await manager.query(
      'DELETE FROM pending_lookup WHERE siret = $1 RETURNING siret',
      [siret],
    );
    // TypeORM returns [rows, count] for a DELETE … RETURNING on PostgreSQL.
    const rows = Array.isArray(deleted[0]) ? (deleted[0] as unknown[]) : deleted;
    if (rows.length === 0) {
      return false;
    }
    const event: CompanyResolvedV1 = {
      siret,
      status: result.status,
      company,
      resolvedAt: now.toISOString(),
    };
    await this.outbox.add(manager, EventSubjects.companyResolved, siret, event);

    return true;
  }

  /**
   * Records a lookup that got no final result. A new row is due after the base delay, or later
   * when the API sent a retry hint. An existing row keeps its schedule unless it was given up, in
   * which case it starts over.
   */
  async markPending(
    siret: string,
    procedureId: string | null,
    reason: string,
    retryAt: number | null,
  ): Promise<void> {
    const firstAttemptAt = new Date(
      Math.max(Date.now() + this.config.ENRICHMENT_RETRY_BASE_MS, retryAt ?? 0),
    );
    await this.dataSource.query(
      `INSERT INTO pending_lookup (siret, attempts, next_attempt_at, last_error, procedure_id)
       VALUES ($1, 1, $2, $3, $4)
       ON CONFLICT (siret) DO UPDATE SET
         last_error = EXCLUDED.last_error,
         procedure_id = COALESCE(pending_lookup.procedure_id, EXCLUDED.procedure_id),
         attempts = CASE WHEN pending_lookup.gave_up_at IS NULL THEN pending_lookup.attempts ELSE 1 END,
         next_attempt_at = CASE WHEN pending_lookup.gave_up_at IS NULL
           THEN pending_lookup.next_attempt_at ELSE EXCLUDED.next_attempt_at END,
         gave_up_at = NULL`,
      [siret, firstAttemptAt, reason, procedureId],
    );
  }
}
