import type { CohortGranularity } from '../metrics/metrics-query';
import type {
  CohortOutcomes,
  EvaluationMetrics,
  MeasureCounts,
} from '../metrics/evaluation-metrics.types';
import {
  BREAKDOWN_SCHEMES,
  INTERVAL_KEYS,
  type ReportGroup,
} from './report-labels';
import type { Breakdown } from '../metrics/evaluation-metrics.sql';

/** Metrics that do not fit the report (a cohort outside the period, a value outside the vocabulary, …). */
export class InvalidReportMetricsError extends Error {
  readonly code = 'invalidReportMetrics';
  constructor(reason: string) {
    super(`Evaluation metrics do not fit the report: ${reason}`);
    this.name = 'InvalidReportMetricsError';
  }
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

/** Every cohort label from `first` to `last` (`2024-Q3` … `2025-Q2`, or `2024` … `2026`), empty cohorts included. */
export function cohortLabelsBetween(
  first: string,
  last: string,
  granularity: CohortGranularity,
): string[] {
  const index = (label: string): number => {
    const match = (granularity === 'year' ? YEAR : QUARTER).exec(label);
    if (!match)
      throw new InvalidReportMetricsError(`bad cohort label ${label}`);
    return granularity === 'year'
      ? Number(match[1])
      : Number(match[1]) * 4 + Number(match[2]) - 1;
  };
  const from = index(first);
  const to = index(last);
  if (from > to) throw new InvalidReportMetricsError('first cohort after last');
  const labels: string[] = [];
  for (let i = from; i <= to; i++) {
    labels.push(
      granularity === 'year'
        ? String(i)
        : `${Math.floor(i / 4)}-Q${(i % 4) + 1}`,
    );
  }
  return labels;
}

/** The interval counts of a measure (first reached in months 0–11, 12–23, 24–35), adding up to `within36`. */
export function intervalCounts(
  counts: MeasureCounts,
  clients: number,
): number[] {
  const cells = [
    counts.within12,
    counts.within24 - counts.within12,
    counts.within36 - counts.within24,
  ];
  if (
    cells.length !== INTERVAL_KEYS.length ||
    cells.some((c) => c < 0) ||
    counts.within36 > clients
  ) {
    throw new InvalidReportMetricsError('cumulative counts are not monotone');
  }
  return cells;
}

/** The cohort totals (rows without group) by cohort label; rejects cohorts outside the period and duplicates. */
export function cohortTotals(
  metrics: EvaluationMetrics,
  cohorts: readonly string[],
): Map<string, CohortOutcomes> {
  const byCohort = new Map<string, CohortOutcomes>();
  for (const row of metrics.cohorts) {
    if (row.group !== null)
      throw new InvalidReportMetricsError('cohort totals with a group');
    checkCohort(row.cohort, cohorts);
    if (byCohort.has(row.cohort))
      throw new InvalidReportMetricsError(`cohort ${row.cohort} twice`);
    byCohort.set(row.cohort, row);
  }
  return byCohort;
}

export function checkCohort(cohort: string, cohorts: readonly string[]): void {
  if (!cohorts.includes(cohort))
    throw new InvalidReportMetricsError(`cohort ${cohort} outside the period`);
}

/**
 * The printed groups of a breakdown: the fixed groups of its scheme, or (municipality) the values present, sorted
 * in code-unit order. `groupOf` maps a raw value to its group's index and rejects values outside the vocabulary.
 */
export function breakdownGroups(
  breakdown: Breakdown,
  values: readonly string[],
): {
  groups: readonly ReportGroup[];
  groupOf: (value: string | null) => number;
} {
  const fixed = BREAKDOWN_SCHEMES[breakdown].groups;
  const groups =
    fixed ??
    [...new Set(values)]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((value) => ({ key: value, label: value, members: [value] }));
  const index = new Map<string, number>();
  groups.forEach((group, g) => group.members.forEach((m) => index.set(m, g)));
  return {
    groups,
    groupOf: (value) => {
      const g = value === null ? undefined : index.get(value);
      if (g === undefined)
        throw new InvalidReportMetricsError(`unknown ${breakdown} value`);
      return g;
    },
  };
}

/** A `rows × columns` grid of zeros. */
export function zeros(rows: number, columns: number): number[][] {
  return Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
}
