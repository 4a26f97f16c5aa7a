import { auditSuppression } from './audit-suppression';
import {
  countTable,
  publishTable,
  type CountTable,
  type SuppressedCountTable,
} from './count-table';
import { InvalidThresholdError } from './disclosure-errors';
import { suppressTable } from './suppress-table';

/** Suppressed entries as "row×column" labels, margins as Σ, with their status. */
function hidden(result: SuppressedCountTable): Record<string, string> {
  const { rowLabels, columnLabels } = result.table;
  const entries: [string, string][] = [];
  result.cells.forEach((row, r) =>
    row.forEach((status, c) =>
      entries.push([`${rowLabels[r]}×${columnLabels[c]}`, status]),
    ),
  );
  result.rowTotals.forEach((status, r) =>
    entries.push([`${rowLabels[r]}×Σ`, status]),
  );
  result.columnTotals.forEach((status, c) =>
    entries.push([`Σ×${columnLabels[c]}`, status]),
  );
  entries.push(['Σ×Σ', result.grandTotal]);
  return Object.fromEntries(
    entries
      .filter(([, status]) => status !== 'published')
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

function expectProtected(result: SuppressedCountTable): void {
  const audit = auditSuppression(publishTable(result), { k: result.k });
  expect(audit.belowK).toEqual([]);
  expect(audit.intervals.filter((i) => !i.protected)).toEqual([]);
  expect(audit.passed).toBe(true);
}

describe('suppressTable', () => {
  it('publishes a table without small counts unchanged', () => {
    const result = suppressTable(
      countTable(
        ['A', 'B'],
        ['x', 'y'],
        [
          [5, 6],
          [7, 8],
        ],
      ),
    );
    expect(hidden(result)).toEqual({});
  });

  it('suppresses a single small cell and the next-smallest cell of its row and column', () => {
    const table = countTable(
      ['A', 'B', 'C'],
      ['x', 'y', 'z'],
      [
        [3, 10, 12],
        [8, 9, 20],
        [15, 11, 30],
      ],
    );
    const result = suppressTable(table);
    // Row A: 3 is primary, 10 the next smallest; column x: 8; column y then needs 9 (smaller than 11).
    expect(hidden(result)).toEqual({
      'A×x': 'primary',
      'A×y': 'complementary',
      'B×x': 'complementary',
      'B×y': 'complementary',
    });
    expectProtected(result);
  });

  it('iterates rows and columns to a fixed point when complements create new lone suppressions', () => {
    const table = countTable(
      ['A', 'B', 'C'],
      ['x', 'y', 'z'],
      [
        [1, 9, 50],
        [30, 40, 8],
        [45, 35, 60],
      ],
    );
    // Pass 1: row A → A×y (9); column x → B×x (30); column y → C×y (35).
    // Pass 2: row B → B×z (8); row C → C×x (45); column z → A×z (50). Pass 3: nothing left alone.
    expect(hidden(suppressTable(table))).toEqual({
      'A×x': 'primary',
      'A×y': 'complementary',
      'A×z': 'complementary',
      'B×x': 'complementary',
      'B×z': 'complementary',
      'C×x': 'complementary',
      'C×y': 'complementary',
    });
    expectProtected(suppressTable(table));
  });

  it('protects small cells on the diagonal interacting across rows and columns', () => {
    const table = countTable(
      ['A', 'B', 'C'],
      ['x', 'y', 'z'],
      [
        [1, 20, 30],
        [25, 2, 40],
        [35, 45, 3],
      ],
    );
    const result = suppressTable(table);
    expect(hidden(result)).toEqual({
      'A×x': 'primary',
      'A×y': 'complementary',
      'A×z': 'complementary',
      'B×x': 'complementary',
      'B×y': 'primary',
      'C×x': 'complementary',
      'C×z': 'primary',
    });
    expectProtected(result);
  });

  it('suppresses zeros too: a 0 would tell that nobody in the group had the outcome', () => {
    const table = countTable(
      ['A', 'B'],
      ['x', 'y', 'z'],
      [
        [0, 0, 7],
        [9, 8, 6],
      ],
    );
    const result = suppressTable(table);
    // Two zeros in row A add up to 0, so they would be known exactly: 7 is suppressed as well, and the columns follow.
    expect(result.cells[0]).toEqual(['primary', 'primary', 'complementary']);
    expect(result.cells[1]).toEqual([
      'complementary',
      'complementary',
      'complementary',
    ]);
    expectProtected(result);
  });

  it('suppresses a margin below k and the next-smallest margin beside it', () => {
    const table = countTable(
      ['Q1', 'Q2', 'Q3'],
      ['f', 'm'],
      [
        [1, 3],
        [10, 20],
        [30, 40],
      ],
    );
    const result = suppressTable(table);
    expect(result.rowTotals).toEqual(['primary', 'complementary', 'published']);
    expect(result.grandTotal).toBe('published');
    expect(result.cells[0]).toEqual(['primary', 'primary']);
    expectProtected(result);
  });

  it('handles a 1×n table: the column totals equal the cells and are suppressed with them', () => {
    const table = countTable(['all'], ['w', 'x', 'y', 'z'], [[2, 10, 7, 30]]);
    const result = suppressTable(table);
    expect(hidden(result)).toEqual({
      'all×w': 'primary',
      'all×y': 'complementary',
      'Σ×w': 'primary',
      'Σ×y': 'complementary',
    });
    expectProtected(result);
  });

  it('handles an n×1 table the same way', () => {
    const table = countTable(
      ['w', 'x', 'y', 'z'],
      ['all'],
      [[2], [10], [7], [30]],
    );
    const result = suppressTable(table);
    expect(hidden(result)).toEqual({
      'w×all': 'primary',
      'w×Σ': 'primary',
      'y×all': 'complementary',
      'y×Σ': 'complementary',
    });
    expectProtected(result);
  });

  it('breaks ties by label order, not by the order rows and columns arrive in', () => {
    const forward = countTable(
      ['A', 'B'],
      ['x', 'y', 'z'],
      [
        [2, 7, 7],
        [9, 9, 9],
      ],
    );
    const reversed = countTable(
      ['B', 'A'],
      ['z', 'y', 'x'],
      [
        [9, 9, 9],
        [7, 7, 2],
      ],
    );
    // Two 7s in row A: the one in column "y" (first by label) is taken, in both orders.
    expect(hidden(suppressTable(forward))).toEqual({
      'A×x': 'primary',
      'A×y': 'complementary',
      'B×x': 'complementary',
      'B×y': 'complementary',
    });
    expect(hidden(suppressTable(reversed))).toEqual(
      hidden(suppressTable(forward)),
    );
  });

  it('honours a larger k and refuses k below 3', () => {
    const table = countTable(
      ['A', 'B'],
      ['x', 'y'],
      [
        [6, 20],
        [30, 40],
      ],
    );
    expect(hidden(suppressTable(table, { k: 5 }))).toEqual({});
    expect(hidden(suppressTable(table, { k: 10 }))['A×x']).toBe('primary');
    expect(() => suppressTable(table, { k: 2 })).toThrow(InvalidThresholdError);
  });

  it('only applies the primary rule when complementary suppression is switched off', () => {
    const table: CountTable = countTable(
      ['A', 'B'],
      ['x', 'y'],
      [
        [2, 10],
        [30, 40],
      ],
    );
    expect(hidden(suppressTable(table, { complementary: false }))).toEqual({
      'A×x': 'primary',
    });
  });
});
