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
