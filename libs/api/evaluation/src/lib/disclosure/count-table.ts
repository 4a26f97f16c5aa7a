import { InvalidTableError } from './disclosure-errors';

/**
 * A two-way table of distinct-client counts as computed, before disclosure control.
 * Categories must be mutually exclusive: every margin equals the sum of its cells.
 */
export interface CountTable {
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  /** `cells[row][column]`. */
  readonly cells: readonly (readonly number[])[];
  readonly rowTotals: readonly number[];
  readonly columnTotals: readonly number[];
  readonly grandTotal: number;
  /** Keys of margins that other tables of the same report print too (see `suppressLinkedTables`). */
  readonly sharedKeys?: SharedMarginKeys;
  /**
   * Optional identity of every entry (e.g. its release-ledger scope): an entry whose key is in the `forcedKeys` of
   * {@link suppressTable} is suppressed (used to suppress more of a new release when the audit across releases fails).
   */
  readonly entryKeys?: EntryKeys;
}

/** One key per entry of a table, shaped like the table. */
export interface EntryKeys {
  readonly cells: readonly (readonly string[])[];
  readonly rowTotals: readonly string[];
  readonly columnTotals: readonly string[];
  readonly grandTotal: string;
}

/** Report-wide identities of a table's margins, e.g. `b1Within24|cohort=2024-Q1`; `null` = not shared. */
export interface SharedMarginKeys {
  readonly rowTotals?: readonly (string | null)[];
  readonly columnTotals?: readonly (string | null)[];
  readonly grandTotal?: string | null;
}

/** Why an entry is (not) published. */
export type SuppressionStatus = 'published' | 'primary' | 'complementary';

/** Decisions for every entry of a table. Still holds the true counts: internal only, publish via `publishTable`. */
export interface SuppressedCountTable {
  readonly table: CountTable;
  readonly k: number;
  readonly cells: readonly (readonly SuppressionStatus[])[];
  readonly rowTotals: readonly SuppressionStatus[];
  readonly columnTotals: readonly SuppressionStatus[];
  readonly grandTotal: SuppressionStatus;
}

/** What may leave the system: `null` marks a suppressed count (rendered as "·"). */
export interface PublishedCountTable {
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  readonly cells: readonly (readonly (number | null)[])[];
  readonly rowTotals: readonly (number | null)[];
  readonly columnTotals: readonly (number | null)[];
  readonly grandTotal: number | null;
}

/** One entry of a table: an inner cell or a margin. */
export type EntryRef =
  | { readonly kind: 'cell'; readonly row: number; readonly column: number }
  | { readonly kind: 'rowTotal'; readonly row: number }
  | { readonly kind: 'columnTotal'; readonly column: number }
  | { readonly kind: 'grandTotal' };

/** Throws {@link InvalidTableError} unless the table is rectangular, integral, non-negative and additive. */
export function validateCountTable(table: CountTable): void {
  const rows = table.rowLabels.length;
  const columns = table.columnLabels.length;
  if (rows === 0 || columns === 0)
    throw new InvalidTableError(
      'a table needs at least one row and one column',
    );
  assertUnique(table.rowLabels, 'row labels');
  assertUnique(table.columnLabels, 'column labels');
  if (
    table.cells.length !== rows ||
    table.cells.some((row) => row.length !== columns)
  ) {
    throw new InvalidTableError('cells do not match the labels');
  }
  if (
    table.rowTotals.length !== rows ||
    table.columnTotals.length !== columns
  ) {
    throw new InvalidTableError('margins do not match the labels');
  }
  const all = [
    ...table.cells.flat(),
    ...table.rowTotals,
    ...table.columnTotals,
    table.grandTotal,
  ];
  if (all.some((value) => !Number.isSafeInteger(value) || value < 0)) {
    throw new InvalidTableError('counts must be non-negative integers');
  }
  table.cells.forEach((row, r) => {
    if (sum(row) !== table.rowTotals[r])
      throw new InvalidTableError(`row total ${r} is not the sum of its cells`);
  });
  table.columnLabels.forEach((_, c) => {
    if (sum(table.cells.map((row) => row[c])) !== table.columnTotals[c]) {
      throw new InvalidTableError(
        `column total ${c} is not the sum of its cells`,
      );
    }
  });
  if (sum(table.rowTotals) !== table.grandTotal)
    throw new InvalidTableError('grand total is not the sum of the cells');
  const keys = table.sharedKeys;
  if (keys?.rowTotals && keys.rowTotals.length !== rows)
    throw new InvalidTableError('shared row keys do not match');
  if (keys?.columnTotals && keys.columnTotals.length !== columns) {
    throw new InvalidTableError('shared column keys do not match');
  }
}

/** Builds a count table from its inner cells, computing all margins. */
export function countTable(
  rowLabels: readonly string[],
  columnLabels: readonly string[],
  cells: readonly (readonly number[])[],
  sharedKeys?: SharedMarginKeys,
): CountTable {
  const rowTotals = cells.map(sum);
  const columnTotals = columnLabels.map((_, c) =>
    sum(cells.map((row) => row[c] ?? 0)),
  );
  const table: CountTable = {
    rowLabels,
    columnLabels,
    cells,
    rowTotals,
    columnTotals,
    grandTotal: sum(rowTotals),
    sharedKeys,
  };
  validateCountTable(table);
  return table;
}

/** The publishable view of a suppressed table: suppressed counts become `null`. */
export function publishTable(
  suppressed: SuppressedCountTable,
): PublishedCountTable {
  const { table } = suppressed;
  const show = (value: number, status: SuppressionStatus): number | null =>
    status === 'published' ? value : null;
  return {
    rowLabels: [...table.rowLabels],
    columnLabels: [...table.columnLabels],
    cells: table.cells.map((row, r) =>
      row.map((value, c) => show(value, suppressed.cells[r][c])),
    ),
    rowTotals: table.rowTotals.map((value, r) =>
      show(value, suppressed.rowTotals[r]),
    ),
    columnTotals: table.columnTotals.map((value, c) =>
      show(value, suppressed.columnTotals[c]),
    ),
    grandTotal: show(table.grandTotal, suppressed.grandTotal),
  };
}

/** A readable name of an entry for error messages (labels only, never values). */
export function describeEntry(
  ref: EntryRef,
  rowLabels: readonly string[],
  columnLabels: readonly string[],
): string {
  switch (ref.kind) {
    case 'cell':
      return `cell "${rowLabels[ref.row]}" × "${columnLabels[ref.column]}"`;
    case 'rowTotal':
      return `row total "${rowLabels[ref.row]}"`;
    case 'columnTotal':
      return `column total "${columnLabels[ref.column]}"`;
    case 'grandTotal':
      return 'grand total';
  }
}

function assertUnique(labels: readonly string[], what: string): void {
  if (new Set(labels).size !== labels.length)
    throw new InvalidTableError(`${what} must be unique`);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
