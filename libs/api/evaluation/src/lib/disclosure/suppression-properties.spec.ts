import { auditSuppression } from './audit-suppression';
import {
  countTable,
  publishTable,
  type CountTable,
  type EntryRef,
  type PublishedCountTable,
  type SuppressedCountTable,
} from './count-table';
import { suppressTable } from './suppress-table';

/** Seeded PRNG (mulberry32): the same tables in every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTable(
  random: () => number,
  rows: number,
  columns: number,
  maxCount: number,
): CountTable {
  const int = (max: number) => Math.floor(random() * (max + 1));
  const cells = Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => int(maxCount)),
  );
  return countTable(
    Array.from({ length: rows }, (_, r) => `r${r}`),
    Array.from({ length: columns }, (_, c) => `c${c}`),
    cells,
  );
}

function shuffled<T>(random: () => number, items: readonly T[]): number[] {
  const order = items.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Decisions keyed by labels, so tables with permuted rows and columns can be compared. */
function decisionsByLabel(
  result: SuppressedCountTable,
): Record<string, string> {
  const { rowLabels, columnLabels } = result.table;
  const out: Record<string, string> = { 'Σ×Σ': result.grandTotal };
  result.cells.forEach((row, r) =>
    row.forEach(
      (status, c) => (out[`${rowLabels[r]}×${columnLabels[c]}`] = status),
    ),
  );
  result.rowTotals.forEach((status, r) => (out[`${rowLabels[r]}×Σ`] = status));
  result.columnTotals.forEach(
    (status, c) => (out[`Σ×${columnLabels[c]}`] = status),
  );
  return out;
}

function publishedCounts(table: PublishedCountTable): number[] {
  return [
    ...table.cells.flat(),
    ...table.rowTotals,
    ...table.columnTotals,
    table.grandTotal,
  ].filter((v): v is number => v !== null);
}

describe('suppression on 300 random tables (seeded)', () => {
  const random = prng(20240701);
  const tables = Array.from({ length: 300 }, () =>
    randomTable(
      random,
      2 + Math.floor(random() * 5),
      2 + Math.floor(random() * 4),
      30,
    ),
  );

  it('covers every size from 2×2 to 6×5 and has small cells to protect', () => {
    const sizes = new Set(
      tables.map((t) => `${t.rowLabels.length}×${t.columnLabels.length}`),
    );
    expect(sizes.size).toBe(20);
    expect(
      tables.filter((t) => t.cells.flat().some((v) => v < 5)).length,
    ).toBeGreaterThan(250);
  });

  it('publishes no count below k, suppresses every count below k, and the LP audit cannot narrow any suppressed entry', () => {
    let suppressedEntries = 0;
    for (const table of tables) {
      const result = suppressTable(table);
      const published = publishTable(result);
      expect(publishedCounts(published).every((value) => value >= 5)).toBe(
        true,
      );
      const values = [
        ...table.cells.flat(),
        ...table.rowTotals,
        ...table.columnTotals,
        table.grandTotal,
      ];
      const statuses = [
        ...result.cells.flat(),
        ...result.rowTotals,
        ...result.columnTotals,
        result.grandTotal,
      ];
      statuses.forEach((status, i) =>
        expect(status === 'primary').toBe(values[i] < 5),
      );
      const audit = auditSuppression(published, { k: 5 });
      expect(
        audit.intervals.filter((interval) => !(interval.min < interval.max)),
      ).toEqual([]);
      expect(audit.passed).toBe(true);
      suppressedEntries += audit.intervals.length;
    }
    expect(suppressedEntries).toBeGreaterThan(1000);
  });

  it('also holds for k = 6 and k = 8 and a protection width of 3', () => {
    for (const table of tables.slice(0, 60)) {
      for (const [k, protection] of [
        [6, 1],
        [8, 1],
        [5, 3],
      ]) {
        const published = publishTable(suppressTable(table, { k, protection }));
        expect(auditSuppression(published, { k, protection }).passed).toBe(
          true,
        );
      }
    }
  });

  it('gives the same decisions twice and for shuffled row and column order', () => {
    const shuffle = prng(7);
    for (const table of tables.slice(0, 100)) {
      const first = suppressTable(table);
      expect(suppressTable(table)).toEqual(first);
      const rows = shuffled(shuffle, table.rowLabels);
      const columns = shuffled(shuffle, table.columnLabels);
      const permuted = countTable(
        rows.map((r) => table.rowLabels[r]),
        columns.map((c) => table.columnLabels[c]),
        rows.map((r) => columns.map((c) => table.cells[r][c])),
      );
      expect(decisionsByLabel(suppressTable(permuted))).toEqual(
        decisionsByLabel(first),
      );
    }
  });

  it('without complementary suppression the audit finds recomputable cells in many tables', () => {
    const failing = tables.filter(
      (table) =>
        !auditSuppression(
          publishTable(suppressTable(table, { complementary: false })),
        ).passed,
    );
    expect(failing.length).toBeGreaterThan(200);
  });
});

