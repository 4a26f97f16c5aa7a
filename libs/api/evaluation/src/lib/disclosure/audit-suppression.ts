import {
  describeEntry,
  type EntryRef,
  type PublishedCountTable,
} from './count-table';
import { DisclosureRiskError } from './disclosure-errors';
import { feasibleIntervals } from './feasible-intervals';
import { resolveProtection } from './protection';
import { entryAt, positions, toGrid } from './table-grid';
import { resolveK } from './threshold';

/** What an attacker can learn about one suppressed entry from the published table. */
export interface SuppressedInterval {
  readonly entry: EntryRef;
  /** Smallest and largest value consistent with everything published (`max` may be `Infinity`). */
  readonly min: number;
  readonly max: number;
  /** `max − min ≥ protection`. */
  readonly protected: boolean;
}

/** Result of {@link auditSuppression}. */
export interface SuppressionAudit {
  readonly protection: number;
  readonly intervals: readonly SuppressedInterval[];
  /** Published counts below `k` (only checked when `k` is given). */
  readonly belowK: readonly EntryRef[];
  /** No published count below `k` and every suppressed entry protected. */
  readonly passed: boolean;
}

/** Options of {@link auditSuppression}. */
export interface AuditOptions {
  /** Minimum width of each suppressed entry's feasible interval; default 1. */
  readonly protection?: number;
  /** When given, published counts below `k` fail the audit too. */
  readonly k?: number;
}

/**
 * Audits a table exactly as published: for every suppressed entry, solves two linear programs (minimise and
 * maximise it subject to non-negative counts and every row, column and grand-total relation, with published
 * entries fixed) and reports the interval. Runs at report time as well as in tests.
 */
export function auditSuppression(
  table: PublishedCountTable,
  options: AuditOptions = {},
): SuppressionAudit {
  const protection = resolveProtection(options.protection);
  const grid = toGrid(
    table.cells,
    table.rowTotals,
    table.columnTotals,
    table.grandTotal,
  );
  const intervals = feasibleIntervals(grid).map(({ position, min, max }) => ({
    entry: entryAt(grid, position),
    min,
    max,
    protected: max - min >= protection,
  }));
  const k = options.k === undefined ? undefined : resolveK(options.k);
  const belowK =
    k === undefined
      ? []
      : positions(grid)
          .filter(([r, c]) => {
            const value = grid[r][c];
            return value !== null && value < k;
          })
          .map((position) => entryAt(grid, position));
  return {
    protection,
    intervals,
    belowK,
    passed: belowK.length === 0 && intervals.every((i) => i.protected),
  };
}

/** Throws {@link DisclosureRiskError} (naming entries by label, no values) unless the published table passes the audit. */
export function assertProtected(
  table: PublishedCountTable,
  options: AuditOptions = {},
): void {
  const audit = auditSuppression(table, options);
  if (audit.passed) return;
  const failing = [
    ...audit.belowK,
    ...audit.intervals.filter((i) => !i.protected).map((i) => i.entry),
  ];
  throw new DisclosureRiskError(
    failing.map((entry) =>
      describeEntry(entry, table.rowLabels, table.columnLabels),
    ),
  );
}
