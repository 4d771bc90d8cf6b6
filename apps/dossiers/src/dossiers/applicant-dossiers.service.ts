import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import {
  acceptsDirectValue,
  type Actor,
  APPLICANT_EDITABLE_STATES,
  DOSSIER_STATE_LABELS,
  type DossierSummary,
  DossierState,
  type DossierView,
  ErrorCode,
  EventSubjects,
  type FieldDefinition,
  type FieldError,
  FieldType,
  isEmptyFieldValue,
  type NormalizedFieldValue,
  normalizeFieldValue,
  type SiretFieldData,
} from '@tps/contracts';
import { DomainError, OutboxRelay, OutboxWriter } from '@tps/platform';
import { DataSource, type EntityManager } from 'typeorm';

import { EnrichmentClient } from '../clients/enrichment.client';
import { ProceduresClient } from '../clients/procedures.client';
import { DossierEntity } from '../database/dossier.entity';
import { FieldValueEntity } from '../database/field-value.entity';
import { returnedRows } from '../database/returned-rows';
import { TransitionEntity } from '../database/transition.entity';
import { DossierRepository } from './dossier.repository';
import { toDossierView, toStateChangedEvent, toSummary } from './dossier-view.builder';
import { findSubmissionErrors } from './submission-check';

const PROCEDURE_NOT_FOUND_MESSAGE = 'Démarche introuvable.';
const PROCEDURE_CLOSED_MESSAGE =
  'Cette démarche est close : elle n’accepte plus de nouveaux dossiers ni de dépôts.';

