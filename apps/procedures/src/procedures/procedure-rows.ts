import type {
  FieldDefinition,
  FieldType,
  InstructorView,
  ProcedureState,
  PublicProcedureView,
  RevisionView,
} from '@tps/contracts';

/** A `procedure` row as returned by `SELECT *`. */
export interface ProcedureRow {
  id: string;
  path: string;
  title: string;
  description: string;
  organisation: string;
  contact_email: string;
  state: ProcedureState;
  draft_revision_id: string;
  published_revision_id: string | null;
  published_at: Date | null;
  closed_at: Date | null;
  created_by_account_id: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface RevisionRow {
  id: string;
  procedure_id: string;
  number: number;
  published_at: Date | null;
}

export interface FieldRow {
  revision_id: string;
  stable_id: string;
  type: FieldType;
  label: string;
  description: string;
  required: boolean;
  options: FieldDefinition['options'];
  position: number;
}

export interface InstructorRow {
  email: string;
  added_at: Date;
  added_by_email: string;
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toFieldDefinition(row: FieldRow): FieldDefinition {
  return {
    stableId: row.stable_id,
    type: row.type,
    label: row.label,
    description: row.description,
    required: row.required,
    options: row.options,
    position: row.position,
  };
}

export function toRevisionView(row: RevisionRow, fields: FieldRow[]): RevisionView {
  return {
    id: row.id,
    procedureId: row.procedure_id,
    number: row.number,
    publishedAt: iso(row.published_at),
    fields: fields
      .filter((field) => field.revision_id === row.id)
      .sort((a, b) => a.position - b.position)
      .map(toFieldDefinition),
  };
}

export function toProcedureHeader(
  row: ProcedureRow,
): Omit<PublicProcedureView, 'publishedRevision'> {
  return {
    id: row.id,
    path: row.path,
    title: row.title,
    description: row.description,
    organisation: row.organisation,
    contactEmail: row.contact_email,
    state: row.state,
    publishedAt: iso(row.published_at),
    closedAt: iso(row.closed_at),
  };
}

export function toInstructorView(row: InstructorRow): InstructorView {
  return { email: row.email, addedAt: row.added_at.toISOString(), addedBy: row.added_by_email };
}
