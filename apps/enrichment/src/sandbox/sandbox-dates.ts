const PARIS_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/**
 * Converts a calendar date to the Unix timestamp (seconds) of its midnight in Europe/Paris, the
 * way INSEE dates appear in API Entreprise: 2017-05-24 becomes 1495576800.
 */
export function parisMidnightEpoch(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  const utcMidnight = Date.UTC(year, month - 1, day);
  for (const offsetHours of [1, 2]) {
    const candidate = utcMidnight - offsetHours * 3600 * 1000;
    const parts = PARIS_DATE.formatToParts(new Date(candidate));
    const hour = parts.find((part) => part.type === 'hour')?.value;
    if (hour === '00') {
      return candidate / 1000;
    }
  }
  throw new Error(`cannot place ${isoDate} at midnight in Europe/Paris`);
}
