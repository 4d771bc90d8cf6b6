import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type Actor,
  type CreateProcedureDto,
  ErrorCode,
  EventSubjects,
  type FieldDefinition,
  type FieldError,
  type MailTemplateKind,
  NON_FILLABLE_FIELD_TYPES,
  type ProcedureAccess,
  type ProcedurePublicationChangedV1,
  type ProcedureRole,
  type ProcedureState,
  type ProcedureSummary,
  type ProcedureView,
  type PublicProcedureView,
  type RevisionWithProcedure,
  type UpdateProcedureDto,
} from '@tps/contracts';
import { DomainError, OutboxWriter } from '@tps/platform';
import type { EntityManager } from 'typeorm';

import { checkTags } from '../mail/mail-tags';
import { type ProcedureRow, toFieldDefinition, toProcedureHeader } from './procedure-rows';
import { PROCEDURE_NOT_FOUND, ProcedureRepository } from './procedure.repository';
import { firstFreePath, slugify } from './slug';

/** Label of the instructor group every procedure starts with. */
export const DEFAULT_GROUP_LABEL = 'Groupe par défaut';

/** The public catalogue lists at most this many procedures. */
const PUBLISHED_CATALOGUE_LIMIT = 500;
const PATH_TAKEN = (path: string): DomainError =>
  new DomainError(
    ErrorCode.Conflict,
    `L’adresse « ${path} » est déjà prise : choisissez-en une autre.`,
    {
      fields: [
        {
          field: 'path',
          message: 'adresse déjà prise par une autre démarche : choisissez-en une autre',
        },
      ],
    },
  );

const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: string; driverError?: { code?: string } }).code === '23505' ||
  (error as { driverError?: { code?: string } }).driverError?.code === '23505';

/** Procedure lifecycle: creation, description, publication, closing, and who may see what. */
@Injectable()
export class ProceduresService {
  private readonly logger = new Logger(ProceduresService.name);

