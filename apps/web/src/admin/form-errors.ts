import { ApiError } from '../api/client';

export type FieldErrors = Record<string, string>;

/**
 * Field errors of a failed request, keyed by property path (`title`, `options.choices`), worded
 * for display next to the input by `ApiError.fieldErrors`.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  return error instanceof ApiError ? error.fieldErrors() : {};
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
