import { ApiError } from '../api/client';

export type FieldErrors = Record<string, string>;

/**
 * Field errors of a failed request, keyed by property path (`title`, `options.choices`), worded
 * for display next to the input: validation messages start with the property name
 * (« title doit comporter… »), which becomes « Ce champ doit comporter… ».
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) {
    return {};
  }
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    errors[field] = displayMessage(field, message);
  }

  return errors;
}

function displayMessage(field: string, message: string): string {
  const text = message.startsWith(`${field} `) ? `Ce champ ${message.slice(field.length + 1)}` : message;
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);

  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** True when at least one of the listed fields has an error shown next to its input. */
export function hasErrorOn(errors: FieldErrors, fields: readonly string[]): boolean {
  return fields.some((field) => errors[field] !== undefined);
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Loose check of an e-mail address; the gateway applies the exact rule. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** Moves focus to the first input flagged in error, once React has rendered the messages. */
export function focusFirstError(): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
