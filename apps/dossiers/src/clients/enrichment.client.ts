import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type Actor,
  EnrichmentSubjects,
  ErrorCode,
  type SiretFieldData,
  type SiretLookupResult,
} from '@tps/contracts';
import { DomainError, NatsRequester } from '@tps/platform';

import type { DossiersConfig } from '../dossiers.config';
import { DOSSIERS_CONFIG } from '../dossiers.tokens';

const PENDING_MESSAGE =
  'Les informations de cet établissement n’ont pas encore pu être récupérées. Vous pouvez tout de même déposer votre dossier.';

/** SIRET lookups through the enrichment service. */
@Injectable()
export class EnrichmentClient {
  private readonly logger = new Logger(EnrichmentClient.name);

  constructor(
    @Inject(NatsRequester) private readonly requester: NatsRequester,
    @Inject(DOSSIERS_CONFIG) private readonly config: DossiersConfig,
  ) {}

  /**
   * Looks a SIRET up. A timeout or a missing enrichment service gives a `pending` result, so the
   * applicant may still submit, and a later `company.resolved` event completes the field.
   */
  async lookupSiret(actor: Actor, siret: string, procedureId: string): Promise<SiretFieldData> {
    try {
      const result = await this.requester.send<SiretLookupResult>(
        EnrichmentSubjects.lookupSiret,
        actor,
        { siret, procedureId },
        { timeoutMs: this.config.SIRET_LOOKUP_TIMEOUT_MS },
      );

      return {
        status: result.status,
        company: result.company,
        ...(result.message ? { message: result.message } : {}),
      };
    } catch (error) {
      if (
        error instanceof DomainError &&
        (error.code === ErrorCode.Timeout || error.code === ErrorCode.ServiceUnavailable)
      ) {
        this.logger.warn(
          { code: error.code, procedureId },
          'SIRET lookup unavailable; stored as pending',
        );

        return { status: 'pending', company: null, message: PENDING_MESSAGE };
      }
      throw error;
    }
  }
}
