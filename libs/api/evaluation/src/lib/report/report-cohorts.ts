import type { CohortGranularity } from '../metrics/metrics-query';
import type {
  CohortOutcomes,
  EvaluationMetrics,
  HeadlineMeasure,
  MeasureCounts,
  MeasureKey,
} from '../metrics/evaluation-metrics.types';
import {
  AT_START_MEASURES,
  BREAKDOWN_SCHEMES,
  INTERVAL_KEYS,
  OTHER_GROUP,
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

/**
 * One row of an outcome table (issue 19): the persons with the outcome at start (headline measures only), those
 * who first reached it in each interval, and those who did not within 36 months, adding up to `row.clients`.
 * Those at start are not counted in within12/24/36 (metrics definition), so not reached = clients − atStart − within36.
 */
export function outcomeCells(
  row: CohortOutcomes,
  measure: MeasureKey,
): number[] {
  const counts = row.outcomes[measure];
  const atStart = AT_START_MEASURES.includes(measure)
    ? row.atStart[measure as HeadlineMeasure]
    : undefined;
  const intervals = intervalCounts(counts, row.clients);
  const notReached = row.clients - (atStart ?? 0) - counts.within36;
  if (notReached < 0 || (atStart !== undefined && atStart < 0))
    throw new InvalidReportMetricsError('outcome counts exceed the cohort');
  return atStart === undefined
    ? [...intervals, notReached]
    : [atStart, ...intervals, notReached];
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

/** A printed group; `mergedLabels` marks "übrige" and names the groups it merges. */
export type PrintedGroup = ReportGroup;

/**
 * Merges the groups with fewer than `k` persons in the period (zeros included) into one group "übrige" (last,
 * listing its members), but only when the merged group reaches `k`: then it is publishable and the other groups
 * keep their own rows. When the small groups together stay below `k` (e.g. only one age group with 3),
 * nothing is merged — merging a publishable group into them would hide that group for good; the small
 * group is suppressed instead, with complementary suppression as usual. Depends only on the group sizes.
 */
export function mergeSmallGroups(
  scheme: {
    groups: readonly ReportGroup[];
    groupOf: (value: string | null) => number;
  },
  sizes: readonly number[],
  k: number,
): {
  groups: readonly PrintedGroup[];
  groupOf: (value: string | null) => number;
} {
  const small = scheme.groups.map((_, g) => g).filter((g) => sizes[g] < k);
  const merged = small.reduce((sum, g) => sum + sizes[g], 0);
  if (small.length < 2 || merged < k) return scheme;
  const kept = scheme.groups.map((_, g) => g).filter((g) => sizes[g] >= k);
  const other: PrintedGroup = {
    key: OTHER_GROUP.key,
    label: OTHER_GROUP.label,
    members: small.flatMap((g) => scheme.groups[g].members),
    mergedLabels: small.map((g) => scheme.groups[g].label),
  };
  const position = new Map<number, number>();
  kept.forEach((g, i) => position.set(g, i));
  small.forEach((g) => position.set(g, kept.length));
  return {
    groups: [...kept.map((g) => scheme.groups[g]), other],
    groupOf: (value) => position.get(scheme.groupOf(value)) as number,
  };
}

/**
 * True when every person of the cohort can have been observed for `months`: the cohort's last day plus `months`
 * is on or before `observedUntil` (`YYYY-MM-DD`; empty = not known, everything counts as observable).
 */
export function observableFor(
  cohort: string,
  months: number,
  observedUntil: string,
): boolean {
  if (!observedUntil) return true;
  const quarter = QUARTER.exec(cohort);
  const year = YEAR.exec(cohort);
  const lastMonth = quarter ? Number(quarter[2]) * 3 : year ? 12 : NaN;
  const y = Number((quarter ?? year)?.[1]);
  if (Number.isNaN(lastMonth))
    throw new InvalidReportMetricsError(`bad cohort label ${cohort}`);
  // Day 0 of the month after = the last day of month `lastMonth + months` (1-based).
  const end = new Date(Date.UTC(y, lastMonth + months, 0));
  return end.toISOString().slice(0, 10) <= observedUntil;
}

/** A `rows × columns` grid of zeros. */
export function zeros(rows: number, columns: number): number[][] {
  return Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
}
