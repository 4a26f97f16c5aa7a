import { calendarToday } from '@wegweiser/api/core';
import { InvalidThresholdError } from '../disclosure';
import {
  cohortLabel,
  cohortStart,
  InvalidMetricsQueryError,
  toCohortRange,
} from './metrics-query';

describe('evaluation query → whole cohorts', () => {
  it.each([
    ['2025-01-01', 'quarter', '2025-01-01'],
    ['2025-03-31', 'quarter', '2025-01-01'],
    ['2025-04-01', 'quarter', '2025-04-01'],
    ['2025-08-15', 'quarter', '2025-07-01'],
    ['2025-12-31', 'quarter', '2025-10-01'],
    ['2025-12-31', 'year', '2025-01-01'],
    ['2024-02-29', 'year', '2024-01-01'],
  ] as const)('%s by %s starts on %s', (date, granularity, start) => {
    expect(cohortStart(date, granularity)).toBe(start);
  });

  it.each([
    ['2025-01-01', 'quarter', '2025-Q1'],
    ['2025-04-01', 'quarter', '2025-Q2'],
    ['2025-07-01', 'quarter', '2025-Q3'],
    ['2025-10-01', 'quarter', '2025-Q4'],
    ['2025-01-01', 'year', '2025'],
  ] as const)('cohort %s by %s is labelled %s', (date, granularity, label) => {
    expect(cohortLabel(date, granularity)).toBe(label);
  });

  it('widens the period to whole cohorts, resolves k and observes until today in Germany unless fixed', () => {
    expect(
      toCohortRange({
        from: '2024-02-10',
        to: '2024-05-03',
        granularity: 'quarter',
      }),
    ).toEqual({
      firstCohort: '2024-01-01',
      lastCohort: '2024-04-01',
      granularity: 'quarter',
      breakdown: null,
      k: 5,
      observedUntil: calendarToday(),
    });
    expect(
      toCohortRange({
        from: '2023-06-30',
        to: '2024-01-01',
        granularity: 'year',
        breakdown: 'region',
        k: 7,
        observedUntil: '2026-06-30',
      }),
    ).toEqual({
      firstCohort: '2023-01-01',
      lastCohort: '2024-01-01',
      granularity: 'year',
      breakdown: 'region',
      k: 7,
      observedUntil: '2026-06-30',
    });
  });

  it('refuses bad dates, reversed periods, unknown granularity and breakdowns, and k below 3', () => {
    const base = {
      from: '2024-01-01',
      to: '2024-12-31',
      granularity: 'quarter',
    } as const;
    expect(() => toCohortRange({ ...base, from: '2024-02-30' })).toThrow(
      InvalidMetricsQueryError,
    );
    expect(() => toCohortRange({ ...base, to: '31.12.2024' })).toThrow(
      InvalidMetricsQueryError,
    );
    expect(() => toCohortRange({ ...base, from: '2025-01-01' })).toThrow(
      InvalidMetricsQueryError,
    );
    expect(() =>
      toCohortRange({ ...base, granularity: 'month' as never }),
    ).toThrow(InvalidMetricsQueryError);
    expect(() =>
      toCohortRange({ ...base, breakdown: 'team' as never }),
    ).toThrow(InvalidMetricsQueryError);
    expect(() =>
      toCohortRange({ ...base, breakdown: 'toString' as never }),
    ).toThrow(InvalidMetricsQueryError);
    expect(() =>
      toCohortRange({ ...base, observedUntil: '2026-02-30' }),
    ).toThrow(InvalidMetricsQueryError);
    expect(() => toCohortRange({ ...base, k: 2 })).toThrow(
      InvalidThresholdError,
    );
  });
});
