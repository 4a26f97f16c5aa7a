import { germanDate, isObservable, observedMonths } from './observation';
import { InvalidReportMetricsError } from './report-cohorts';

describe('observedMonths', () => {
  it('counts whole months from the last day of the cohort', () => {
    // 2024-Q1 ends 2024-03-31: + 24 months = 2026-03-31.
    expect(observedMonths('2024-Q1', 'quarter', '2026-03-31')).toBe(24);
    expect(observedMonths('2024-Q1', 'quarter', '2026-03-30')).toBe(23);
    // 2024-Q1 + 1 month = 2024-04-30 (clamped), so 2024-04-30 is one whole month.
    expect(observedMonths('2024-Q1', 'quarter', '2024-04-30')).toBe(1);
    expect(observedMonths('2024-Q1', 'quarter', '2024-04-29')).toBe(0);
    expect(observedMonths('2024-Q1', 'quarter', '2024-03-31')).toBe(0);
    expect(observedMonths('2023', 'year', '2026-12-31')).toBe(36);
    expect(observedMonths('2023', 'year', '2026-12-07')).toBe(35);
  });

  it('is −1 for a cohort still running', () => {
    expect(observedMonths('2026-Q4', 'quarter', '2026-12-07')).toBe(-1);
    expect(isObservable('2026-Q4', 'quarter', 0, '2026-12-07')).toBe(true);
    expect(isObservable('2026-Q4', 'quarter', 12, '2026-12-07')).toBe(false);
  });

  it('decides observability for m months', () => {
    expect(isObservable('2024-Q4', 'quarter', 24, '2026-12-31')).toBe(true);
    expect(isObservable('2024-Q4', 'quarter', 24, '2026-12-30')).toBe(false);
    expect(isObservable('2024-Q4', 'quarter', 12, '2026-12-30')).toBe(true);
  });

  it('refuses bad input and prints German dates', () => {
    expect(() => observedMonths('2024-Q5', 'quarter', '2026-01-01')).toThrow(InvalidReportMetricsError);
    expect(() => observedMonths('2024-Q1', 'quarter', '2026-02-30')).toThrow(InvalidReportMetricsError);
    expect(germanDate('2026-12-07')).toBe('07.12.2026');
  });
});
