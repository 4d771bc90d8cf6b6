import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  checkSiret,
  type Company,
  SIRET_ERROR_MESSAGES,
  type SiretLookupResult,
  type SiretLookupStatus,
} from '@tps/contracts';
import { DomainError, OutboxRelay } from '@tps/platform';

import type { EnrichmentConfig } from '../enrichment.config';
import { ENRICHMENT_CONFIG } from '../enrichment.tokens';
import { CompanyFetcher } from './company-fetcher.service';
import { LOOKUP_MESSAGES } from './lookup-messages';
import { LookupRepository } from './lookup.repository';

/** Builds the result for the applicant, with a French message unless the data is shown as is. */
export function buildLookupResult(
  siret: string,
  status: SiretLookupStatus,
  company: Company | null,
): SiretLookupResult {
  switch (status) {
    case 'found':
      return company && !company.diffusible
        ? { siret, status, company, message: LOOKUP_MESSAGES.nonDiffusible(siret) }
        : { siret, status, company };
    case 'not_found':
      return { siret, status, company: null, message: LOOKUP_MESSAGES.notFound };
    case 'unavailable_for_legal_reasons':
      return { siret, status, company: null, message: LOOKUP_MESSAGES.unavailableForLegalReasons };
    case 'pending':
      return { siret, status, company: null, message: LOOKUP_MESSAGES.pending };
  }
}

/**
 * Handles `enrichment.siret.lookup`. It validates the SIRET, then returns a fresh cached result or
 * calls API Entreprise. Without a final result the lookup becomes pending, and the retry worker
 * publishes `company.resolved` once it gets one.
 */
@Injectable()
export class SiretLookupService {
  private readonly logger = new Logger(SiretLookupService.name);

  constructor(
    @Inject(ENRICHMENT_CONFIG) private readonly config: EnrichmentConfig,
    @Inject(CompanyFetcher) private readonly fetcher: CompanyFetcher,
    @Inject(LookupRepository) private readonly repository: LookupRepository,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async lookup(rawSiret: string, procedureId: string | null): Promise<SiretLookupResult> {
    const check = checkSiret(rawSiret);
    if (!check.valid) {
      const message = SIRET_ERROR_MESSAGES[check.reason];
      throw DomainError.invalid([{ field: 'siret', message }], message);
    }
    const siret = check.siret;

    const cached = await this.repository.findFresh(siret);
    if (cached) {
      return buildLookupResult(siret, cached.status, cached.company);
    }

    const deadline = Date.now() + this.config.ENRICHMENT_LOOKUP_BUDGET_MS;
    const result = await this.fetcher.fetch(siret, procedureId, deadline);
    if (result.status === 'pending') {
      await this.repository.markPending(siret, procedureId, result.reason, result.retryAt);
      this.logger.warn(
        { siret, procedureId, reason: result.reason },
        'SIRET lookup pending; queued for retry',
      );

      return buildLookupResult(siret, 'pending', null);
    }
    const wroteEvent = await this.repository.saveFinal(siret, result);
    if (wroteEvent) {
      this.relay.poke();
    }

    return buildLookupResult(
      siret,
      result.status,
      result.status === 'found' ? result.company : null,
    );
  }
}
