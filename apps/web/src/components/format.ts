const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });
const BYTES = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « 4 décembre 2026 à 14:32 », or « — » when there is no date. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? DATE_TIME.format(new Date(iso)) : '—';
}

/** « 4 décembre 2026 » from an ISO date or date-time. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  // A bare date (YYYY-MM-DD) is a calendar day, not midnight UTC: keep it in local time.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return DATE.format(date);
}

/** « 1,5 Mo » */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} octets`;
  }
  if (bytes < 1024 * 1024) {
    return `${BYTES.format(bytes / 1024)} Ko`;
  }
  return `${BYTES.format(bytes / (1024 * 1024))} Mo`;
}

/** Enough fraction digits to show any bound an administrator can type, never rounded. */
const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 20 });

/** « 10 000 », « 0,5 »: a number written the French way, for every number shown to people. */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** French names of the file types the gateway accepts (docs/http-api.md, « Uploads »). */
const FILE_TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'Image PNG',
  'image/jpeg': 'Image JPEG',
  'image/gif': 'Image GIF',
  'image/webp': 'Image WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Document Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Tableur Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation':
    'Présentation PowerPoint',
  'application/vnd.oasis.opendocument.text': 'Document OpenDocument',
  'application/vnd.oasis.opendocument.spreadsheet': 'Tableur OpenDocument',
  'application/vnd.oasis.opendocument.presentation': 'Présentation OpenDocument',
};

/** « PDF », « Image PNG »…, or the MIME type itself for a type with no French name. */
export function formatFileType(contentType: string): string {
  const essence = contentType.split(';')[0].trim().toLowerCase();

  return FILE_TYPE_LABELS[essence] ?? contentType;
}
