/** The municipality's calendar: dates entered and times shown are German local time, whatever the browser's zone. */
export const CALENDAR_TIME_ZONE = 'Europe/Berlin';

/** The UTC offset of German local time at the start of `date` (YYYY-MM-DD), e.g. `+01:00` or `+02:00`. */
export function berlinOffset(date: string): string {
  // Midnight local is 22:00/23:00 UTC the day before; DST switches at 01:00 UTC, so 00:00 UTC has midnight's offset.
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: CALENDAR_TIME_ZONE, timeZoneName: 'longOffset' }).formatToParts(new Date(`${date}T00:00:00Z`));
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  return /GMT([+-]\d{2}:\d{2})/.exec(name)?.[1] ?? '+00:00';
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * The period entered (whole German days, both inclusive) as the API's bounds
 * with explicit offsets: `from` at local midnight, `to` exclusive at the next
 * local midnight. 01.01.2026–31.01.2026 → 2026-01-01T00:00:00+01:00 … 2026-02-01T00:00:00+01:00.
 */
export function periodBounds(from: string | null | undefined, to: string | null | undefined): { from?: string; to?: string } {
  const bounds: { from?: string; to?: string } = {};
  if (from) bounds.from = `${from}T00:00:00${berlinOffset(from)}`;
  if (to) {
    const end = nextDay(to);
    bounds.to = `${end}T00:00:00${berlinOffset(end)}`;
  }
  return bounds;
}

/** A point in time as German local date and time (`06.12.2026, 18:42:17`). */
export function formatBerlinTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', { timeZone: CALENDAR_TIME_ZONE, dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}
