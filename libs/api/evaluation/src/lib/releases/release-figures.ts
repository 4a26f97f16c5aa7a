import type { PublishedCountTable } from '../disclosure';
import type {
  CohortOutcomes,
  EvaluationMetrics,
} from '../metrics/evaluation-metrics.types';
import { outcomeCells } from '../report/report-cohorts';
import {
  outcomeColumns,
  REPORT_MEASURES,
  SOFT_CHANGE_KEYS,
} from '../report/report-labels';
import {
  entryScopes,
  normalised,
  quartersOf,
  scopeKey,
  type FigureScope,
  type TableScope,
} from './figure-scope';
import { atomKey, rawAtomsOf, type ReleasedFigure } from './release-audit';

/** The count tables of a release: their scope (absent = not recorded) and what was printed. */
export interface ReleasedTable {
  readonly scope?: TableScope;
  readonly withTotals: boolean;
  readonly published: PublishedCountTable;
}

/**
 * Every printed figure of a release with its scope, each scope once (a figure printed in several tables, e.g. a
 * cohort size, is one figure). Tables without totals record their cells only (their margins are not printed).
 */
export function releasedFigures(
  tables: readonly ReleasedTable[],
): ReleasedFigure[] {
  const figures = new Map<string, ReleasedFigure>();
  const add = (scope: FigureScope, value: number | null) => {
    const key = scopeKey(scope);
    const seen = figures.get(key);
    if (!seen || (seen.value === null && value !== null))
      figures.set(key, { scope, value });
  };
  for (const { scope, withTotals, published } of tables) {
    if (!scope) continue;
    const scopes = entryScopes(scope);
    scopes.cells.forEach((row, r) =>
      row.forEach((s, c) => add(s, published.cells[r][c])),
    );
    if (!withTotals) continue;
    scopes.rowTotals.forEach((s, r) => add(s, published.rowTotals[r]));
    scopes.columnTotals.forEach((s, c) => add(s, published.columnTotals[c]));
    add(scopes.grandTotal, published.grandTotal);
  }
  return [...figures.values()].sort((a, b) =>
    compareKeys(scopeKey(a.scope), scopeKey(b.scope)),
  );
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The metrics of a release: the cohort totals and one result per breakdown. */
export interface TruthMetrics {
  readonly total: EvaluationMetrics;
  readonly byBreakdown: Partial<Record<string, EvaluationMetrics>>;
}

/**
 * The true value of any aggregate over the quarters of the release, from its raw metrics (known at report time,
 * never stored); `undefined` when the scope reaches a quarter outside the release.
 */
export function truthOf(
  metrics: TruthMetrics,
): (scope: FigureScope) => number | undefined {
  const atoms = new Map<string, number>();
  const quarters = new Set<string>();
  const put = (
    family: string,
    cohort: string,
    row: string,
    column: string,
    value: number,
  ) => {
    const inCohort = quartersOf(cohort);
    // A year cohort cannot be split into its quarters: its aggregates stay unknown (the audit then uses the LP alone).
    if (inCohort.length !== 1) return;
    const [quarter] = inCohort;
    quarters.add(quarter);
    const key = atomKey(family, quarter, row, column);
    atoms.set(key, (atoms.get(key) ?? 0) + value);
  };
  const outcomes = (dimension: string, row: CohortOutcomes, member: string) => {
    put(`size:${dimension}`, row.cohort, member, '*', row.clients);
    for (const measure of REPORT_MEASURES) {
      const cells = outcomeCells(row, measure);
      outcomeColumns(measure).forEach((column, c) =>
        put(
          `outcome:${measure}:${dimension}`,
          row.cohort,
          member,
          column,
          cells[c],
        ),
      );
    }
  };
  for (const row of metrics.total.cohorts) outcomes('all', row, '*');
  for (const [dimension, result] of Object.entries(metrics.byBreakdown)) {
    for (const row of result?.cohorts ?? [])
      if (row.group !== null) outcomes(dimension, row, row.group);
  }
  for (const row of metrics.total.softRatings)
    SOFT_CHANGE_KEYS.forEach((change) =>
      put(`soft:${row.factor}`, row.cohort, '*', change, row[change]),
    );
  for (const row of metrics.total.closures)
    put('closures', row.cohort, '*', row.reason, row.clients);
  for (const row of metrics.total.goals)
    put('goals', row.cohort, row.fieldOfAction, row.state, row.clients);
  return (scope) => {
    if (!scope.quarters.every((q) => quarters.has(q))) return undefined;
    return rawAtomsOf({
      ...scope,
      quarters: normalised(scope.quarters),
    }).reduce((sum, atom) => sum + (atoms.get(atom) ?? 0), 0);
  };
}
