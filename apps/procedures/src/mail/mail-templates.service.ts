import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  type FieldError,
  MAIL_TEMPLATE_KINDS,
  type MailTagView,
  type MailTemplateKind,
  type MailTemplateView,
} from '@tps/contracts';
import { DomainError } from '@tps/platform';
import type { EntityManager } from 'typeorm';

import { toFieldDefinition } from '../procedures/procedure-rows';
import { PROCEDURE_NOT_FOUND, ProcedureRepository } from '../procedures/procedure.repository';
import { DEFAULT_MAIL_TEMPLATES } from './default-mail-templates';
import { availableTags, checkTags } from './mail-tags';

interface MailTemplateRow {
  kind: MailTemplateKind;
  subject: string;
  body: string;
  updated_at: Date;
}

/** The six applicant e-mails of a procedure: stored versions or the French defaults. */
@Injectable()
export class MailTemplatesService {
  constructor(@Inject(ProcedureRepository) private readonly repository: ProcedureRepository) {}

  async list(
    actor: Actor,
    procedureId: string,
  ): Promise<{ templates: MailTemplateView[]; tags: MailTagView[] }> {
    const manager = this.repository.dataSource.manager;
    const row = await this.repository.findAdministered(manager, actor, procedureId);
    const stored = await this.rows(manager, procedureId);
    const fields = (await this.repository.fieldRows(manager, row.draft_revision_id)).map(
      toFieldDefinition,
    );

    return {
      templates: MAIL_TEMPLATE_KINDS.map((kind) => {
        const view = this.view(
          kind,
          stored.find((template) => template.kind === kind),
        );
        const { unknown } = checkTags(`${view.subject}\n${view.body}`, kind, fields);
        return { ...view, unknownTags: [...new Set(unknown)] };
      }),
      tags: availableTags(fields),
    };
  }

  /** Returns one template to the notifications service (system actor) or to an administrator. */
  async get(actor: Actor, procedureId: string, kind: MailTemplateKind): Promise<MailTemplateView> {
    const manager = this.repository.dataSource.manager;
    if (actor.kind === 'system') {
      if (!(await this.repository.findById(manager, procedureId))) {
        throw DomainError.notFound(PROCEDURE_NOT_FOUND);
      }
    } else {
      await this.repository.findAdministered(manager, actor, procedureId);
    }
    const [stored] = await this.rows(manager, procedureId, kind);

    return this.view(kind, stored);
  }

  /**
   * Saves a template after checking its tags against the draft form: every `--tag--` must be
   * built in or the label of a taggable field, and have a value when this kind is sent.
   */
  async update(
    actor: Actor,
    procedureId: string,
    kind: MailTemplateKind,
    subject: string,
    body: string,
  ): Promise<MailTemplateView> {
    return this.repository.transaction(async (manager) => {
      const row = await this.repository.findAdministered(manager, actor, procedureId, true);
      const fields = (await this.repository.fieldRows(manager, row.draft_revision_id)).map(
        toFieldDefinition,
      );
      const errors: FieldError[] = [];
      for (const [name, text] of [
        ['subject', subject],
        ['body', body],
      ] as const) {
        const problems = checkTags(text, kind, fields);
        if (problems.unknown.length > 0) {
          errors.push({
            field: name,
            message: `balises inconnues : ${problems.unknown.map((tag) => `--${tag}--`).join(', ')} ; utilisez une balise de la liste ou le libellé exact d’un champ du formulaire`,
          });
        }
        if (problems.notInKind.length > 0) {
          errors.push({
            field: name,
            message: `balises sans valeur à ce stade du dossier : ${problems.notInKind.map((tag) => `--${tag}--`).join(', ')} ; retirez-les de ce modèle`,
          });
        }
      }
      if (errors.length > 0) {
        throw DomainError.invalid(
          errors,
          'Le modèle contient des balises non reconnues : corrigez-les.',
        );
      }
      await manager.query(
        `INSERT INTO mail_template (procedure_id, kind, subject, body, updated_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (procedure_id, kind)
         DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_at = now()`,
        [procedureId, kind, subject, body],
      );
      const [stored] = await this.rows(manager, procedureId, kind);

      return this.view(kind, stored);
    });
  }

  private rows(
    manager: EntityManager,
    procedureId: string,
    kind?: MailTemplateKind,
  ): Promise<MailTemplateRow[]> {
    return manager.query(
      `SELECT kind, subject, body, updated_at FROM mail_template
        WHERE procedure_id = $1 AND ($2::text IS NULL OR kind = $2)`,
      [procedureId, kind ?? null],
    );
  }

  private view(kind: MailTemplateKind, stored: MailTemplateRow | undefined): MailTemplateView {
    if (!stored) {
      return { kind, ...DEFAULT_MAIL_TEMPLATES[kind], isDefault: true, updatedAt: null };
    }

    return {
      kind,
      subject: stored.subject,
      body: stored.body,
      isDefault: false,
      updatedAt: stored.updated_at.toISOString(),
    };
  }
}