/** Applicant commands on their own dossiers: create, read, fill and submit. */
@Injectable()
export class ApplicantDossiersService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(ProceduresClient) private readonly procedures: ProceduresClient,
    @Inject(EnrichmentClient) private readonly enrichment: EnrichmentClient,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  /** Starts a brouillon pinned to the procedure's published revision. */
  async create(actor: Actor, procedureId: string): Promise<DossierView> {
    const procedure = await this.procedures.getPublicProcedure(actor, procedureId);
    if (procedure.state === 'close') {
      throw new DomainError(ErrorCode.ProcedureClosed, PROCEDURE_CLOSED_MESSAGE);
    }
    if (procedure.state !== 'publiee' || !procedure.publishedRevision) {
      throw DomainError.notFound(PROCEDURE_NOT_FOUND_MESSAGE);
    }
    await this.procedures.rememberRevision(procedure.publishedRevision);
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO dossier (id, procedure_id, revision_id, procedure_title, organisation,
         applicant_account_id, applicant_email, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        procedure.id,
        procedure.publishedRevision.id,
        procedure.title,
        procedure.organisation,
        actor.accountId,
        actor.email,
        DossierState.Brouillon,
      ],
    );

    return this.get(actor, id);
  }

  async get(actor: Actor, dossierId: string): Promise<DossierView> {
    const dossier = await this.dossiers.requireOwned(actor, dossierId);

    return toDossierView(await this.dossiers.loadDetails(dossier), 'applicant');
  }

  async listMine(actor: Actor, state?: DossierState): Promise<DossierSummary[]> {
    const dossiers = await this.dataSource.manager.find(DossierEntity, {
      where: { applicantAccountId: actor.accountId, ...(state ? { state } : {}) },
      order: { updatedAt: 'DESC', id: 'DESC' },
    });

    return dossiers.map(toSummary);
  }

  /**
   * Validates every value before storing any: one invalid value rejects the whole request with
   * the list of invalid fields. SIRET values that changed are looked up before the transaction.
   */
  async updateFields(
    actor: Actor,
    dossierId: string,
    rawValues: Record<string, unknown>,
  ): Promise<DossierView> {
    const current = await this.dossiers.requireOwned(actor, dossierId);
    assertEditable(current);
    const revision = await this.procedures.getRevision(current.revisionId);
    const definitions = new Map(
      revision.fields.map((definition) => [definition.stableId, definition]),
    );

    const errors: FieldError[] = [];
    const normalized = new Map<
      string,
      { definition: FieldDefinition; value: NormalizedFieldValue }
    >();
    for (const [stableId, raw] of Object.entries(rawValues)) {
      const definition = definitions.get(stableId);
      if (!definition || !acceptsDirectValue(definition.type)) {
        errors.push({
          field: `values.${stableId}`,
          ...(definition ? { label: definition.label } : {}),
          message: definition
            ? 'Ce champ ne prend pas de valeur saisie : utilisez l’envoi de fichier pour une pièce justificative.'
            : 'Ce champ n’existe pas dans le formulaire de ce dossier.',
        });
        continue;
      }
      const result = normalizeFieldValue(definition, raw);
      if (
        result.ok &&
        current.state === DossierState.EnConstruction &&
        definition.required &&
        isEmptyFieldValue(definition, result.value)
      ) {
        errors.push({
          field: `values.${stableId}`,
          label: definition.label,
          message: 'Ce champ est obligatoire et le dossier est déposé : il ne peut pas être vidé.',
        });
      } else if (result.ok) {
        normalized.set(stableId, { definition, value: result.value });
      } else {
        errors.push({
          field: `values.${stableId}`,
          label: definition.label,
          message: result.message,
        });
      }
    }
    if (errors.length > 0) {
      throw DomainError.invalid(errors);
    }

    const siretData = await this.lookUpChangedSirets(actor, current, normalized);

    await this.dataSource.transaction(async (manager) => {
      const dossier = await this.dossiers.requireOwned(actor, dossierId, manager, true);
      assertEditable(dossier);
      for (const [stableId, { value }] of normalized) {
        const lookedUp = siretData.get(stableId);
        await manager.query(
          `INSERT INTO field_value (dossier_id, stable_id, value, siret_data, updated_at)
           VALUES ($1, $2, $3::jsonb, $4::jsonb, now())
           ON CONFLICT (dossier_id, stable_id) DO UPDATE SET
             value = EXCLUDED.value,
             siret_data = CASE WHEN $5::boolean THEN EXCLUDED.siret_data ELSE field_value.siret_data END,
             updated_at = now()`,
          [
            dossierId,
            stableId,
            JSON.stringify(value),
            lookedUp ? JSON.stringify(lookedUp) : null,
            siretData.has(stableId),
          ],
        );
      }
      await manager.query(
        'UPDATE dossier SET version = version + 1, updated_at = now() WHERE id = $1',
        [dossierId],
      );
    });

    return this.get(actor, dossierId);
  }

  /**
   * Returns, per SIRET field whose value changed, the new lookup result; a cleared SIRET maps to
   * null so that its old company data is removed.
   */
  private async lookUpChangedSirets(
    actor: Actor,
    dossier: DossierEntity,
    normalized: Map<string, { definition: FieldDefinition; value: NormalizedFieldValue }>,
  ): Promise<Map<string, SiretFieldData | null>> {
    const siretIds = [...normalized]
      .filter(([, entry]) => entry.definition.type === FieldType.Siret)
      .map(([id]) => id);
    const result = new Map<string, SiretFieldData | null>();
    if (siretIds.length === 0) {
      return result;
    }
    const stored = await this.dataSource.manager.find(FieldValueEntity, {
      where: { dossierId: dossier.id },
    });
    const storedById = new Map(stored.map((value) => [value.stableId, value]));
    await Promise.all(
      siretIds.map(async (stableId) => {
        const value = normalized.get(stableId)?.value;
        const previous = storedById.get(stableId);
        if (previous && previous.value === value && previous.siretData) {
          return;
        }
        result.set(
          stableId,
          typeof value === 'string'
            ? await this.enrichment.lookupSiret(actor, value, dossier.procedureId)
            : null,
        );
      }),
    );

    return result;
  }

  /** Moves a complete brouillon to en_construction and publishes `dossier.submitted`. */
  async submit(actor: Actor, dossierId: string, correlationId?: string): Promise<DossierView> {
    const current = await this.dossiers.requireOwned(actor, dossierId);
    if (current.state !== DossierState.Brouillon) {
      throw invalidTransition(current, 'Ce dossier a déjà été déposé.');
    }
    const procedure = await this.procedures.getPublicProcedure(actor, current.procedureId);
    if (procedure.state === 'close') {
      throw new DomainError(ErrorCode.ProcedureClosed, PROCEDURE_CLOSED_MESSAGE);
    }

    await this.dataSource.transaction(async (manager) => {
      const dossier = await this.dossiers.requireOwned(actor, dossierId, manager, true);
      if (dossier.state !== DossierState.Brouillon) {
        throw invalidTransition(dossier, 'Ce dossier a déjà été déposé.');
      }
      const details = await this.dossiers.loadDetails(dossier, manager);
      const errors = findSubmissionErrors(
        details.revision.fields,
        details.values,
        details.attachments,
      );
      if (errors.length > 0) {
        const summary = errors.map((error) => `« ${error.label} » : ${error.message}`).join(' ; ');
        throw DomainError.invalid(errors, `Le dossier ne peut pas être déposé. ${summary}`);
      }
      const [updated] = returnedRows<{ id: string }>(
        await manager.query(
          `UPDATE dossier SET state = $2, submitted_at = now(), updated_at = now(), version = version + 1
         WHERE id = $1 RETURNING id`,
          [dossierId, DossierState.EnConstruction],
        ),
      );
      if (!updated) {
        throw DomainError.notFound('Dossier introuvable.');
      }
      await this.recordTransition(manager, dossier, actor, DossierState.EnConstruction);
      const after = await this.dossiers.loadDetails(
        (await this.dossiers.find(manager, dossierId, false)) as DossierEntity,
        manager,
      );
      await this.outbox.add(
        manager,
        EventSubjects.dossierSubmitted,
        dossierId,
        toStateChangedEvent(after, {
          fromState: DossierState.Brouillon,
          action: 'deposer',
          actorEmail: actor.email,
          transitionMotivation: null,
        }),
        correlationId,
      );
    });
    this.relay.poke();

    return this.get(actor, dossierId);
  }

  private async recordTransition(
    manager: EntityManager,
    dossier: DossierEntity,
    actor: Actor,
    toState: DossierState,
  ): Promise<void> {
    await manager.insert(TransitionEntity, {
      id: randomUUID(),
      dossierId: dossier.id,
      fromState: dossier.state,
      toState,
      action: 'deposer',
      actorAccountId: actor.accountId,
      actorEmail: actor.email,
      motivation: null,
      at: new Date(),
    });
  }
}

function assertEditable(dossier: DossierEntity): void {
  if (!APPLICANT_EDITABLE_STATES.has(dossier.state)) {
    throw new DomainError(
      ErrorCode.Conflict,
      `Ce dossier est « ${DOSSIER_STATE_LABELS[dossier.state]} » : ses champs ne peuvent plus être modifiés.`,
      { currentState: dossier.state, currentVersion: dossier.version },
    );
  }
}

function invalidTransition(dossier: DossierEntity, message: string): DomainError {
  return new DomainError(ErrorCode.InvalidTransition, message, {
    currentState: dossier.state,
    currentVersion: dossier.version,
  });
}
