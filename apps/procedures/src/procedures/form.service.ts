import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  type CreateFieldDto,
  type FieldDefinition,
  NON_FILLABLE_FIELD_TYPES,
  type RevisionView,
  type UpdateFieldDto,
} from '@tps/contracts';
import { DomainError } from '@tps/platform';
import type { EntityManager } from 'typeorm';

import { givesTag, normalizeTag } from '../mail/mail-tags';
import { checkFieldDraft, cleanOptions, type FieldDraft } from './field-rules';
import { type FieldRow, toFieldDefinition } from './procedure-rows';
import { ProcedureRepository } from './procedure.repository';

const FIELD_NOT_FOUND = 'Champ introuvable dans le formulaire en cours de modification';

/**
 * Edits the fields of a procedure's draft revision. Published revisions are never touched: they
 * get a copy of the draft at publication. Positions stay 0..n-1 after every change.
 */
@Injectable()
export class FormService {
  constructor(@Inject(ProcedureRepository) private readonly repository: ProcedureRepository) {}

  async addField(actor: Actor, procedureId: string, dto: CreateFieldDto): Promise<FieldDefinition> {
    const draft: FieldDraft = {
      type: dto.type,
      label: dto.label.trim(),
      required: dto.required ?? false,
      options: cleanOptions(dto.options),
    };

    return this.repository.transaction(async (manager) => {
      const row = await this.repository.findAdministered(manager, actor, procedureId, true);
      this.assertValid(draft);
      const fields = await this.repository.fieldRows(manager, row.draft_revision_id);
      assertLabelFree(draft, fields);
      const position = Math.min(dto.position ?? fields.length, fields.length);
      await manager.query(
        `UPDATE field_definition SET position = position + 1
          WHERE revision_id = $1 AND position >= $2`,
        [row.draft_revision_id, position],
      );
      const stableId = randomUUID();
      await manager.query(
        `INSERT INTO field_definition
           (revision_id, stable_id, type, label, description, required, options, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          row.draft_revision_id,
          stableId,
          draft.type,
          draft.label,
          dto.description ?? '',
          NON_FILLABLE_FIELD_TYPES.has(draft.type) ? false : draft.required,
          JSON.stringify(draft.options),
          position,
        ],
      );
      await this.repository.touch(manager, row.id);

      return toFieldDefinition(await this.findField(manager, row.draft_revision_id, stableId));
    });
  }

  async updateField(
    actor: Actor,
    procedureId: string,
    stableId: string,
    dto: UpdateFieldDto,
  ): Promise<FieldDefinition> {
    return this.repository.transaction(async (manager) => {
      const row = await this.repository.findAdministered(manager, actor, procedureId, true);
      const field = await this.findField(manager, row.draft_revision_id, stableId);
      const draft: FieldDraft = {
        type: field.type,
        label: dto.label?.trim() ?? field.label,
        required: dto.required ?? field.required,
        options: dto.options !== undefined ? cleanOptions(dto.options) : field.options,
      };
      this.assertValid(draft);
      if (normalizeTag(draft.label) !== normalizeTag(field.label)) {
        const others = await this.repository.fieldRows(manager, row.draft_revision_id);
        assertLabelFree(
          draft,
          others.filter((other) => other.stable_id !== stableId),
        );
      }
      await manager.query(
        `UPDATE field_definition SET label = $3, description = $4, required = $5, options = $6
          WHERE revision_id = $1 AND stable_id = $2`,
        [
          row.draft_revision_id,
          stableId,
          draft.label,
          dto.description ?? field.description,
          draft.required,
          JSON.stringify(draft.options),
        ],
      );
      await this.repository.touch(manager, row.id);

      return toFieldDefinition(await this.findField(manager, row.draft_revision_id, stableId));
    });
  }

  async deleteField(actor: Actor, procedureId: string, stableId: string): Promise<RevisionView> {
    return this.repository.transaction(async (manager) => {
      const row = await this.repository.findAdministered(manager, actor, procedureId, true);
      await this.findField(manager, row.draft_revision_id, stableId);
      await manager.query(
        `DELETE FROM field_definition WHERE revision_id = $1 AND stable_id = $2`,
        [row.draft_revision_id, stableId],
      );
      const remaining = await this.repository.fieldRows(manager, row.draft_revision_id);
      await this.renumber(manager, row.draft_revision_id, remaining);
      await this.repository.touch(manager, row.id);

      return (await this.repository.revision(manager, row.draft_revision_id)) as RevisionView;
    });
  }

  /** Moves a field to `position` (clamped to the last one) and shifts the others. */
  async moveField(
    actor: Actor,
    procedureId: string,
    stableId: string,
    position: number,
  ): Promise<RevisionView> {
    return this.repository.transaction(async (manager) => {
      const row = await this.repository.findAdministered(manager, actor, procedureId, true);
      const fields = await this.repository.fieldRows(manager, row.draft_revision_id);
      const index = fields.findIndex((field) => field.stable_id === stableId);
      if (index < 0) {
        throw DomainError.notFound(FIELD_NOT_FOUND);
      }
      const [moved] = fields.splice(index, 1);
      fields.splice(Math.min(position, fields.length), 0, moved);
      await this.renumber(manager, row.draft_revision_id, fields);
      await this.repository.touch(manager, row.id);

      return (await this.repository.revision(manager, row.draft_revision_id)) as RevisionView;
    });
  }

  private assertValid(draft: FieldDraft): void {
    const errors = checkFieldDraft(draft);
    if (errors.length > 0) {
      throw DomainError.invalid(errors);
    }
  }

  private async findField(
    manager: EntityManager,
    revisionId: string,
    stableId: string,
  ): Promise<FieldRow> {
    const rows: FieldRow[] = await manager.query(
      `SELECT * FROM field_definition WHERE revision_id = $1 AND stable_id = $2`,
      [revisionId, stableId],
    );
    if (rows.length === 0) {
      throw DomainError.notFound(FIELD_NOT_FOUND);
    }

    return rows[0];
  }

  /** Gives `ordered` the positions 0..n-1, writing only the rows that change. */
  private async renumber(
    manager: EntityManager,
    revisionId: string,
    ordered: FieldRow[],
  ): Promise<void> {
    for (const [position, field] of ordered.entries()) {
      if (field.position !== position) {
        await manager.query(
          `UPDATE field_definition SET position = $3 WHERE revision_id = $1 AND stable_id = $2`,
          [revisionId, field.stable_id, position],
        );
      }
    }
  }
}

/**
 * Rejects a label that another taggable field of the revision already has, compared as mail
 * tags are (`normalizeTag`), because `--label--` would then read either field's value. Header
 * sections, explanations and attachments give no tag, so their labels may repeat.
 */
function assertLabelFree(draft: FieldDraft, otherFields: readonly FieldRow[]): void {
  if (!givesTag(draft.type)) {
    return;
  }
  const tag = normalizeTag(draft.label);
  const sameTag = otherFields.find(
    (other) => givesTag(other.type) && normalizeTag(other.label) === tag,
  );
  if (sameTag === undefined) {
    return;
  }
  const reason = `choisissez un libellé différent, car les balises des e-mails reprennent les libellés`;

  throw DomainError.invalid(
    [
      {
        field: 'label',
        message: `un autre champ du formulaire s’appelle déjà « ${sameTag.label} » : ${reason}`,
      },
    ],
    `Un autre champ du formulaire s’appelle déjà « ${sameTag.label} » : ${reason}.`,
  );
}
