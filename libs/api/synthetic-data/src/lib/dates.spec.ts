import { addMonths, berlinTimestamp, civilFromDays, daysFromCivil, isoDate, parseIsoDate, toWorkdayOnOrBefore, weekday } from './dates';

describe('dates', () => {
  it('round-trips day numbers and ISO dates across leap years', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(isoDate(parseIsoDate('2024-02-29'))).toBe('2024-02-29');
    for (let day = parseIsoDate('1950-01-01'); day < parseIsoDate('2040-01-01'); day += 37) {
      const { year, month, day: d } = civilFromDays(day);
      expect(daysFromCivil(year, month, d)).toBe(day);
    }
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
    expect(() => parseIsoDate('1.11.2026')).toThrow(RangeError);
  });

  it('adds calendar months and clamps to the month end', () => {
    expect(isoDate(addMonths(parseIsoDate('2023-01-31'), 1))).toBe('2023-02-28');
    expect(isoDate(addMonths(parseIsoDate('2023-11-15'), 36))).toBe('2026-11-15');
    expect(isoDate(addMonths(parseIsoDate('2026-03-31'), -13))).toBe('2025-02-28');
  });

  it('knows weekdays and moves weekends back to Friday', () => {
    expect(weekday(parseIsoDate('2026-11-01'))).toBe(0); // a Sunday
    expect(isoDate(toWorkdayOnOrBefore(parseIsoDate('2026-11-01')))).toBe('2026-10-30');
    expect(isoDate(toWorkdayOnOrBefore(parseIsoDate('2026-10-28')))).toBe('2026-10-28');
  });

  it('converts Berlin office hours to UTC with summer time', () => {
    expect(berlinTimestamp(parseIsoDate('2026-01-15'), 9 * 60)).toBe('2026-01-15T08:00:00.000Z');
    expect(berlinTimestamp(parseIsoDate('2026-07-15'), 9 * 60)).toBe('2026-07-15T07:00:00.000Z');
    // 2026: summer time from 29 March to 25 October.
    expect(berlinTimestamp(parseIsoDate('2026-03-27'), 9 * 60)).toBe('2026-03-27T08:00:00.000Z');
    expect(berlinTimestamp(parseIsoDate('2026-03-30'), 9 * 60)).toBe('2026-03-30T07:00:00.000Z');
    expect(berlinTimestamp(parseIsoDate('2026-10-23'), 9 * 60)).toBe('2026-10-23T07:00:00.000Z');
    expect(berlinTimestamp(parseIsoDate('2026-10-26'), 9 * 60)).toBe('2026-10-26T08:00:00.000Z');
  });
});
