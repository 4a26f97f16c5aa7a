import {
  validateCountTable,
  type CountTable,
  type SuppressedCountTable,
  type SuppressionStatus,
} from './count-table';
import { feasibleIntervals } from './feasible-intervals';
import {
  canonicalOrder,
  fromCanonical,
  toCanonical,
  type CanonicalOrder,
} from './canonical-order';
import { resolveProtection } from './protection';
import {
  gridLines,
  toGrid,
  type Grid,
  type Line,
  type Position,
} from './table-grid';
import { resolveK } from './threshold';

/** Options of {@link suppressTable}. */
export interface SuppressionOptions {
  /** Minimum count per published entry; default 5, never below 3. */
  readonly k?: number;
  /** Minimum width of the feasible interval of every suppressed entry; default 1 (see README). */
  readonly protection?: number;
  /** Complementary suppression; switch off only to demonstrate the audit. Default true. */
  readonly complementary?: boolean;
  /** Shared margin keys (or entry keys) that must be suppressed: another table of the report, or the audit across releases, needs it. */
  readonly forcedKeys?: ReadonlySet<string>;
}

/**
 * Decides which counts of a table are published.
 * 1. Primary: every entry (cells and margins, zeros included) below `k`.
 * 2. Forced: shared margins suppressed in a linked table.
 * 3. Complementary, repeated to a fixed point: a row or column relation with exactly one suppressed entry,
 *    or whose suppressed cells add up to less than the protection width while its total is shown, gets its
 *    smallest published member suppressed (its total only if no member is left); then the LP audit runs and
 *    the first entry it can narrow below the protection width gets the smallest published neighbour in its
 *    row or column suppressed, and so on until the audit passes.
 * All choices are made on the table with rows and columns sorted by label (code-unit order), ties by position
 * there, so the result depends only on the data, not on the order the rows arrive in.
 */
export function suppressTable(
  table: CountTable,
  options: SuppressionOptions = {},
): SuppressedCountTable {
  validateCountTable(table);
  const k = resolveK(options.k);
  const protection = resolveProtection(options.protection);
  const order = canonicalOrder(table);
  const values = toCanonical(order, table, (value) => value);
  const keys = toCanonical(order, table, (_, key) => key);
  const entryKeys = canonicalEntryKeys(order, table);
  const status: Grid<SuppressionStatus> = values.map((row, r) =>
    row.map((value, c): SuppressionStatus => {
      if (value < k) return 'primary';
      const key = keys[r][c];
      const entryKey = entryKeys?.[r][c];
      const forced =
        (key !== null && options.forcedKeys?.has(key)) ||
        (entryKey !== undefined && options.forcedKeys?.has(entryKey));
      return forced ? 'complementary' : 'published';
    }),
  );
  if (options.complementary !== false) protect(values, status, protection);
  return { table, k, ...fromCanonical(order, status) };
}

function canonicalEntryKeys(
  order: CanonicalOrder,
  table: CountTable,
): Grid<string> | undefined {
  const keys = table.entryKeys;
  if (!keys) return undefined;
  const grid = toGrid(
    keys.cells,
    keys.rowTotals,
    keys.columnTotals,
    keys.grandTotal,
  );
  const rows = [...order.rows, order.rows.length];
  const columns = [...order.columns, order.columns.length];
  return rows.map((r) => columns.map((c) => grid[r][c]));
}

function protect(
  values: Grid<number>,
  status: Grid<SuppressionStatus>,
  protection: number,
): void {
  const lines = gridLines(values);
  for (;;) {
    applyLineRule(lines, values, status, protection);
    const published = values.map((row, r) =>
      row.map((value, c) => (status[r][c] === 'published' ? value : null)),
    );
    const failing = feasibleIntervals(published, protection).find(
      ({ min, max }) => max - min < protection,
    );
    if (!failing) return;
    const [r, c] = repairCandidate(values, status, failing.position);
    status[r][c] = 'complementary';
  }
}

function applyLineRule(
  lines: readonly Line[],
  values: Grid<number>,
  status: Grid<SuppressionStatus>,
  protection: number,
): void {
  const isPublished = ([r, c]: Position) => status[r][c] === 'published';
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hidden = [...line.members, line.total].filter(
        (p) => !isPublished(p),
      );
      if (hidden.length === 0) continue;
      const hiddenSum = line.members
        .filter((p) => !isPublished(p))
        .reduce((sum, [r, c]) => sum + values[r][c], 0);
      const exposed =
        hidden.length === 1 ||
        (isPublished(line.total) && hiddenSum < protection);
      if (!exposed) continue;
      const candidate =
        smallest(values, line.members.filter(isPublished)) ??
        (isPublished(line.total) ? line.total : undefined);
      if (candidate) {
        status[candidate[0]][candidate[1]] = 'complementary';
        changed = true;
      }
    }
  }
}

/** The published entry to suppress next for an entry the audit can narrow: members of its lines, then their totals, then any. */
function repairCandidate(
  values: Grid<number>,
  status: Grid<SuppressionStatus>,
  [r, c]: Position,
): Position {
  const isPublished = ([row, column]: Position) =>
    status[row][column] === 'published';
  const lines = gridLines(values);
  const own = [lines[r], lines[values.length + c]];
  const members = own.flatMap((line) => line.members).filter(isPublished);
  const totals = own.map((line) => line.total).filter(isPublished);
  const anywhere = values
    .flatMap((row, i) => row.map((_, j) => [i, j] as const))
    .filter(isPublished);
  const candidate =
    smallest(values, members) ??
    smallest(values, totals) ??
    smallest(values, anywhere);
  if (!candidate)
    throw new Error('audit failed although every entry is suppressed');
  return candidate;
}

/** Smallest value; ties go to the earlier position in row-major order. */
function smallest(
  values: Grid<number>,
  candidates: readonly Position[],
): Position | undefined {
  let best: Position | undefined;
  for (const p of candidates) {
    if (!best || compare(values, p, best) < 0) best = p;
  }
  return best;
}

function compare(
  values: Grid<number>,
  [r1, c1]: Position,
  [r2, c2]: Position,
): number {
  return values[r1][c1] - values[r2][c2] || r1 - r2 || c1 - c2;
}
