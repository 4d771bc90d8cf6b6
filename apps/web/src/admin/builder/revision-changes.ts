import type { FieldDefinition, ProcedureView } from '@tps/contracts';

/** Serializes the parts of a field that publication copies, in a fixed order for comparison. */
function fingerprint(field: FieldDefinition): string {
  const { choices, maxFileSizeBytes, maxLength, min, max } = field.options;

  return JSON.stringify([
    field.stableId,
    field.type,
    field.label,
    field.description,
    field.required,
    choices ?? null,
    maxFileSizeBytes ?? null,
    maxLength ?? null,
    min ?? null,
    max ?? null,
  ]);
}

function byPosition(fields: FieldDefinition[]): FieldDefinition[] {
  return [...fields].sort((a, b) => a.position - b.position);
}

/**
 * True when the draft form differs from the published one. Only the form is versioned: the
 * title, description and e-mails are live as soon as they are saved.
 */
export function hasUnpublishedFormChanges(procedure: ProcedureView): boolean {
  const published = procedure.publishedRevision;
  if (!published) {
    return false;
  }
  const draft = byPosition(procedure.draftRevision.fields).map(fingerprint);
  const live = byPosition(published.fields).map(fingerprint);

  return draft.length !== live.length || draft.some((value, index) => value !== live[index]);
}
