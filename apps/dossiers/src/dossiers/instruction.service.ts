import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  DOSSIER_STATE_LABELS,
  type DossierCountByState,
  type DossierPage,
  DossierState,
  type DossierView,
  ErrorCode,
  EventSubjects,
  InstructorAction,
  type ListDossiersDto,
  MOTIVATION_REQUIRED,
  TERMINAL_STATES,
  type TransitionDossierDto,
  TRANSITIONS,
  type TransitionView,
} from '@tps/contracts';
import { DomainError, OutboxRelay, OutboxWriter } from '@tps/platform';
import { DataSource, type EntityManager } from 'typeorm';

import { DossierEntity } from '../database/dossier.entity';
import { returnedRows } from '../database/returned-rows';
import { TransitionEntity } from '../database/transition.entity';
import { CURSOR_TIMESTAMP_SQL, decodeCursor, encodeCursor } from './dossier-cursor';
import { DossierRepository } from './dossier.repository';
import { toDossierView, toStateChangedEvent, toSummary } from './dossier-view.builder';

const DEFAULT_PAGE_SIZE = 50;
const PROCEDURE_NOT_FOUND_MESSAGE = 'Démarche introuvable.';

const EVENT_OF_ACTION: Record<InstructorAction, string> = {
  [InstructorAction.PasserEnInstruction]: EventSubjects.dossierInstructionStarted,
  [InstructorAction.RepasserEnConstruction]: EventSubjects.dossierReturnedToConstruction,
  [InstructorAction.Accepter]: EventSubjects.dossierAccepted,
  [InstructorAction.Refuser]: EventSubjects.dossierRefused,
  [InstructorAction.ClasserSansSuite]: EventSubjects.dossierClosedWithoutFollowUp,
};

const ACTION_LABELS: Record<InstructorAction, string> = {
  [InstructorAction.PasserEnInstruction]: 'passé en instruction',
  [InstructorAction.RepasserEnConstruction]: 'repassé en construction',
  [InstructorAction.Accepter]: 'accepté',
  [InstructorAction.Refuser]: 'refusé',
  [InstructorAction.ClasserSansSuite]: 'classé sans suite',
};

/** Instructor commands on the submitted dossiers of their procedures. */
@Injectable()
export class InstructionService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async get(actor: Actor, dossierId: string): Promise<DossierView> {
    const dossier = await this.dossiers.requireInstructed(actor, dossierId);

