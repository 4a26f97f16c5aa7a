import type { CountTable, SuppressionStatus } from './count-table';
import { toGrid, type Grid } from './table-grid';

/** Input indices of rows and columns sorted by label (code-unit order, independent of locale and input order). */
export interface CanonicalOrder {
  readonly rows: readonly number[];
  readonly columns: readonly number[];
}

/** Sorts rows and columns by their labels. */
export function canonicalOrder(table: CountTable): CanonicalOrder {
  return {
    rows: sortedIndices(table.rowLabels),
    columns: sortedIndices(table.columnLabels),
  };
}

/** The table's grid (margins last) in canonical order, mapped entry by entry with its shared key. */
export function toCanonical<T>(
  order: CanonicalOrder,
  table: CountTable,
  map: (value: number, key: string | null) => T,
): Grid<T> {
  const keys = table.sharedKeys;
  const grid = toGrid<T>(
    table.cells.map((row) => row.map((value) => map(value, null))),
    table.rowTotals.map((value, r) => map(value, keys?.rowTotals?.[r] ?? null)),
    table.columnTotals.map((value, c) =>
      map(value, keys?.columnTotals?.[c] ?? null),
    ),
    map(table.grandTotal, keys?.grandTotal ?? null),
  );
  const rows = [...order.rows, order.rows.length];
  const columns = [...order.columns, order.columns.length];
  return rows.map((r) => columns.map((c) => grid[r][c]));
}

/** Maps canonical decisions back to the table's own row and column order. */
export function fromCanonical(
  order: CanonicalOrder,
  grid: Grid<SuppressionStatus>,
) {
  const rowAt = inverse(order.rows);
  const columnAt = inverse(order.columns);
  const lastRow = order.rows.length;
  const lastColumn = order.columns.length;
  return {
    cells: rowAt.map((r) => columnAt.map((c) => grid[r][c])),
    rowTotals: rowAt.map((r) => grid[r][lastColumn]),
    columnTotals: columnAt.map((c) => grid[lastRow][c]),
    grandTotal: grid[lastRow][lastColumn],
  };
}

function sortedIndices(labels: readonly string[]): number[] {
  return labels
    .map((_, i) => i)
    .sort((a, b) =>
      labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : 0,
    );
}

/** `inverse(p)[i]` = position of input index `i` in the canonical order. */
function inverse(permutation: readonly number[]): number[] {
  const result = new Array<number>(permutation.length);
  permutation.forEach((input, canonical) => (result[input] = canonical));
  return result;
}
