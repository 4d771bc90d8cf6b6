/** Normal form used to match a `--tag--` with a value: Unicode NFC, trimmed, single spaces, lower case. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** `--tag--` placeholder, as the procedures service checks it when a template is saved. */
export const TAG_PATTERN = /--([^\n]+?)--/g;

/** Value per normalised tag name, in a map without prototype, so no tag reaches Object members. */
export type TagValues = Record<string, string>;

/** Builds a prototype-free tag map; later entries win over earlier ones with the same name. */
export function buildTagValues(
  entries: Iterable<readonly [string, string | null | undefined]>,
): TagValues {
  const values = Object.create(null) as TagValues;
  for (const [tag, value] of entries) {
    values[normalizeTag(tag)] = value ?? '';
  }

  return values;
}

const PARIS_DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** `dd/mm/yyyy` in Europe/Paris time, or an empty string when there is no date. */
export function formatParisDate(iso: string | Date | null | undefined): string {
  if (!iso) {
    return '';
  }
  const date = iso instanceof Date ? iso : new Date(iso);

  return Number.isNaN(date.getTime()) ? '' : PARIS_DATE.format(date);
}
