import type { PublishedCountTable } from '../disclosure';
import type {
  CohortOutcomes,
  EvaluationMetrics,
} from '../metrics/evaluation-metrics.types';
import { outcomeCells } from '../report/report-cohorts';
import { STATUS_COUNTS, statusFamily } from '../report/status-tables';
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

/**
 * The cumulative figures of the outcome tables that no table prints as such — per row (and for all rows together):
 * every run of two or more adjacent printed columns after the start (reached within 24 or 36 months, not reached
 * within 12 or 24 months, all who could still reach it; a column "bei Beginn vorhanden" folded into another one
 * counts as part of it, as printed) — as suppressed figures (`value` null) of the release: the audit then requires
 * each of them, like any hidden count, to be either at least k or not narrowed below the protection width by what is
 * printed (e.g. a group of 10 with 6 "not within 36 months" printed and nobody at start reveals "4 reached it within
 * 36 months" although each interval is hidden).
 */
export function windowFigures(tables: readonly (TableScope | undefined)[]): ReleasedFigure[] {
  const figures = new Map<string, ReleasedFigure>();
  for (const table of tables) {
    if (!table || !table.family.startsWith('outcome:')) continue;
    const all = normalised(table.columns).join();
    // The printed columns after the start, in order (a separate "bei Beginn vorhanden" column is not one of them).
    const members = table.columnAxis
      .map((axis) => axis.columns ?? [])
      .filter((columns) => columns.length > 0 && !(columns.length === 1 && columns[0] === 'atStart'));
    for (const row of [...table.rowAxis, {}]) {
      for (let from = 0; from < members.length; from++)
        for (let to = from + 1; to < members.length; to++) {
          const columns = normalised(members.slice(from, to + 1).flat());
          // All columns: the row's size, printed already.
          if (columns.join() === all) continue;
          const scope: FigureScope = {
            family: table.family,
            quarters: normalised(row.quarters ?? table.quarters),
            rows: normalised(row.rows ?? table.rows),
            columns,
          };
          figures.set(scopeKey(scope), { scope, value: null });
        }
    }
  }
  return [...figures.values()];
}

/** The figures of a release plus its window figures not among them, sorted by scope key. */
export function withWindowFigures(figures: readonly ReleasedFigure[], windows: readonly ReleasedFigure[]): ReleasedFigure[] {
  const keys = new Set(figures.map((f) => scopeKey(f.scope)));
  return [...figures, ...windows.filter((w) => !keys.has(scopeKey(w.scope)))].sort((a, b) =>
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
  const statuses = (row: CohortOutcomes) => {
    for (const { id, columnKeys, cells } of STATUS_COUNTS) {
      const counts = cells(row);
      columnKeys.forEach((key, c) => put(statusFamily(id), row.cohort, '*', key, counts[c]));
    }
  };
  for (const row of metrics.total.cohorts) {
    outcomes('all', row, '*');
    statuses(row);
  }
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
