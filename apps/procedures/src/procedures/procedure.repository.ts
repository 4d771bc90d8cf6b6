import { Inject, Injectable } from '@nestjs/common';
import type {
  Actor,
  ProcedureState,
  ProcedureSummary,
  ProcedureView,
  PublicProcedureView,
  RevisionView,
} from '@tps/contracts';
import { DomainError } from '@tps/platform';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type FieldRow,
  type ProcedureRow,
  type RevisionRow,
  toProcedureHeader,
  toRevisionView,
} from './procedure-rows';

/** Message of every NOT_FOUND on a procedure, whether it is missing or not the actor's. */
export const PROCEDURE_NOT_FOUND = 'Démarche introuvable';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rows changed by an UPDATE or DELETE through `manager.query`, which returns `[rows, count]`. */
export function changedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0])) {
    return result[0] as T[];
  }

  return (result as T[]) ?? [];
}

/** SQL reads of the procedures schema shared by the command handlers. */
@Injectable()
export class ProcedureRepository {
  constructor(@Inject(DataSource) readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The procedure if `actor` administers it, locked for the transaction when `lock` is set.
   * A procedure of someone else is reported as missing, so ids do not reveal what exists.
   */
  async findAdministered(
    manager: EntityManager,
    actor: Actor,
    procedureId: string,
    lock = false,
  ): Promise<ProcedureRow> {
    const rows: ProcedureRow[] = await manager.query(
      `SELECT p.* FROM procedure p
        WHERE p.id = $1
          AND EXISTS (SELECT 1 FROM procedure_administrator a
                       WHERE a.procedure_id = p.id AND a.email = lower($2))
        ${lock ? 'FOR UPDATE' : ''}`,
      [procedureId, actor.email],
    );
    if (rows.length === 0) {
      throw DomainError.notFound(PROCEDURE_NOT_FOUND);
    }

    return rows[0];
  }

  async findById(manager: EntityManager, procedureId: string): Promise<ProcedureRow | null> {
    const rows: ProcedureRow[] = await manager.query(`SELECT * FROM procedure WHERE id = $1`, [
      procedureId,
    ]);

    return rows[0] ?? null;
  }

  /** Looks up by id first, then by path: a path may itself look like a uuid. */
  async findByIdOrPath(manager: EntityManager, idOrPath: string): Promise<ProcedureRow | null> {
    if (UUID_PATTERN.test(idOrPath)) {
      const byId = await this.findById(manager, idOrPath.toLowerCase());
      if (byId) {
        return byId;
      }
    }
    const rows: ProcedureRow[] = await manager.query(`SELECT * FROM procedure WHERE path = $1`, [
      idOrPath,
    ]);

    return rows[0] ?? null;
  }

  async revision(manager: EntityManager, revisionId: string): Promise<RevisionView | null> {
    const rows: RevisionRow[] = await manager.query(`SELECT * FROM revision WHERE id = $1`, [
      revisionId,
    ]);
    if (rows.length === 0) {
      return null;
    }

    return toRevisionView(rows[0], await this.fieldRows(manager, revisionId));
  }

  async fieldRows(manager: EntityManager, revisionId: string): Promise<FieldRow[]> {
    return manager.query(
      `SELECT * FROM field_definition WHERE revision_id = $1 ORDER BY position, stable_id`,
      [revisionId],
    );
  }

  async publicView(manager: EntityManager, row: ProcedureRow): Promise<PublicProcedureView> {
    const publishedRevision = row.published_revision_id
      ? await this.revision(manager, row.published_revision_id)
      : null;

    return { ...toProcedureHeader(row), publishedRevision };
  }

  async adminView(manager: EntityManager, row: ProcedureRow): Promise<ProcedureView> {
    const draftRevision = await this.revision(manager, row.draft_revision_id);
    const administrators: { email: string }[] = await manager.query(
      `SELECT email FROM procedure_administrator WHERE procedure_id = $1 ORDER BY added_at, email`,
      [row.id],
    );

    return {
      ...(await this.publicView(manager, row)),
      draftRevision: draftRevision as RevisionView,
      administratorEmails: administrators.map((administrator) => administrator.email),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /** Summaries of the procedures matching `where` (with `$1` = the e-mail), newest first. */
  async summaries(
    manager: EntityManager,
    state: ProcedureState | undefined,
    where: string,
    email: string,
  ): Promise<ProcedureSummary[]> {
    const rows: ProcedureRow[] = await manager.query(
      `SELECT p.* FROM procedure p
        WHERE ${where} AND ($2::text IS NULL OR p.state = $2)
        ORDER BY p.created_at DESC, p.id`,
      [email.toLowerCase(), state ?? null],
    );

    return rows.map(toSummary);
  }

  /** Published procedures, most recently published first: the site's public catalogue. */
  async publishedSummaries(manager: EntityManager, limit: number): Promise<ProcedureSummary[]> {
    const rows: ProcedureRow[] = await manager.query(
      `SELECT p.* FROM procedure p
        WHERE p.state = 'publiee'
        ORDER BY p.published_at DESC, p.id
        LIMIT $1`,
      [limit],
    );

    return rows.map(toSummary);
  }

  /** Marks the procedure as changed: newer `updated_at`, next `version`. */
  async touch(manager: EntityManager, procedureId: string): Promise<void> {
    await manager.query(
      `UPDATE procedure SET updated_at = now(), version = version + 1 WHERE id = $1`,
      [procedureId],
    );
  }
}

function toSummary(row: ProcedureRow): ProcedureSummary {
  return {
    id: row.id,
    path: row.path,
    title: row.title,
    organisation: row.organisation,
    state: row.state,
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
  };
}
