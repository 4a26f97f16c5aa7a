import {
  validateCountTable,
  type CountTable,
  type SuppressedCountTable,
} from './count-table';
import { InconsistentLinkedTablesError } from './disclosure-errors';
import { suppressTable, type SuppressionOptions } from './suppress-table';

/**
 * Suppresses all tables of one report so that a margin printed in several tables (same shared key, e.g. the
 * cohort sizes) gets the same decision everywhere: a shared margin suppressed in any table is forced into
 * suppression in all of them, and all tables are redone until no new key appears. Suppression only grows,
 * so this terminates and every table still passes its own audit.
 */
export function suppressLinkedTables(
  tables: readonly CountTable[],
  options: SuppressionOptions = {},
): SuppressedCountTable[] {
  assertConsistentKeys(tables);
  // `options.forcedKeys` seeds the set (keys the audit across releases wants suppressed).
  const forced = new Set<string>(options.forcedKeys ?? []);
  for (;;) {
    const results = tables.map((table) =>
      suppressTable(table, { ...options, forcedKeys: forced }),
    );
    const before = forced.size;
    for (const result of results) {
      for (const [key, status] of sharedStatuses(result)) {
        if (status !== 'published') forced.add(key);
      }
    }
    if (forced.size === before) return results;
  }
}

function sharedStatuses(result: SuppressedCountTable): [string, string][] {
  const keys = result.table.sharedKeys;
  const pairs: [string | null | undefined, string][] = [
    ...result.rowTotals.map(
      (status, r): [string | null | undefined, string] => [
        keys?.rowTotals?.[r],
        status,
      ],
    ),
    ...result.columnTotals.map(
      (status, c): [string | null | undefined, string] => [
        keys?.columnTotals?.[c],
        status,
      ],
    ),
    [keys?.grandTotal, result.grandTotal],
  ];
  return pairs.filter(
    (pair): pair is [string, string] => typeof pair[0] === 'string',
  );
}

function assertConsistentKeys(tables: readonly CountTable[]): void {
  const values = new Map<string, number>();
  for (const table of tables) {
    validateCountTable(table);
    const keys = table.sharedKeys;
    const entries: [string | null | undefined, number][] = [
      ...table.rowTotals.map(
        (value, r): [string | null | undefined, number] => [
          keys?.rowTotals?.[r],
          value,
        ],
      ),
      ...table.columnTotals.map(
        (value, c): [string | null | undefined, number] => [
          keys?.columnTotals?.[c],
          value,
        ],
      ),
      [keys?.grandTotal, table.grandTotal],
    ];
    for (const [key, value] of entries) {
      if (typeof key !== 'string') continue;
      const seen = values.get(key);
      if (seen !== undefined && seen !== value)
        throw new InconsistentLinkedTablesError(key);
      values.set(key, value);
    }
  }
}
