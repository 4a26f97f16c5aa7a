/** Appointments are kept in Germany: shown in Europe/Berlin whatever the device's time zone. */
export const APPOINTMENT_TIME_ZONE = 'Europe/Berlin';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: APPOINTMENT_TIME_ZONE });
    formats.set(key, formatter);
  }
  return formatter;
}

/** "Di., 08.12.2026" / "Tue, 08/12/2026": the appointment's day in Germany. */
export function appointmentDay(iso: string, locale: string): string {
  return format(locale === 'en' ? 'en-GB' : 'de-DE', { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}

/** "10:30": the appointment's time in Germany (24 h). */
export function appointmentTime(iso: string, locale: string): string {
  return format(locale === 'en' ? 'en-GB' : 'de-DE', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** `YYYY-MM-DD` of the appointment in Germany. */
export function appointmentDate(iso: string): string {
  return format('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** "08.12.2026" for a civil date `YYYY-MM-DD` (no time zone involved). */
export function civilDate(isoDate: string, locale: string): string {
  const [year, month, day] = isoDate.split('-');
  return locale === 'en' ? `${day}/${month}/${year}` : `${day}.${month}.${year}`;
}
