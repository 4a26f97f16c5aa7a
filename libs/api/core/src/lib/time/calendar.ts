/** Municipalities are in Germany: "today" is the calendar day there, whatever the server's time zone. */
export const CALENDAR_TIME_ZONE = 'Europe/Berlin';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: CALENDAR_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (`YYYY-MM-DD`) in Germany. */
export function calendarToday(now: Date = new Date()): string {
  return formatter.format(now);
}

/** True for a real calendar day written `YYYY-MM-DD` (no 2026-02-30), 1900–2100. Such strings compare like dates. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}
