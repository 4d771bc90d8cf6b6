import type { CreateFieldDto, FieldDefinition, UpdateFieldDto } from '@tps/contracts';
import {
  CHOICE_FIELD_TYPES,
  FieldType,
  NON_FILLABLE_FIELD_TYPES,
} from '@tps/contracts/procedures/field-type';

import type { FieldErrors } from '../form-errors';

/** A field definition as typed in the builder's form: numbers stay text until sent. */
export interface FieldFormValues {
  type: FieldType;
  label: string;
  description: string;
  required: boolean;
  /** One choice per line. */
  choices: string;
  maxLength: string;
  min: string;
  max: string;
  /** In megabytes (Mo), converted to bytes when sent. */
  maxFileSizeMegabytes: string;
}

/** Property paths of CreateFieldDto that have an input in FieldForm. */
export const FIELD_FORM_INPUTS = [
  'type',
  'label',
  'description',
  'required',
  'options.choices',
  'options.maxLength',
  'options.min',
  'options.max',
  'options.maxFileSizeBytes',
];

export const EMPTY_FIELD: FieldFormValues = {
  type: FieldType.Text,
  label: '',
  description: '',
  required: false,
  choices: '',
  maxLength: '',
  min: '',
  max: '',
  maxFileSizeMegabytes: '',
};

const MEGABYTE = 1024 * 1024;
const TEXT_TYPES: ReadonlySet<FieldType> = new Set([FieldType.Text, FieldType.Textarea]);
const NUMBER_TYPES: ReadonlySet<FieldType> = new Set([FieldType.Integer, FieldType.Decimal]);

export const hasRequiredFlag = (type: FieldType) => !NON_FILLABLE_FIELD_TYPES.has(type);
export const hasChoices = (type: FieldType) => CHOICE_FIELD_TYPES.has(type);
export const hasMaxLength = (type: FieldType) => TEXT_TYPES.has(type);
export const hasBounds = (type: FieldType) => NUMBER_TYPES.has(type);
export const hasMaxFileSize = (type: FieldType) => type === FieldType.Attachment;

export function valuesOfField(field: FieldDefinition): FieldFormValues {
  const { choices, maxLength, min, max, maxFileSizeBytes } = field.options;

  return {
    type: field.type,
    label: field.label,
    description: field.description,
    required: field.required,
    choices: (choices ?? []).join('\n'),
    maxLength: maxLength === undefined ? '' : String(maxLength),
    min: min === undefined ? '' : String(min),
    max: max === undefined ? '' : String(max),
    maxFileSizeMegabytes:
      maxFileSizeBytes === undefined
        ? ''
        : String(Math.round((maxFileSizeBytes / MEGABYTE) * 100) / 100),
  };
}

function splitChoices(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Parses a number typed with a comma or a dot; undefined when empty, NaN when invalid. */
function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') {
    return undefined;
  }

  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * Checks the values against the rules the procedures service applies (field-rules.ts and the
 * DTOs), with messages that name the input. Keys are the DTO property paths, so the server's
 * own errors land on the same inputs.
 */
export function checkField(values: FieldFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.label.trim() === '') {
    errors.label = 'Saisissez le libellé du champ.';
  }
  if (hasChoices(values.type)) {
    const choices = splitChoices(values.choices);
    const duplicates = choices.filter((choice, index) => choices.indexOf(choice) !== index);
    if (choices.length === 0) {
      errors['options.choices'] = 'Saisissez au moins un choix, un par ligne.';
    } else if (duplicates.length > 0) {
      errors['options.choices'] =
        `Chaque choix doit être unique : retirez les doublons (${[...new Set(duplicates)].join(', ')}).`;
    } else if (choices.some((choice) => choice.length > 200)) {
      errors['options.choices'] = 'Un choix ne peut pas dépasser 200 caractères.';
    }
  }
  if (hasMaxLength(values.type)) {
    const maxLength = parseNumber(values.maxLength);
    if (
      maxLength !== undefined &&
      (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 100000)
    ) {
      errors['options.maxLength'] =
        'Saisissez un nombre entier de caractères entre 1 et 100 000, ou laissez vide.';
    }
  }
  if (hasBounds(values.type)) {
    const min = parseNumber(values.min);
    const max = parseNumber(values.max);
    if (Number.isNaN(min)) {
      errors['options.min'] = 'Saisissez un nombre, par exemple 0, ou laissez vide.';
    }
    if (Number.isNaN(max)) {
      errors['options.max'] = 'Saisissez un nombre, par exemple 100, ou laissez vide.';
    }
    if (min !== undefined && max !== undefined && min > max) {
      errors['options.min'] = 'La valeur minimale dépasse la valeur maximale.';
    }
  }
  if (hasMaxFileSize(values.type)) {
    const size = parseNumber(values.maxFileSizeMegabytes);
    if (size !== undefined && (Number.isNaN(size) || size <= 0)) {
      errors['options.maxFileSizeBytes'] =
        'Saisissez une taille positive en Mo, par exemple 5, ou laissez vide.';
    }
  }

  return errors;
}

/** Builds the options that apply to the type. Call it only after checkField found no error. */
function optionsOf(values: FieldFormValues): FieldDefinition['options'] {
  const options: FieldDefinition['options'] = {};
  if (hasChoices(values.type)) {
    options.choices = splitChoices(values.choices);
  }
  if (hasMaxLength(values.type)) {
    options.maxLength = parseNumber(values.maxLength);
  }
  if (hasBounds(values.type)) {
    options.min = parseNumber(values.min);
    options.max = parseNumber(values.max);
  }
  if (hasMaxFileSize(values.type)) {
    const size = parseNumber(values.maxFileSizeMegabytes);
    options.maxFileSizeBytes = size === undefined ? undefined : Math.round(size * MEGABYTE);
  }
  for (const key of Object.keys(options) as (keyof typeof options)[]) {
    if (options[key] === undefined) {
      delete options[key];
    }
  }

  return options;
}

export function toCreateDto(values: FieldFormValues): CreateFieldDto {
  const dto: CreateFieldDto = {
    type: values.type,
    label: values.label.trim(),
    description: values.description.trim(),
  };
  if (hasRequiredFlag(values.type)) {
    dto.required = values.required;
  }
  const options = optionsOf(values);
  if (Object.keys(options).length > 0) {
    dto.options = options;
  }

  return dto;
}

/** Builds the whole editable definition. Options are replaced, so a cleared bound is removed. */
export function toUpdateDto(values: FieldFormValues): UpdateFieldDto {
  const dto: UpdateFieldDto = {
    label: values.label.trim(),
    description: values.description.trim(),
    options: optionsOf(values),
  };
  if (hasRequiredFlag(values.type)) {
    dto.required = values.required;
  }

  return dto;
}
