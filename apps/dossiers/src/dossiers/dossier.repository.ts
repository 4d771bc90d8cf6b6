import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DossierState } from '@tps/contracts';
import { DomainError } from '@tps/platform';
import { DataSource, type EntityManager } from 'typeorm';

import { ProceduresClient } from '../clients/procedures.client';
import { AttachmentEntity } from '../database/attachment.entity';
import { DossierEntity } from '../database/dossier.entity';
import { FieldValueEntity } from '../database/field-value.entity';
import { TransitionEntity } from '../database/transition.entity';
import type { DossierDetails } from './dossier-view.builder';

export const DOSSIER_NOT_FOUND_MESSAGE = 'Dossier introuvable.';

/**
 * Loads dossiers with the access rule of each audience. A dossier the actor may not see is
 * NOT_FOUND, never FORBIDDEN, so ids do not leak.
 */
@Injectable()
export class DossierRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ProceduresClient) private readonly procedures: ProceduresClient,
  ) {}

  /** Loads a dossier the actor owns, else raises NOT_FOUND. `lock` takes a row lock in the caller's transaction. */
  async requireOwned(
    actor: Actor,
    dossierId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<DossierEntity> {
    const dossier = await this.find(manager, dossierId, lock);
    if (!dossier || dossier.applicantAccountId !== actor.accountId) {
      throw DomainError.notFound(DOSSIER_NOT_FOUND_MESSAGE);
    }

    return dossier;
  }

  /** Loads a submitted dossier whose procedure the actor instructs, else raises NOT_FOUND. */
  async requireInstructed(actor: Actor, dossierId: string): Promise<DossierEntity> {
    const dossier = await this.find(this.dataSource.manager, dossierId, false);
    if (!dossier || dossier.state === DossierState.Brouillon) {
      throw DomainError.notFound(DOSSIER_NOT_FOUND_MESSAGE);
    }
    await this.requireInstructorOf(actor, dossier.procedureId);

    return dossier;
  }

  /** Raises NOT_FOUND unless the actor is an instructor of the procedure. */
  async requireInstructorOf(
    actor: Actor,
    procedureId: string,
    message = DOSSIER_NOT_FOUND_MESSAGE,
  ): Promise<void> {
    if (!(await this.procedures.isInstructor(actor, procedureId))) {
      throw DomainError.notFound(message);
    }
  }

  async find(
    manager: EntityManager,
    dossierId: string,
    lock: boolean,
  ): Promise<DossierEntity | null> {
    const query = manager
      .createQueryBuilder(DossierEntity, 'dossier')
      .where('dossier.id = :dossierId', { dossierId });
    if (lock) {
      query.setLock('pessimistic_write');
    }

    return query.getOne();
  }

  async loadDetails(
    dossier: DossierEntity,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DossierDetails> {
    const reads = [
      () => this.procedures.getRevision(dossier.revisionId, manager),
      () => manager.find(FieldValueEntity, { where: { dossierId: dossier.id } }),
      () =>
        manager.find(AttachmentEntity, {
          where: { dossierId: dossier.id },
          order: { uploadedAt: 'ASC', id: 'ASC' },
        }),
      () =>
        manager.find(TransitionEntity, {
          where: { dossierId: dossier.id },
          order: { at: 'ASC', id: 'ASC' },
        }),
    ] as const;
    // A transaction has one connection, and pg deprecates queuing queries on a busy client. So the
    // reads run in turn inside a transaction, and in parallel on pooled connections outside one.
    const [revision, values, attachments, transitions] = manager.queryRunner
      ? [await reads[0](), await reads[1](), await reads[2](), await reads[3]()]
      : await Promise.all([reads[0](), reads[1](), reads[2](), reads[3]()]);

    return { dossier, revision, values, attachments, transitions };
  }
}
