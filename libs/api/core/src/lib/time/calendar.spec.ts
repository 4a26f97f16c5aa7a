import { calendarToday, isCalendarDate } from './calendar';

describe('calendar', () => {
  it('takes today from the clock in Germany, not UTC', () => {
    expect(calendarToday(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(calendarToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(calendarToday(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it.each(['2026-02-28', '2024-02-29', '1900-01-01', '2100-12-31'])('accepts %s', (value) => expect(isCalendarDate(value)).toBe(true));

  it.each([['2026-02-29'], ['2026-13-01'], ['2026-1-01'], ['2026-01-01T00:00:00Z'], ['1899-12-31'], [20260101], [null]])('refuses %p', (value) =>
    expect(isCalendarDate(value)).toBe(false),
  );
});
