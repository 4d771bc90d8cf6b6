import { DomainError } from '@tps/platform';

/** Position after the last row of a page: `updated_at` in UTC with its microseconds, and the id. */
export interface DossierCursor {
  updatedAt: string;
  id: string;
}

/** Format produced by `CURSOR_TIMESTAMP_SQL`; a JavaScript Date would drop the microseconds. */
const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SQL expression of a dossier's `updated_at` in the cursor's format. */
export const CURSOR_TIMESTAMP_SQL = `to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function encodeCursor(cursor: DossierCursor): string {
  return Buffer.from(JSON.stringify([cursor.updatedAt, cursor.id])).toString('base64url');
}

/** Decodes a cursor from `nextCursor`; anything else is a VALIDATION_FAILED on `cursor`. */
export function decodeCursor(encoded: string): DossierCursor {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      typeof decoded[0] === 'string' &&
      TIMESTAMP_PATTERN.test(decoded[0]) &&
      typeof decoded[1] === 'string' &&
      UUID_PATTERN.test(decoded[1])
    ) {
      return { updatedAt: decoded[0], id: decoded[1] };
    }
  } catch {
    // Falls through to the validation error below.
  }
  throw DomainError.invalid([
    {
      field: 'cursor',
      message: 'curseur invalide : reprenez la valeur nextCursor de la page précédente',
    },
  ]);
}
