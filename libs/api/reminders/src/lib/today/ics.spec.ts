import { berlinLocal, buildIcs, escapeIcsText, foldIcsLine, utcStamp } from './ics';

describe('iCalendar file of an appointment', () => {
  const appointment = {
    uid: '0b7c5a8e-1f7e-4a57-9d6c-2b1f5d0e9a11-20261208T093000Z@wegweiser',
    start: new Date('2026-12-08T09:30:00Z'),
    durationMinutes: 60,
    summary: 'Termin Wegweiser, Fall BH-2026-0042',
    description: 'Gespräch laut Wegweiser; Ort: Büro\nZweite Zeile',
    stamp: new Date('2026-12-06T15:04:05.678Z'),
  };

  it('ends every line with CRLF and has the calendar, the time zone and one event', () => {
    const text = buildIcs(appointment);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('TZID:Europe/Berlin');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain(`UID:${appointment.uid}`);
    expect(lines).toContain('DTSTAMP:20261206T150405Z');
  });

  it('gives start and end as wall-clock time in Germany (winter +1 h, summer +2 h)', () => {
    const lines = buildIcs(appointment).split('\r\n');
    expect(lines).toContain('DTSTART;TZID=Europe/Berlin:20261208T103000');
    expect(lines).toContain('DTEND;TZID=Europe/Berlin:20261208T113000');
    expect(berlinLocal(new Date('2026-07-01T22:15:00Z'))).toBe('20260702T001500');
    // The night of the change to summer time: 01:59 CET, then 03:00 CEST.
    expect(berlinLocal(new Date('2026-03-29T00:59:00Z'))).toBe('20260329T015900');
    expect(berlinLocal(new Date('2026-03-29T01:00:00Z'))).toBe('20260329T030000');
  });

  it('escapes TEXT values', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(buildIcs(appointment)).toContain('SUMMARY:Termin Wegweiser\\, Fall BH-2026-0042');
    expect(buildIcs(appointment).replace(/\r\n /g, '')).toContain('DESCRIPTION:Gespräch laut Wegweiser\\; Ort: Büro\\nZweite Zeile');
  });

  it('folds lines longer than 75 octets without splitting a character, and unfolds to the original', () => {
    const long = `DESCRIPTION:${'Ü'.repeat(100)}x`;
    const folded = foldIcsLine(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(foldIcsLine('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('stamps in UTC', () => {
    expect(utcStamp(new Date('2026-01-02T03:04:05.000Z'))).toBe('20260102T030405Z');
  });
});
