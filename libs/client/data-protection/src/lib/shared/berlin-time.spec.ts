import { berlinOffset, formatBerlinTime, periodBounds } from './berlin-time';

describe('German local time of the Datenschutz filters', () => {
  it('knows winter and summer time, also on the days of the switch', () => {
    expect(berlinOffset('2026-01-15')).toBe('+01:00');
    expect(berlinOffset('2026-07-15')).toBe('+02:00');
    expect(berlinOffset('2026-03-29')).toBe('+01:00');
    expect(berlinOffset('2026-10-25')).toBe('+02:00');
  });

  it('sends the period entered, both days whole, with explicit offsets (no shift by the browser’s zone)', () => {
    expect(periodBounds('2026-01-01', '2026-01-31')).toEqual({ from: '2026-01-01T00:00:00+01:00', to: '2026-02-01T00:00:00+01:00' });
    expect(periodBounds('2026-03-01', '2026-03-31')).toEqual({ from: '2026-03-01T00:00:00+01:00', to: '2026-04-01T00:00:00+02:00' });
    expect(periodBounds('2026-12-31', '2026-12-31')).toEqual({ from: '2026-12-31T00:00:00+01:00', to: '2027-01-01T00:00:00+01:00' });
    expect(periodBounds(null, '')).toEqual({});
  });

  it('shows times in German local time', () => {
    expect(formatBerlinTime('2026-12-06T23:30:00Z', 'de')).toBe('07.12.2026, 00:30:00');
    expect(formatBerlinTime('2026-07-01T10:00:00Z', 'de')).toBe('01.07.2026, 12:00:00');
  });
});