  constructor(
    @Inject(ProcedureRepository) private readonly repository: ProcedureRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async create(actor: Actor, dto: CreateProcedureDto): Promise<ProcedureView> {
    if (actor.kind !== 'user') {
      throw DomainError.forbidden('Seul un compte utilisateur peut créer une démarche.');
    }
    // A generated path can lose a race with another creation, so the retry picks the next suffix.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.repository.transaction((manager) => this.insert(manager, actor, dto));
      } catch (error) {
        if (!isUniqueViolation(error)) {
          throw error;
        }
        if (dto.path || attempt >= 5) {
          throw PATH_TAKEN(dto.path ?? slugify(dto.title));
        }
        this.logger.warn(
          { title: dto.title, attempt },
          'generated path taken concurrently, retrying',
        );
      }
    }
  }

  private async insert(
    manager: EntityManager,
    actor: Actor,
    dto: CreateProcedureDto,
  ): Promise<ProcedureView> {
    const path = dto.path ?? (await this.freePath(manager, slugify(dto.title)));
    if (dto.path && (await this.pathTaken(manager, dto.path, null))) {
      throw PATH_TAKEN(dto.path);
    }
    const procedureId = randomUUID();
    const draftRevisionId = randomUUID();
    await manager.query(
      `INSERT INTO procedure (id, path, title, description, organisation, contact_email, state,
                              draft_revision_id, created_by_account_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'brouillon', $7, $8)`,
      [
        procedureId,
        path,
        dto.title.trim(),
        dto.description,
        dto.organisation.trim(),
        dto.contactEmail.toLowerCase(),
        draftRevisionId,
        actor.accountId,
      ],
    );
    await manager.query(`INSERT INTO revision (id, procedure_id, number) VALUES ($1, $2, 0)`, [
      draftRevisionId,
      procedureId,
    ]);
    await manager.query(
      `INSERT INTO procedure_administrator (procedure_id, email) VALUES ($1, lower($2))`,
      [procedureId, actor.email],
    );
    await manager.query(
      `INSERT INTO instructor_group (id, procedure_id, label) VALUES ($1, $2, $3)`,
      [randomUUID(), procedureId, DEFAULT_GROUP_LABEL],
    );
    const row = await this.repository.findAdministered(manager, actor, procedureId);

    return this.repository.adminView(manager, row);
  }

  async get(actor: Actor, procedureId: string): Promise<ProcedureView> {
    const manager = this.repository.dataSource.manager;
    const row = await this.repository.findAdministered(manager, actor, procedureId);

    return this.repository.adminView(manager, row);
  }

  async update(actor: Actor, procedureId: string, dto: UpdateProcedureDto): Promise<ProcedureView> {
    try {
      return await this.repository.transaction(async (manager) => {
        const row = await this.repository.findAdministered(manager, actor, procedureId, true);
        if (
          dto.path &&
          dto.path !== row.path &&
          (await this.pathTaken(manager, dto.path, row.id))
        ) {
          throw PATH_TAKEN(dto.path);
        }
        await manager.query(
          `UPDATE procedure
              SET title = $2, description = $3, organisation = $4, contact_email = $5, path = $6,
                  updated_at = now(), version = version + 1
            WHERE id = $1`,
          [
            row.id,
            dto.title?.trim() ?? row.title,
            dto.description ?? row.description,
            dto.organisation?.trim() ?? row.organisation,
            dto.contactEmail?.toLowerCase() ?? row.contact_email,
            dto.path ?? row.path,
          ],
        );

        return this.repository.adminView(manager, await this.reload(manager, row.id));
      });
    } catch (error) {
      if (isUniqueViolation(error) && dto.path) {
        throw PATH_TAKEN(dto.path);
      }
      throw error;
    }
  }

  listAdministered(actor: Actor, state?: ProcedureState): Promise<ProcedureSummary[]> {
    return this.repository.summaries(
      this.repository.dataSource.manager,
      state,
      `EXISTS (SELECT 1 FROM procedure_administrator a WHERE a.procedure_id = p.id AND a.email = $1)`,
      actor.email,
    );
  }

  listInstructed(actor: Actor, state?: ProcedureState): Promise<ProcedureSummary[]> {
    return this.repository.summaries(
      this.repository.dataSource.manager,
      state,
      `EXISTS (SELECT 1 FROM instructor_group g JOIN group_instructor i ON i.group_id = g.id
                WHERE g.procedure_id = p.id AND i.email = $1)`,
      actor.email,
    );
  }

  /** Published procedures anybody may start a dossier on, newest publication first. */
  listPublished(limit = PUBLISHED_CATALOGUE_LIMIT): Promise<ProcedureSummary[]> {
    return this.repository.publishedSummaries(this.repository.dataSource.manager, limit);
  }

  /** Returns a published or closed procedure by id or path. A draft is reported as missing. */
  async getPublic(idOrPath: string): Promise<PublicProcedureView> {
    const manager = this.repository.dataSource.manager;
    const row = await this.repository.findByIdOrPath(manager, idOrPath);
    if (!row || row.state === 'brouillon') {
      throw DomainError.notFound(PROCEDURE_NOT_FOUND);
    }

    return this.repository.publicView(manager, row);
  }

  /** Returns a published revision with its procedure. A draft revision is reported as missing. */
  async getRevision(revisionId: string): Promise<RevisionWithProcedure> {
    const manager = this.repository.dataSource.manager;
    const revision = await this.repository.revision(manager, revisionId);
    if (!revision || revision.number === 0) {
      throw DomainError.notFound('Version du formulaire introuvable');
    }
    const row = (await this.repository.findById(manager, revision.procedureId)) as ProcedureRow;

    return { revision, procedure: toProcedureHeader(row) };
  }

  async getAccess(actor: Actor, procedureId: string): Promise<ProcedureAccess> {
    const rows: { administrator: boolean; instructor: boolean }[] =
      await this.repository.dataSource.query(
        `SELECT
           EXISTS (SELECT 1 FROM procedure_administrator a
                    WHERE a.procedure_id = p.id AND a.email = lower($2)) AS administrator,
           EXISTS (SELECT 1 FROM instructor_group g JOIN group_instructor i ON i.group_id = g.id
                    WHERE g.procedure_id = p.id AND i.email = lower($2)) AS instructor
         FROM procedure p WHERE p.id = $1`,
        [procedureId, actor.email],
      );
    if (rows.length === 0) {
      throw DomainError.notFound(PROCEDURE_NOT_FOUND);
    }
    const roles: ProcedureRole[] = [];
    if (rows[0].administrator) {
      roles.push('administrator');
    }
    if (rows[0].instructor) {
      roles.push('instructor');
    }

    return { procedureId, roles };
  }

  /**
   * Freezes a copy of the draft as the next revision and makes it the one new dossiers use.
   * Earlier revisions stay as they are for the dossiers pinned to them. Re-opens a closed one.
   */
  async publish(actor: Actor, procedureId: string, correlationId?: string): Promise<ProcedureView> {
    return this.repository.transaction(async (manager) => {
      const row = await this.repository.findAdministered(manager, actor, procedureId, true);
      const fields = await this.repository.fieldRows(manager, row.draft_revision_id);
      if (!fields.some((field) => !NON_FILLABLE_FIELD_TYPES.has(field.type))) {
        throw DomainError.invalid(
          [
            {
              field: 'fields',
              message:
                'le formulaire n’a aucun champ à remplir : ajoutez un champ autre qu’un titre de section ou une explication avant de publier',
            },
          ],
          'La démarche ne peut pas être publiée : ajoutez au moins un champ à remplir.',
        );
      }
      await this.assertTemplatesMatchForm(manager, row.id, fields.map(toFieldDefinition));
      const [{ next }]: { next: number }[] = await manager.query(
        `SELECT COALESCE(MAX(number), 0) + 1 AS next FROM revision WHERE procedure_id = $1`,
        [row.id],
      );
      const revisionId = randomUUID();
      await manager.query(
        `INSERT INTO revision (id, procedure_id, number, published_at) VALUES ($1, $2, $3, now())`,
        [revisionId, row.id, next],
      );
      await manager.query(
        `INSERT INTO field_definition
           (revision_id, stable_id, type, label, description, required, options, position)
         SELECT $1, stable_id, type, label, description, required, options, position
           FROM field_definition WHERE revision_id = $2`,
        [revisionId, row.draft_revision_id],
      );
      await manager.query(
        `UPDATE procedure
            SET state = 'publiee', published_revision_id = $2, published_at = now(), closed_at = NULL,
                updated_at = now(), version = version + 1
          WHERE id = $1`,
        [row.id, revisionId],
      );
      const updated = await this.reload(manager, row.id);
      await this.outbox.add<ProcedurePublicationChangedV1>(
        manager,
        EventSubjects.procedurePublished,
        row.id,
        this.publicationEvent(updated, next),
        correlationId,
      );

      return this.repository.adminView(manager, updated);
    });
  }

  /** Stops new dossiers on a published procedure; dossiers already filed go on. */
  async close(actor: Actor, procedureId: string, correlationId?: string): Promise<ProcedureView> {
    return this.repository.transaction(async (manager) => {
      const row = await this.repository.findAdministered(manager, actor, procedureId, true);
      if (row.state !== 'publiee') {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          row.state === 'close'
            ? 'Cette démarche est déjà close.'
            : 'Seule une démarche publiée peut être close : publiez-la d’abord.',
          { currentState: row.state },
        );
      }
      await manager.query(
        `UPDATE procedure SET state = 'close', closed_at = now(), updated_at = now(),
                              version = version + 1
          WHERE id = $1`,
        [row.id],
      );
      const updated = await this.reload(manager, row.id);
      const [revision]: { number: number }[] = await manager.query(
        `SELECT number FROM revision WHERE id = $1`,
        [updated.published_revision_id],
      );
      await this.outbox.add<ProcedurePublicationChangedV1>(
        manager,
        EventSubjects.procedureClosed,
        row.id,
        this.publicationEvent(updated, revision?.number ?? null),
        correlationId,
      );

      return this.repository.adminView(manager, updated);
    });
  }

  /**
   * Rejects publication while a saved mail template uses a tag the form no longer provides,
   * e.g. the label of a field renamed or deleted since the template was saved.
   */
  private async assertTemplatesMatchForm(
    manager: EntityManager,
    procedureId: string,
    fields: FieldDefinition[],
  ): Promise<void> {
    const templates: { kind: MailTemplateKind; subject: string; body: string }[] =
      await manager.query(`SELECT kind, subject, body FROM mail_template WHERE procedure_id = $1`, [
        procedureId,
      ]);
    const errors: FieldError[] = [];
    for (const template of templates) {
      for (const part of ['subject', 'body'] as const) {
        const { unknown } = checkTags(template[part], template.kind, fields);
        if (unknown.length > 0) {
          errors.push({
            field: `mailTemplates.${template.kind}.${part}`,
            message: `balises inconnues : ${unknown.map((tag) => `--${tag}--`).join(', ')} ; corrigez le modèle d’e-mail ou rétablissez le champ correspondant`,
          });
        }
      }
    }
    if (errors.length > 0) {
      throw DomainError.invalid(
        errors,
        'La démarche ne peut pas être publiée : un modèle d’e-mail utilise une balise inconnue.',
      );
    }
  }

  private publicationEvent(
    row: ProcedureRow,
    revisionNumber: number | null,
  ): ProcedurePublicationChangedV1 {
    return {
      procedureId: row.id,
      path: row.path,
      title: row.title,
      organisation: row.organisation,
      state: row.state === 'close' ? 'close' : 'publiee',
      revisionId: row.published_revision_id,
      revisionNumber,
      occurredAt: new Date().toISOString(),
    };
  }

  private async reload(manager: EntityManager, procedureId: string): Promise<ProcedureRow> {
    return (await this.repository.findById(manager, procedureId)) as ProcedureRow;
  }

  private async pathTaken(
    manager: EntityManager,
    path: string,
    exceptId: string | null,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM procedure WHERE path = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [path, exceptId],
    );

    return rows.length > 0;
  }

  private async freePath(manager: EntityManager, base: string): Promise<string> {
    const rows: { path: string }[] = await manager.query(
      `SELECT path FROM procedure WHERE path = $1 OR path LIKE $2`,
      [base, `${base}-%`],
    );

    return firstFreePath(base, new Set(rows.map((row) => row.path)));
  }
}
