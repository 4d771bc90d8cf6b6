import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Company } from '@tps/contracts';

import type { ApiCallOutcome } from '../api-entreprise/api-call-outcome';
import {
  type ApiCallParameters,
  ApiEntrepriseClient,
} from '../api-entreprise/api-entreprise.client';
import type {
  ApiEtablissement,
  ApiExtraitKbis,
  ApiUniteLegale,
} from '../api-entreprise/api-entreprise.types';
import { mapCompany } from '../api-entreprise/company.mapper';
import type { EnrichmentConfig } from '../enrichment.config';
import { ENRICHMENT_CONFIG } from '../enrichment.tokens';

/** API Entreprise rejects an `object` of 50 characters or more. */
const MAX_OBJECT_LENGTH = 49;

/**
 * INSEE legal-form categories 7 (public law), 8 (social security, mutual insurers, works
 * councils) and 9 (associations, foundations) are never registered at the RCS, so asking for
 * their extract would spend quota on a certain 404.
 */
const NON_RCS_LEGAL_FORM = /^[789]/;

/** Final result of a SIRET lookup, or `pending` when API Entreprise returned none. */
export type FetchResult =
  | { status: 'found'; company: Company }
  | { status: 'not_found' }
  | { status: 'unavailable_for_legal_reasons' }
  | {
      status: 'pending';
      reason: string;
      /** Earliest instant (epoch milliseconds) for the next call, from Retry-After or `meta.retry_in`. */
      retryAt: number | null;
      /** True when our own quota or a 429 stopped the lookup, rather than an API failure. */
      throttled: boolean;
    };

type NotOk = Exclude<ApiCallOutcome<unknown>, { kind: 'ok' }>;

function pendingFrom(outcome: NotOk): FetchResult {
  switch (outcome.kind) {
    case 'throttled':
      return {
        status: 'pending',
        reason: 'rate limited',
        retryAt: outcome.retryAt,
        throttled: true,
      };
    case 'rejected':
      return {
        status: 'pending',
        reason:
          `rejected: HTTP ${outcome.status} ${outcome.error?.code ?? ''} (request ${outcome.requestId ?? 'unknown'})`.trim(),
        retryAt: null,
        throttled: false,
      };
    case 'unavailable':
      return {
        status: 'pending',
        reason: outcome.reason,
        retryAt: outcome.retryAt,
        throttled: false,
      };
    case 'not_found':
      return { status: 'not_found' };
    case 'unavailable_for_legal_reasons':
      return { status: 'unavailable_for_legal_reasons' };
  }
}

/**
 * Fetches one SIRET from API Entreprise: the établissement, then its unité légale, then the RCS
 * extract for the share capital, and maps them to a Company.
 */
@Injectable()
export class CompanyFetcher {
  private readonly logger = new Logger(CompanyFetcher.name);

  constructor(
    @Inject(ENRICHMENT_CONFIG) private readonly config: EnrichmentConfig,
    @Inject(ApiEntrepriseClient) private readonly client: ApiEntrepriseClient,
  ) {}

  /**
   * Fetches and maps one SIRET, starting no call after `deadline` (epoch milliseconds) when
   * one is given. An unexpected failure (for example a payload that does not
   * match the published format) is logged and returned as `pending`, so it is retried with
   * back-off and eventually given up instead of failing every request.
   */
  async fetch(siret: string, procedureId: string | null, deadline?: number): Promise<FetchResult> {
    try {
      return await this.fetchOrThrow(siret, procedureId, deadline);
    } catch (error) {
      this.logger.error({ err: error, siret, procedureId }, 'SIRET lookup failed unexpectedly');

      return {
        status: 'pending',
        reason: `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
        retryAt: null,
        throttled: false,
      };
    }
  }

  private async fetchOrThrow(
    siret: string,
    procedureId: string | null,
    deadline: number | undefined,
  ): Promise<FetchResult> {
    const siren = siret.slice(0, 9);
    const parameters: ApiCallParameters = {
      object: (procedureId ? `procedure ${procedureId}` : 'TPS').slice(0, MAX_OBJECT_LENGTH),
      recipient: this.recipientFor(siren),
    };

    const etablissement = await this.client.get<ApiEtablissement>(
      `/v3/insee/sirene/etablissements/${siret}`,
      parameters,
      deadline,
    );
    if (etablissement.kind !== 'ok') {
      return pendingFrom(etablissement);
    }

    const uniteLegale = await this.client.get<ApiUniteLegale>(
      `/v3/insee/sirene/unites_legales/${siren}`,
      parameters,
      deadline,
    );
    if (
      uniteLegale.kind !== 'ok' &&
      uniteLegale.kind !== 'not_found' &&
      uniteLegale.kind !== 'unavailable_for_legal_reasons'
    ) {
      return pendingFrom(uniteLegale);
    }
    const unitData = uniteLegale.kind === 'ok' ? uniteLegale.body.data : null;
    const unit = unitData ?? etablissement.body.data.unite_legale;

    const kbis = await this.fetchExtraitKbis(
      siren,
      unit.forme_juridique.code,
      parameters,
      deadline,
    );
    const company = mapCompany(etablissement.body.data, unitData, kbis, new Date());

    return { status: 'found', company };
  }

  /**
   * Returns the RCS extract, or null when the unit is not registered or the Infogreffe call
   * failed. NOTE: a failed extract call leaves the capital null in the cached company rather
   * than holding the whole lookup pending, because Infogreffe fails independently of INSEE.
   */
  private async fetchExtraitKbis(
    siren: string,
    legalFormCode: string | null,
    parameters: ApiCallParameters,
    deadline: number | undefined,
  ): Promise<ApiExtraitKbis | null> {
    if (legalFormCode && NON_RCS_LEGAL_FORM.test(legalFormCode)) {
      return null;
    }
    const outcome = await this.client.get<ApiExtraitKbis>(
      `/v3/infogreffe/rcs/unites_legales/${siren}/extrait_kbis`,
      parameters,
      deadline,
    );
    if (outcome.kind === 'ok') {
      return outcome.body.data;
    }
    if (outcome.kind !== 'not_found' && outcome.kind !== 'unavailable_for_legal_reasons') {
      this.logger.warn(
        { siren, outcome: outcome.kind },
        'RCS extract unavailable; capital left empty',
      );
    }

    return null;
  }

  /** API Entreprise rejects a recipient that belongs to the queried unit: use the fallback then. */
  private recipientFor(siren: string): string {
    const recipient = this.config.API_ENTREPRISE_RECIPIENT;

    return recipient.startsWith(siren) ? this.config.API_ENTREPRISE_FALLBACK_RECIPIENT : recipient;
  }
}