    return toDossierView(await this.dossiers.loadDetails(dossier), 'instructor');
  }

  /**
   * Lists one page of submitted dossiers, newest change first. Keyset paging on (updated_at, id)
   * runs over an index of the same columns, so a deep page costs what the first one costs.
   * Without `archived`, archived dossiers are left out. Without `state`, every submitted state is listed.
   */
  async list(actor: Actor, query: ListDossiersDto): Promise<DossierPage> {
    await this.dossiers.requireInstructorOf(actor, query.procedureId, PROCEDURE_NOT_FOUND_MESSAGE);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const archived = query.archived === true || query.archived === 'true';
    const builder = this.dataSource.manager
      .createQueryBuilder(DossierEntity, 'dossier')
      .addSelect(CURSOR_TIMESTAMP_SQL, 'cursor_updated_at')
      .where('dossier.procedure_id = :procedureId', { procedureId: query.procedureId })
      .andWhere('dossier.archived = :archived', { archived });
    if (query.state) {
      if (query.state === DossierState.Brouillon) {
        return { items: [], nextCursor: null };
      }
      builder.andWhere('dossier.state = :state', { state: query.state });
    } else {
      builder.andWhere(`dossier.state <> 'brouillon'`);
    }
    const search = parseSearch(query.search);
    if (search?.number) {
      builder.andWhere('dossier.number = CAST(:number AS bigint)', { number: search.number });
    } else if (search?.emailPart) {
      builder.andWhere(`dossier.applicant_email ILIKE :emailPattern ESCAPE '\\'`, {
        emailPattern: `%${escapeLikePattern(search.emailPart)}%`,
      });
    }
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      builder.andWhere(
        '(dossier.updated_at, dossier.id) < (CAST(:cursorUpdatedAt AS timestamptz), CAST(:cursorId AS uuid))',
        {
          cursorUpdatedAt: cursor.updatedAt,
          cursorId: cursor.id,
        },
      );
    }
    const { entities, raw } = await builder
      .orderBy('dossier.updated_at', 'DESC')
      .addOrderBy('dossier.id', 'DESC')
      .limit(limit + 1)
      .getRawAndEntities<{ cursor_updated_at: string }>();

    const hasMore = entities.length > limit;
    const items = entities.slice(0, limit);
    const last = items.at(-1);
    const nextCursor =
      hasMore && last
        ? encodeCursor({ updatedAt: raw[items.length - 1].cursor_updated_at, id: last.id })
        : null;

    return { items: items.map(toSummary), nextCursor };
  }

  async countByState(actor: Actor, procedureId: string): Promise<DossierCountByState> {
    await this.dossiers.requireInstructorOf(actor, procedureId, PROCEDURE_NOT_FOUND_MESSAGE);
    const rows = (await this.dataSource.query(
      `SELECT state, archived, count(*)::int AS count FROM dossier
       WHERE procedure_id = $1 AND state <> 'brouillon' GROUP BY state, archived`,
      [procedureId],
    )) as Array<{ state: DossierState; archived: boolean; count: number }>;
    const counts: DossierCountByState = {
      [DossierState.Brouillon]: 0,
      [DossierState.EnConstruction]: 0,
      [DossierState.EnInstruction]: 0,
      [DossierState.Accepte]: 0,
      [DossierState.Refuse]: 0,
      [DossierState.SansSuite]: 0,
      archived: 0,
    };
    for (const row of rows) {
      if (row.archived) {
        counts.archived += row.count;
      } else {
        counts[row.state] += row.count;
      }
    }

    return counts;
  }

  /**
   * Applies an instructor action with a conditional UPDATE on the expected state (and version):
   * of two instructors acting at once exactly one wins, the other gets a 409 with the current state.
   */
  async transition(
    actor: Actor,
    command: TransitionDossierDto,
    correlationId?: string,
  ): Promise<DossierView> {
    const motivation = command.motivation?.trim() ? command.motivation.trim() : null;
    if (MOTIVATION_REQUIRED.has(command.action) && !motivation) {
      throw DomainError.invalid(
        [
          {
            field: 'motivation',
            message: 'La motivation est obligatoire pour refuser ou classer sans suite un dossier.',
          },
        ],
        'La motivation est obligatoire pour cette décision.',
      );
    }
    const current = await this.dossiers.requireInstructed(actor, command.dossierId);
    const rule = TRANSITIONS[command.action];
    if (!rule.from.includes(current.state)) {
      throw wrongState(current, command.action);
    }
    const decided = TERMINAL_STATES.has(rule.to);

    await this.dataSource.transaction(async (manager) => {
      const params: unknown[] = [command.dossierId, rule.from, rule.to, decided, motivation];
      let versionCondition = '';
      if (command.expectedVersion !== undefined) {
        params.push(command.expectedVersion);
        versionCondition = 'AND version = $6';
      }
      const [row] = returnedRows<{ id: string }>(
        await manager.query(
          `UPDATE dossier SET
           state = $3,
           version = version + 1,
           updated_at = now(),
           instruction_started_at = CASE WHEN $3 = 'en_instruction' THEN now() ELSE instruction_started_at END,
           decided_at = CASE WHEN $4::boolean THEN now() ELSE decided_at END,
           motivation = CASE WHEN $4::boolean THEN $5 ELSE motivation END
         WHERE id = $1 AND state = ANY($2::text[]) ${versionCondition}
         RETURNING id`,
          params,
        ),
      );
      if (!row) {
        throw await this.conflictAfterLostRace(manager, command);
      }
      await this.recordTransition(manager, current, rule.to, command.action, actor, motivation);
      const dossier = (await this.dossiers.find(
        manager,
        command.dossierId,
        false,
      )) as DossierEntity;
      const details = await this.dossiers.loadDetails(dossier, manager);
      await this.outbox.add(
        manager,
        EVENT_OF_ACTION[command.action],
        dossier.id,
        toStateChangedEvent(details, {
          fromState: current.state,
          action: command.action,
          actorEmail: actor.email,
          transitionMotivation: motivation,
        }),
        correlationId,
      );
    });
    this.relay.poke();

    return this.get(actor, command.dossierId);
  }

  /** Explains why the conditional UPDATE matched no row: another change came first. */
  private async conflictAfterLostRace(
    manager: EntityManager,
    command: TransitionDossierDto,
  ): Promise<DomainError> {
    const latest = await this.dossiers.find(manager, command.dossierId, false);
    if (!latest) {
      return DomainError.notFound('Dossier introuvable.');
    }
    if (!TRANSITIONS[command.action].from.includes(latest.state)) {
      return wrongState(latest, command.action);
    }

    return new DomainError(
      ErrorCode.Conflict,
      'Ce dossier a été modifié entre-temps : rechargez-le avant de réessayer.',
      { currentState: latest.state, currentVersion: latest.version },
    );
  }

  /** Archives (or with `archived: false` un-archives) a dossier whose instruction is finished. */
  async archive(
    actor: Actor,
    dossierId: string,
    archived: boolean,
    correlationId?: string,
  ): Promise<DossierView> {
    const current = await this.dossiers.requireInstructed(actor, dossierId);
    if (!TERMINAL_STATES.has(current.state)) {
      throw new DomainError(
        ErrorCode.InvalidTransition,
        `Seul un dossier accepté, refusé ou classé sans suite peut être archivé ; celui-ci est « ${DOSSIER_STATE_LABELS[current.state]} ».`,
        { currentState: current.state, currentVersion: current.version },
      );
    }
    if (current.archived === archived) {
      return this.get(actor, dossierId);
    }
    const action = archived ? 'archiver' : 'desarchiver';

    await this.dataSource.transaction(async (manager) => {
      const rows = returnedRows<{ id: string }>(
        await manager.query(
          `UPDATE dossier SET archived = $2, version = version + 1, updated_at = now()
         WHERE id = $1 AND archived <> $2 AND state = ANY($3::text[]) RETURNING id`,
          [dossierId, archived, [...TERMINAL_STATES]],
        ),
      );
      if (rows.length === 0) {
        const latest = (await this.dossiers.find(manager, dossierId, false)) as DossierEntity;
        throw new DomainError(
          ErrorCode.Conflict,
          'Ce dossier a été modifié entre-temps : rechargez-le avant de réessayer.',
          {
            currentState: latest.state,
            currentVersion: latest.version,
          },
        );
      }
      await this.recordTransition(manager, current, current.state, action, actor, null);
      const dossier = (await this.dossiers.find(manager, dossierId, false)) as DossierEntity;
      const details = await this.dossiers.loadDetails(dossier, manager);
      await this.outbox.add(
        manager,
        EventSubjects.dossierArchived,
        dossierId,
        toStateChangedEvent(details, {
          fromState: current.state,
          action,
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
    before: DossierEntity,
    toState: DossierState,
    action: TransitionView['action'],
    actor: Actor,
    motivation: string | null,
  ): Promise<void> {
    await manager.insert(TransitionEntity, {
      id: randomUUID(),
      dossierId: before.id,
      fromState: before.state,
      toState,
      action,
      actorAccountId: actor.accountId,
      actorEmail: actor.email,
      motivation,
      at: new Date(),
    });
  }
}

function wrongState(dossier: DossierEntity, action: InstructorAction): DomainError {
  return new DomainError(
    ErrorCode.InvalidTransition,
    `Ce dossier est « ${DOSSIER_STATE_LABELS[dossier.state]} » : il ne peut pas être ${ACTION_LABELS[action]}.`,
    { currentState: dossier.state, currentVersion: dossier.version },
  );
}

/** « 42 », « n° 42 », « N°42 » or « #42 » name a dossier number; anything else is e-mail text. */
const DOSSIER_NUMBER_SEARCH = /^(?:n°|no|#)?\s*(\d{1,18})$/i;

function parseSearch(raw: string | undefined): { number?: string; emailPart?: string } | undefined {
  const text = raw?.trim();
  if (!text) {
    return undefined;
  }
  const number = DOSSIER_NUMBER_SEARCH.exec(text)?.[1];

  return number ? { number } : { emailPart: text.toLowerCase() };
}

function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
