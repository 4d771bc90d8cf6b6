import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  type ProcedureAccess,
  ProcedureSubjects,
  type PublicProcedureView,
  type RevisionView,
  type RevisionWithProcedure,
  SYSTEM_ACTOR,
} from '@tps/contracts';
import { NatsRequester } from '@tps/platform';
import { DataSource, type EntityManager } from 'typeorm';

import { RevisionCacheEntity } from '../database/revision-cache.entity';

/**
 * Requests to the procedures service. Published revisions are frozen, so each one is fetched once
 * and kept in `revision_cache`.
 */
@Injectable()
export class ProceduresClient {
  constructor(
    @Inject(NatsRequester) private readonly requester: NatsRequester,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /** Published or closed procedure with its published revision; NOT_FOUND for a draft or unknown id. */
  async getPublicProcedure(actor: Actor, procedureId: string): Promise<PublicProcedureView> {
    return this.requester.send<PublicProcedureView>(ProcedureSubjects.getPublic, actor, {
      idOrPath: procedureId,
    });
  }

  async isInstructor(actor: Actor, procedureId: string): Promise<boolean> {
    const access = await this.requester.send<ProcedureAccess>(ProcedureSubjects.getAccess, actor, {
      procedureId,
    });

    return access.roles.includes('instructor');
  }

  /**
   * Returns a published revision from the cache, or else fetches it from the procedures service.
   * Inside a transaction pass its manager, because a second pool connection per transaction can
   * exhaust the pool while transactions wait on each other's row locks.
   */
  async getRevision(
    revisionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RevisionView> {
    const cached = await manager.findOneBy(RevisionCacheEntity, { revisionId });
    if (cached) {
      return cached.content;
    }
    const fetched = await this.requester.send<RevisionWithProcedure>(
      ProcedureSubjects.getRevision,
      SYSTEM_ACTOR,
      { revisionId },
    );
    await this.rememberRevision(fetched.revision, manager);

    return fetched.revision;
  }

  /** Stores a published revision in the cache; a concurrent insert of the same one is ignored. */
  async rememberRevision(
    revision: RevisionView,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO revision_cache (revision_id, content) VALUES ($1, $2)
       ON CONFLICT (revision_id) DO NOTHING`,
      [revision.id, JSON.stringify(revision)],
    );
  }
}
