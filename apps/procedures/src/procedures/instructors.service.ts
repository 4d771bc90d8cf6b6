import { Inject, Injectable } from '@nestjs/common';
import type { Actor, InstructorView } from '@tps/contracts';
import { DomainError } from '@tps/platform';
import type { EntityManager } from 'typeorm';

import { type InstructorRow, toInstructorView } from './procedure-rows';
import { changedRows, ProcedureRepository } from './procedure.repository';

/** Members of a procedure's instructor group, managed by its administrators. */
@Injectable()
export class InstructorsService {
  constructor(@Inject(ProcedureRepository) private readonly repository: ProcedureRepository) {}

  async list(actor: Actor, procedureId: string): Promise<InstructorView[]> {
    const manager = this.repository.dataSource.manager;
    await this.repository.findAdministered(manager, actor, procedureId);

    return this.rows(manager, procedureId);
  }

  /** Adds an instructor; adding one already in the group keeps the first addition. */
  async add(actor: Actor, procedureId: string, email: string): Promise<InstructorView> {
    const normalized = email.trim().toLowerCase();

    return this.repository.transaction(async (manager) => {
      await this.repository.findAdministered(manager, actor, procedureId, true);
      await manager.query(
        `INSERT INTO group_instructor (group_id, email, added_by_email)
         SELECT g.id, $2, lower($3) FROM instructor_group g WHERE g.procedure_id = $1
         ON CONFLICT (group_id, email) DO NOTHING`,
        [procedureId, normalized, actor.email],
      );
      await this.repository.touch(manager, procedureId);
      const rows = await this.rows(manager, procedureId);

      return rows.find((row) => row.email === normalized) as InstructorView;
    });
  }

  /** Removes an instructor and returns the instructors left. */
  async remove(actor: Actor, procedureId: string, email: string): Promise<InstructorView[]> {
    return this.repository.transaction(async (manager) => {
      await this.repository.findAdministered(manager, actor, procedureId, true);
      const deleted = changedRows(
        await manager.query(
          `DELETE FROM group_instructor i USING instructor_group g
            WHERE i.group_id = g.id AND g.procedure_id = $1 AND i.email = $2
           RETURNING i.email`,
          [procedureId, email.trim().toLowerCase()],
        ),
      );
      if (deleted.length === 0) {
        throw DomainError.notFound('Cette personne n’est pas instructrice de la démarche');
      }
      await this.repository.touch(manager, procedureId);

      return this.rows(manager, procedureId);
    });
  }

  private async rows(manager: EntityManager, procedureId: string): Promise<InstructorView[]> {
    const rows: InstructorRow[] = await manager.query(
      `SELECT i.email, i.added_at, i.added_by_email
         FROM group_instructor i JOIN instructor_group g ON g.id = i.group_id
        WHERE g.procedure_id = $1 ORDER BY i.added_at, i.email`,
      [procedureId],
    );

    return rows.map(toInstructorView);
  }
}
