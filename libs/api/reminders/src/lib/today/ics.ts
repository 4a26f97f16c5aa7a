/**
 * A single appointment as an iCalendar file (RFC 5545), for the office
 * calendar: CRLF line ends, TEXT values escaped, lines folded at 75 octets,
 * start and end in Europe/Berlin with its VTIMEZONE (the EU rule since 1996),
 * UID and DTSTAMP. Pure: the same input gives the same bytes.
 */
export interface IcsAppointment {
  /** Globally unique and stable for the appointment (a re-download updates, not duplicates, the event). */
  uid: string;
  start: Date;
  durationMinutes: number;
  summary: string;
  description?: string;
  /** When the file was made (DTSTAMP, UTC). */
  stamp: Date;
}

export const ICS_TIME_ZONE = 'Europe/Berlin';

const VTIMEZONE_BERLIN = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, line breaks. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line after at most 75 octets (UTF-8), never inside a character; continuation lines start with a space. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; each continuation 74 after its leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const berlin = new Intl.DateTimeFormat('en-GB', {
  timeZone: ICS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `YYYYMMDDTHHMMSS`: the wall-clock time in Germany (DATE-TIME with TZID). */
export function berlinLocal(date: Date): string {
  const part = Object.fromEntries(berlin.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part['year']}${part['month']}${part['day']}T${part['hour']}${part['minute']}${part['second']}`;
}

/** `YYYYMMDDTHHMMSSZ` (UTC), for DTSTAMP. */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export function buildIcs(appointment: IcsAppointment): string {
  const end = new Date(appointment.start.getTime() + appointment.durationMinutes * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Wegweiser//Heute//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...VTIMEZONE_BERLIN,
    'BEGIN:VEVENT',
    `UID:${appointment.uid}`,
    `DTSTAMP:${utcStamp(appointment.stamp)}`,
    `DTSTART;TZID=${ICS_TIME_ZONE}:${berlinLocal(appointment.start)}`,
    `DTEND;TZID=${ICS_TIME_ZONE}:${berlinLocal(end)}`,
    `SUMMARY:${escapeIcsText(appointment.summary)}`,
    ...(appointment.description ? [`DESCRIPTION:${escapeIcsText(appointment.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
