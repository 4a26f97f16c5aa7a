import {
  countTable,
  publishTable,
  validateCountTable,
  type CountTable,
} from './count-table';
import { InvalidTableError } from './disclosure-errors';
import { suppressTable } from './suppress-table';

describe('count tables', () => {
  const valid: CountTable = countTable(
    ['A', 'B'],
    ['x', 'y'],
    [
      [6, 7],
      [8, 9],
    ],
  );

  it('computes the margins', () => {
    expect(valid.rowTotals).toEqual([13, 17]);
    expect(valid.columnTotals).toEqual([14, 16]);
    expect(valid.grandTotal).toBe(30);
  });

  it.each<[string, Partial<CountTable>]>([
    ['a margin that is not the sum', { rowTotals: [13, 18] }],
    ['a column total that is not the sum', { columnTotals: [15, 15] }],
    ['a wrong grand total', { grandTotal: 31 }],
    [
      'a negative count',
      {
        cells: [
          [-1, 7],
          [8, 9],
        ],
      },
    ],
    [
      'a fractional count',
      {
        cells: [
          [6.5, 7],
          [8, 9],
        ],
      },
    ],
    ['duplicate labels', { rowLabels: ['A', 'A'] }],
    ['a ragged row', { cells: [[6, 7], [8]] }],
  ])('rejects %s', (_, change) => {
    expect(() => validateCountTable({ ...valid, ...change })).toThrow(
      InvalidTableError,
    );
  });

  it('publishes suppressed entries as null and keeps the labels', () => {
    const published = publishTable(
      suppressTable(
        countTable(
          ['A', 'B'],
          ['x', 'y'],
          [
            [2, 7],
            [8, 9],
          ],
        ),
      ),
    );
    expect(published.rowLabels).toEqual(['A', 'B']);
    expect(published.cells).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(published.rowTotals).toEqual([9, 17]);
    expect(published.columnTotals).toEqual([10, 16]);
    expect(published.grandTotal).toBe(26);
  });
});
