import type { EntryRef } from './count-table';

/** Internal: a table and its margins as one (rows+1)×(columns+1) grid; last row = column totals, last column = row totals. */
export type Grid<T> = T[][];

/** A position in a grid: `[row, column]`. */
export type Position = readonly [number, number];

/** One additivity relation of a table: the members add up to the total. */
export interface Line {
  readonly members: readonly Position[];
  readonly total: Position;
}

/** Builds the grid of a table's entries. */
export function toGrid<T>(
  cells: readonly (readonly T[])[],
  rowTotals: readonly T[],
  columnTotals: readonly T[],
  grandTotal: T,
): Grid<T> {
  return [
    ...cells.map((row, r) => [...row, rowTotals[r]]),
    [...columnTotals, grandTotal],
  ];
}

/**
 * All relations of a grid in a fixed order: every row (incl. the row of column totals), then every column
 * (incl. the column of row totals). Both margin lines sum up to the grand total.
 */
export function gridLines(grid: Grid<unknown>): Line[] {
  const lastRow = grid.length - 1;
  const lastColumn = grid[0].length - 1;
  const lines: Line[] = [];
  for (let r = 0; r <= lastRow; r++) {
    lines.push({
      members: range(lastColumn).map((c) => [r, c] as const),
      total: [r, lastColumn],
    });
  }
  for (let c = 0; c <= lastColumn; c++) {
    lines.push({
      members: range(lastRow).map((r) => [r, c] as const),
      total: [lastRow, c],
    });
  }
  return lines;
}

/** The entry a grid position stands for. */
export function entryAt(grid: Grid<unknown>, [r, c]: Position): EntryRef {
  const lastRow = grid.length - 1;
  const lastColumn = grid[0].length - 1;
  if (r === lastRow && c === lastColumn) return { kind: 'grandTotal' };
  if (r === lastRow) return { kind: 'columnTotal', column: c };
  if (c === lastColumn) return { kind: 'rowTotal', row: r };
  return { kind: 'cell', row: r, column: c };
}

/** Every position in row-major order. */
export function positions(grid: Grid<unknown>): Position[] {
  return grid.flatMap((row, r) => row.map((_, c) => [r, c] as const));
}

function range(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}
