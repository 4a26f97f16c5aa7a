import type { EntryKeys } from '../disclosure';

/**
 * What a published figure counts, in terms of atoms of the release ledger: the sum over every quarter cohort in
 * `quarters`, every row member in `rows` and every column member in `columns` of the atoms of `family`.
 * Members are raw values (a merged group "übrige" lists its members), so figures of different releases and
 * groupings can be related. Families: `size:<dimension>` (persons; columns `['*']`), `outcome:<measure>:<dimension>`
 * (columns: the outcome columns; the sum over them equals `size:<dimension>`), `soft:<factor>`, `closures`,
 * `goals` (not linked to anything). Dimension `all` has the single row member `*`.
 */
export interface FigureScope {
  readonly family: string;
  readonly quarters: readonly string[];
  readonly rows: readonly string[];
  readonly columns: readonly string[];
}

/** What one row or column of a table restricts (the rest comes from the table). */
export interface AxisScope {
  readonly quarters?: readonly string[];
  readonly rows?: readonly string[];
  readonly columns?: readonly string[];
}

/** The scope of a whole table: its family, the universes it sums over, and what each row and column restricts. */
export interface TableScope {
  readonly family: string;
  readonly quarters: readonly string[];
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly rowAxis: readonly AxisScope[];
  readonly columnAxis: readonly AxisScope[];
}

/** The scopes of every entry, shaped like the table. */
export interface EntryScopes {
  readonly cells: readonly (readonly FigureScope[])[];
  readonly rowTotals: readonly FigureScope[];
  readonly columnTotals: readonly FigureScope[];
  readonly grandTotal: FigureScope;
}

const QUARTER = /^\d{4}-Q[1-4]$/;
const YEAR = /^\d{4}$/;

/** The quarter cohorts of a cohort label: `2025-Q2` → itself, `2025` → its four quarters (a year is their sum). */
export function quartersOf(cohort: string): string[] {
  if (QUARTER.test(cohort)) return [cohort];
  if (YEAR.test(cohort))
    return [1, 2, 3, 4].map((quarter) => `${cohort}-Q${quarter}`);
  throw new RangeError(`not a cohort label: ${cohort}`);
}

/** Sorted, de-duplicated copy (code-unit order) — every stored scope is normalised this way. */
export function normalised(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function scope(table: TableScope, ...axes: AxisScope[]): FigureScope {
  const pick = (key: keyof AxisScope) =>
    normalised(
      axes.reduce<readonly string[]>(
        (current, axis) => axis[key] ?? current,
        table[key],
      ),
    );
  return {
    family: table.family,
    quarters: pick('quarters'),
    rows: pick('rows'),
    columns: pick('columns'),
  };
}

const entryScopesCache = new WeakMap<TableScope, EntryScopes>();

/** The scope of every cell and margin of a table (the same objects for the same table: their keys stay cached). */
export function entryScopes(table: TableScope): EntryScopes {
  const known = entryScopesCache.get(table);
  if (known) return known;
  const scopes: EntryScopes = {
    cells: table.rowAxis.map((row) =>
      table.columnAxis.map((column) => scope(table, row, column)),
    ),
    rowTotals: table.rowAxis.map((row) => scope(table, row)),
    columnTotals: table.columnAxis.map((column) => scope(table, column)),
    grandTotal: scope(table),
  };
  entryScopesCache.set(table, scopes);
  return scopes;
}

const scopeKeyCache = new WeakMap<FigureScope, string>();

/**
 * A stable text identity of a scope (the ledger's key; identical scopes of different releases get the same key).
 * Cached per scope object (scopes are never changed after they are made; the audit asks for keys many times).
 */
export function scopeKey(figure: FigureScope): string {
  const known = scopeKeyCache.get(figure);
  if (known !== undefined) return known;
  const key = [
    figure.family,
    normalised(figure.quarters).join(','),
    normalised(figure.rows).join(','),
    normalised(figure.columns).join(','),
  ].join('|');
  scopeKeyCache.set(figure, key);
  return key;
}

/** Entry keys for `forcedKeys` of the suppression (prefixed so they never clash with shared margin keys). */
export function entryKeysOf(scopes: EntryScopes): EntryKeys {
  const key = (figure: FigureScope) => `figure:${scopeKey(figure)}`;
  return {
    cells: scopes.cells.map((row) => row.map(key)),
    rowTotals: scopes.rowTotals.map(key),
    columnTotals: scopes.columnTotals.map(key),
    grandTotal: key(scopes.grandTotal),
  };
}
