import { addMonths, maximumWindowEnd, regularWindowEnd } from './support-window';

describe('support window', () => {
  it('adds months like PostgreSQL (day clamped to the end of the month)', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('ends 36 months after the start, 48 at the latest', () => {
    expect(regularWindowEnd('2026-05-04')).toBe('2029-05-04');
    expect(maximumWindowEnd('2026-05-04')).toBe('2030-05-04');
    expect(maximumWindowEnd('2024-02-29')).toBe('2028-02-29');
  });
});