describe('the LP audit agrees with brute-force enumeration on small tables', () => {
  /** Above every finite bound: 2×3 tables with counts ≤ 6 have a grand total ≤ 36. */
  const CAP = 37;

  function entryKey(entry: EntryRef): string {
    return entry.kind === 'cell'
      ? `${entry.row}×${entry.column}`
      : entry.kind === 'rowTotal'
        ? `${entry.row}×Σ`
        : entry.kind === 'columnTotal'
          ? `Σ×${entry.column}`
          : 'Σ×Σ';
  }

  /** Min and max of every suppressed entry over all non-negative integer completions (inner cells ≤ CAP). */
  function enumerate(
    published: PublishedCountTable,
  ): Map<string, [number, number]> {
    const size = published.columnLabels.length;
    const keys = [
      ...published.cells.flatMap((row, r) => row.map((_, c) => `${r}×${c}`)),
      ...published.rowTotals.map((_, r) => `${r}×Σ`),
      ...published.columnTotals.map((_, c) => `Σ×${c}`),
      'Σ×Σ',
    ];
    const target = [
      ...published.cells.flat(),
      ...published.rowTotals,
      ...published.columnTotals,
      published.grandTotal,
    ];
    const unknown = published.cells
      .flatMap((row, r) => row.map((v, c) => [r, c, v] as const))
      .filter(([, , v]) => v === null);
    const cells = published.cells.map((row) => row.map((v) => v ?? 0));
    const ranges = target.map((): [number, number] => [Infinity, -Infinity]);
    const visit = (i: number): void => {
      if (i === unknown.length) {
        const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
        const columnTotals = Array.from({ length: size }, (_, c) =>
          cells.reduce((a, row) => a + row[c], 0),
        );
        const values = [
          ...cells.flat(),
          ...rowTotals,
          ...columnTotals,
          rowTotals.reduce((a, b) => a + b, 0),
        ];
        if (values.every((v, j) => target[j] === null || target[j] === v)) {
          values.forEach(
            (v, j) =>
              (ranges[j] = [
                Math.min(ranges[j][0], v),
                Math.max(ranges[j][1], v),
              ]),
          );
        }
        return;
      }
      const [r, c] = unknown[i];
      // Every completion keeps a cell within the published totals containing it; CAP only where none is published.
      const cap = Math.min(
        published.rowTotals[r] ?? CAP,
        published.columnTotals[c] ?? CAP,
        published.grandTotal ?? CAP,
      );
      for (let v = 0; v <= cap; v++) {
        cells[r][c] = v;
        visit(i + 1);
      }
    };
    visit(0);
    return new Map(
      keys
        .map((key, j): [string, [number, number]] => [key, ranges[j]])
        .filter((_, j) => target[j] === null),
    );
  }

  it('matches min and max of every suppressed entry of 2×2 and 2×3 tables, with and without complementary suppression', () => {
    const random = prng(99);
    let compared = 0;
    for (let n = 0; n < 40; n++) {
      const table = randomTable(random, 2, 2 + (n % 2), 6);
      const published = publishTable(
        suppressTable(table, { k: 5, complementary: n % 3 !== 0 }),
      );
      const brute = enumerate(published);
      const lp = auditSuppression(published).intervals;
      expect(lp.map(({ entry }) => entryKey(entry)).sort()).toEqual(
        [...brute.keys()].sort(),
      );
      for (const { entry, min, max } of lp) {
        const [bruteMin, bruteMax] = brute.get(entryKey(entry)) ?? [NaN, NaN];
        expect(min).toBe(bruteMin);
        if (Number.isFinite(max)) expect(max).toBe(bruteMax);
        else expect(bruteMax).toBeGreaterThanOrEqual(CAP);
      }
      compared += lp.length;
    }
    expect(compared).toBeGreaterThan(60);
  });
});
