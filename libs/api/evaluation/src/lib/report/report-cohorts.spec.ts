import {
  breakdownGroups,
  cohortLabelsBetween,
  intervalCounts,
  InvalidReportMetricsError,
  mergeSmallGroups,
  observableFor,
  outcomeCells,
} from './report-cohorts';
import { cohortRow, measureCounts } from './testing/report-fixture';

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

describe('groups merged into "übrige" and observability (issue 19)', () => {
  const ageBands = breakdownGroups('ageBand', []);
  const genders = breakdownGroups('gender', []);

  it('merges the groups below k into "übrige" when together they reach k, listing their members', () => {
    // unter 25: 3, 25–34: 20, 35–44: 30, 45 und älter: 2 → "übrige" = unter 25 + 45 und älter = 5.
    const merged = mergeSmallGroups(ageBands, [3, 20, 30, 2], 5);
    expect(merged.groups.map((g) => g.label)).toEqual([
      '25–34',
      '35–44',
      'übrige',
    ]);
    expect(merged.groups[2].members).toEqual(['under_18', '18_24', '45_plus']);
    expect(merged.groups[2].mergedLabels).toEqual(['unter 25', '45 und älter']);
    expect(merged.groupOf('45_plus')).toBe(2);
    expect(merged.groupOf('35_44')).toBe(1);
  });

  it('merges nothing when the small groups stay below k together (the others stay groups of their own)', () => {
    const merged = mergeSmallGroups(ageBands, [3, 15, 22, 9], 5);
    expect(merged.groups.map((g) => g.label)).toEqual([
      'unter 25',
      '25–34',
      '35–44',
      '45 und älter',
    ]);
  });

  it('publishes gender as weiblich and männlich only: "divers" / "keine Angabe" are assigned by the metrics', () => {
    expect(genders.groups.map((g) => g.label)).toEqual(['weiblich', 'männlich']);
    expect(genders.groupOf('female')).toBe(0);
    expect(genders.groupOf('male')).toBe(1);
    for (const raw of ['diverse', 'unspecified'])
      expect(() => genders.groupOf(raw)).toThrow(InvalidReportMetricsError);
  });

  it('knows when a cohort can have been observed for N months', () => {
    // 2024-Q1 ends 2024-03-31: 12 months later is 2025-03-31.
    expect(observableFor('2024-Q1', 12, '2025-03-31')).toBe(true);
    expect(observableFor('2024-Q1', 12, '2025-03-30')).toBe(false);
    expect(observableFor('2024-Q4', 36, '2027-12-31')).toBe(true);
    expect(observableFor('2024-Q4', 36, '2027-12-30')).toBe(false);
    expect(observableFor('2024-Q2', 24, '')).toBe(true);
  });

  it('puts every person in one outcome column: at start, the intervals, not reached', () => {
    const row = {
      ...cohortRow('2024-Q1', 20, { b1: measureCounts(4, 8, 10) }),
      atStart: { b1: 3, employment: 0, apprenticeship: 0, studies: 0 },
    };
    expect(outcomeCells(row, 'b1')).toEqual([3, 4, 4, 2, 7]);
    expect(outcomeCells(row, 'employmentMiniJob')).toEqual([0, 0, 0, 20]);
  });
});
