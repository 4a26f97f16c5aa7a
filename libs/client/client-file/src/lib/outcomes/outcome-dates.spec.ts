import { FormControl } from '@angular/forms';
import { notAfterToday, todayDate } from './outcome-dates';

describe('outcome dates', () => {
  it('takes today from the Berlin calendar (the API\'s), not the device\'s zone', () => {
    expect(todayDate(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(todayDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(todayDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('refuses a day after today, accepts today, earlier days and empty fields', () => {
    expect(notAfterToday(new FormControl('2099-01-01'))).toEqual({ inFuture: true });
    expect(notAfterToday(new FormControl(todayDate()))).toBeNull();
    expect(notAfterToday(new FormControl('2020-02-29'))).toBeNull();
    expect(notAfterToday(new FormControl(''))).toBeNull();
  });
});
