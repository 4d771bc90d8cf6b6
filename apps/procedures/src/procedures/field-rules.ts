import {
  CHOICE_FIELD_TYPES,
  type FieldDefinition,
  type FieldError,
  FieldType,
  NON_FILLABLE_FIELD_TYPES,
} from '@tps/contracts';

const TEXT_TYPES: ReadonlySet<FieldType> = new Set([FieldType.Text, FieldType.Textarea]);
const NUMBER_TYPES: ReadonlySet<FieldType> = new Set([FieldType.Integer, FieldType.Decimal]);

/** The parts of a field definition an administrator sets, after defaults were applied. */
export interface FieldDraft {
  type: FieldType;
  label: string;
  required: boolean;
  options: FieldDefinition['options'];
}

/**
 * Checks the rules the DTO cannot express: choices only on lists and distinct, no `required` on
 * structure-only fields, options that match the type. Each message tells how to fix the value.
 */
export function checkFieldDraft(draft: FieldDraft): FieldError[] {
  const errors: FieldError[] = [];
  const { type, options } = draft;
  if (draft.label.trim() === '') {
    errors.push({ field: 'label', message: 'le libellé est vide : saisissez un libellé' });
  }
  if (CHOICE_FIELD_TYPES.has(type)) {
    const choices = options.choices ?? [];
    if (choices.length === 0) {
      errors.push({
        field: 'options.choices',
        message: 'une liste de choix demande au moins un choix : ajoutez-en dans options.choices',
      });
    }
    if (choices.some((choice) => choice.trim() === '')) {
      errors.push({
        field: 'options.choices',
        message: 'un choix est vide : saisissez-le ou retirez-le',
      });
    }
    const duplicates = choices.filter((choice, index) => choices.indexOf(choice) !== index);
    if (duplicates.length > 0) {
      errors.push({
        field: 'options.choices',
        message: `les choix doivent être distincts : retirez les doublons (${[...new Set(duplicates)].join(', ')})`,
      });
    }
  } else if (options.choices !== undefined) {
    errors.push({
      field: 'options.choices',
      message: 'seules les listes de choix ont des choix : retirez options.choices',
    });
  }
  if (NON_FILLABLE_FIELD_TYPES.has(type) && draft.required) {
    errors.push({
      field: 'required',
      message:
        'un titre de section ou une explication ne peut pas être obligatoire : retirez required',
    });
  }
  if (options.maxLength !== undefined && !TEXT_TYPES.has(type)) {
    errors.push({
      field: 'options.maxLength',
      message: 'seuls les champs texte ont une longueur maximale : retirez options.maxLength',
    });
  }
  if (options.maxFileSizeBytes !== undefined && type !== FieldType.Attachment) {
    errors.push({
      field: 'options.maxFileSizeBytes',
      message:
        'seules les pièces justificatives ont une taille maximale : retirez options.maxFileSizeBytes',
    });
  }
  for (const bound of ['min', 'max'] as const) {
    const value = options[bound];
    if (value === undefined) {
      continue;
    }
    if (!NUMBER_TYPES.has(type)) {
      errors.push({
        field: `options.${bound}`,
        message: `seuls les champs numériques ont une borne : retirez options.${bound}`,
      });
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ field: `options.${bound}`, message: 'la borne doit être un nombre' });
    } else if (type === FieldType.Integer && !Number.isInteger(value)) {
      errors.push({
        field: `options.${bound}`,
        message: `la ${bound === 'min' ? 'valeur minimale' : 'valeur maximale'} d’un champ nombre entier est un nombre entier : remplacez ${String(value).replace('.', ',')} par un nombre entier`,
      });
    }
  }
  if (
    typeof options.min === 'number' &&
    typeof options.max === 'number' &&
    options.min > options.max
  ) {
    errors.push({
      field: 'options.min',
      message: 'la borne minimale dépasse la borne maximale : inversez-les',
    });
  }

  return errors;
}

/** Copies only the known option keys, so stored options never carry class instances or extras. */
export function cleanOptions(
  options: FieldDefinition['options'] | undefined,
): FieldDefinition['options'] {
  const clean: FieldDefinition['options'] = {};
  if (!options) {
    return clean;
  }
  if (options.choices !== undefined) {
    clean.choices = [...options.choices];
  }
  if (options.maxFileSizeBytes !== undefined) {
    clean.maxFileSizeBytes = options.maxFileSizeBytes;
  }
  if (options.maxLength !== undefined) {
    clean.maxLength = options.maxLength;
  }
  if (options.min !== undefined) {
    clean.min = options.min;
  }
  if (options.max !== undefined) {
    clean.max = options.max;
  }

  return clean;
}
