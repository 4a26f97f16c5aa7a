import {
  cohortLabelsBetween,
  intervalCounts,
  InvalidReportMetricsError,
} from './report-cohorts';
import { measureCounts } from './testing/report-fixture';

describe('report cohorts', () => {
  it('lists every cohort of the period, across years and including empty ones', () => {
    expect(cohortLabelsBetween('2024-Q3', '2025-Q2', 'quarter')).toEqual([
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
    ]);
    expect(cohortLabelsBetween('2023', '2025', 'year')).toEqual([
      '2023',
      '2024',
      '2025',
    ]);
    expect(() => cohortLabelsBetween('2025-Q1', '2024-Q4', 'quarter')).toThrow(
      InvalidReportMetricsError,
    );
    expect(() => cohortLabelsBetween('2025', '2025', 'quarter')).toThrow(
      InvalidReportMetricsError,
    );
  });

  it('splits cumulative counts into disjoint intervals and rejects counts that cannot be', () => {
    expect(intervalCounts(measureCounts(10, 20, 26, 28), 40)).toEqual([
      10, 10, 6,
    ]);
    expect(() => intervalCounts(measureCounts(10, 8, 26), 40)).toThrow(
      InvalidReportMetricsError,
    );
    expect(() => intervalCounts(measureCounts(10, 20, 41), 40)).toThrow(
      InvalidReportMetricsError,
    );
  });
});
