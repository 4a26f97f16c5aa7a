import { assertProtected, auditSuppression } from './audit-suppression';
import {
  countTable,
  publishTable,
  type PublishedCountTable,
} from './count-table';
import { DisclosureRiskError } from './disclosure-errors';
import { suppressTable } from './suppress-table';

describe('auditSuppression', () => {
  const table = countTable(
    ['A', 'B', 'C'],
    ['x', 'y', 'z'],
    [
      [3, 10, 12],
      [8, 9, 20],
      [15, 11, 30],
    ],
  );

  it('detects a cell recomputable from the printed totals when complementary suppression is off', () => {
    const published = publishTable(
      suppressTable(table, { complementary: false }),
    );
    const audit = auditSuppression(published);
    // 3 = 25 − 10 − 12: the interval collapses to the true value.
    expect(audit.intervals).toEqual([
      {
        entry: { kind: 'cell', row: 0, column: 0 },
        min: 3,
        max: 3,
        protected: false,
      },
    ]);
    expect(audit.passed).toBe(false);
    expect(() => assertProtected(published)).toThrow(DisclosureRiskError);
    expect(() => assertProtected(published)).toThrow('cell "A" × "x"');
  });

  it('computes the exact feasible intervals of a protected 2×2 block', () => {
    const audit = auditSuppression(publishTable(suppressTable(table)));
    // A×x = t, A×y = 13 − t, B×x = 11 − t, B×y = 6 + t with every cell ≥ 0 → t ∈ [0, 11].
    expect(audit.intervals.map(({ min, max }) => [min, max])).toEqual([
      [0, 11],
      [2, 13],
      [0, 11],
      [6, 17],
    ]);
    expect(audit.passed).toBe(true);
  });

  it('detects two suppressed cells whose sum is known to be 0', () => {
    const published: PublishedCountTable = {
      rowLabels: ['A', 'B'],
      columnLabels: ['x', 'y', 'z'],
      cells: [
        [null, null, 7],
        [null, null, 6],
      ],
      rowTotals: [7, 23],
      columnTotals: [9, 8, 13],
      grandTotal: 30,
    };
    const audit = auditSuppression(published);
    expect(
      audit.intervals.slice(0, 2).map(({ min, max }) => [min, max]),
    ).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(audit.passed).toBe(false);
  });

  it('finds an entry bounded only from below when every total is suppressed', () => {
    const published: PublishedCountTable = {
      rowLabels: ['A'],
      columnLabels: ['x', 'y'],
      cells: [[null, 9]],
      rowTotals: [null],
      columnTotals: [null, 9],
      grandTotal: null,
    };
    const [cell] = auditSuppression(published).intervals;
    expect(cell).toEqual({
      entry: { kind: 'cell', row: 0, column: 0 },
      min: 0,
      max: Infinity,
      protected: true,
    });
  });

  it('fails a published count below k when k is given, and honours a wider protection interval', () => {
    const small = publishTable(
      suppressTable(
        countTable(
          ['A', 'B'],
          ['x', 'y'],
          [
            [5, 6],
            [7, 8],
          ],
        ),
        { k: 5 },
      ),
    );
    expect(auditSuppression(small).passed).toBe(true);
    expect(auditSuppression(small, { k: 6 }).belowK).toEqual([
      { kind: 'cell', row: 0, column: 0 },
    ]);
    expect(() => assertProtected(small, { k: 6 })).toThrow(DisclosureRiskError);

    const narrow = publishTable(
      suppressTable(
        countTable(
          ['A', 'B'],
          ['x', 'y', 'z'],
          [
            [1, 1, 20],
            [30, 30, 30],
          ],
        ),
      ),
    );
    const widths = auditSuppression(narrow).intervals.map(
      ({ min, max }) => max - min,
    );
    expect(Math.min(...widths)).toBeLessThan(10);
    expect(auditSuppression(narrow, { protection: 10 }).passed).toBe(false);
    const wide = publishTable(
      suppressTable(
        countTable(
          ['A', 'B'],
          ['x', 'y', 'z'],
          [
            [1, 1, 20],
            [30, 30, 30],
          ],
        ),
        { protection: 10 },
      ),
    );
    expect(auditSuppression(wide, { protection: 10 }).passed).toBe(true);
  });
});
