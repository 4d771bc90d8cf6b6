import {
  type FieldDefinition,
  type FieldError,
  FieldType,
  isEmptyFieldValue,
  NON_FILLABLE_FIELD_TYPES,
} from '@tps/contracts';

import type { FieldValueEntity } from '../database/field-value.entity';

const REQUIRED_MESSAGE = 'Ce champ est obligatoire.';
const REQUIRED_ATTACHMENT_MESSAGE = 'Ce champ est obligatoire : joignez au moins un fichier.';
const SIRET_NOT_FOUND_MESSAGE =
  'Ce numéro SIRET ne correspond à aucun établissement connu : vérifiez-le avant de déposer le dossier.';

/** Required fields left empty, and SIRETs that API Entreprise does not know. */
export function findSubmissionErrors(
  fields: FieldDefinition[],
  values: FieldValueEntity[],
  attachments: Array<{ fieldStableId: string }>,
): FieldError[] {
  const valuesById = new Map(values.map((value) => [value.stableId, value]));
  const errors: FieldError[] = [];
  for (const definition of [...fields].sort((left, right) => left.position - right.position)) {
    if (NON_FILLABLE_FIELD_TYPES.has(definition.type)) {
      continue;
    }
    const field = `values.${definition.stableId}`;
    const stored = valuesById.get(definition.stableId);
    if (definition.type === FieldType.Attachment) {
      const count = attachments.filter(
        (attachment) => attachment.fieldStableId === definition.stableId,
      ).length;
      if (definition.required && count === 0) {
        errors.push({ field, label: definition.label, message: REQUIRED_ATTACHMENT_MESSAGE });
      }
      continue;
    }
    if (isEmptyFieldValue(definition, stored?.value ?? null)) {
      if (definition.required) {
        errors.push({ field, label: definition.label, message: REQUIRED_MESSAGE });
      }
      continue;
    }
    if (definition.type === FieldType.Siret && stored?.siretData?.status === 'not_found') {
      errors.push({ field, label: definition.label, message: SIRET_NOT_FOUND_MESSAGE });
    }
  }

  return errors;
}
