import { InvalidTableError } from './disclosure-errors';
import {
  isSharePublishable,
  shareSuppressionReason,
  suppressShareTable,
} from './share-rule';

describe('share rule', () => {
  const k = 5;

  it('numerator ≥ k: k − 1 is suppressed, k is published (at the boundary of the other conditions)', () => {
    expect(
      shareSuppressionReason({ numerator: k - 1, denominator: 20 }, k),
    ).toBe('numeratorBelowK');
    expect(
      shareSuppressionReason({ numerator: k, denominator: 20 }, k),
    ).toBeNull();
    expect(isSharePublishable({ numerator: k, denominator: 2 * k }, k)).toBe(
      true,
    );
  });

  it('denominator − numerator ≥ k: a remainder of k − 1 is suppressed, k is published', () => {
    expect(
      shareSuppressionReason({ numerator: 16, denominator: 16 + k - 1 }, k),
    ).toBe('remainderBelowK');
    expect(
      shareSuppressionReason({ numerator: 16, denominator: 16 + k }, k),
    ).toBeNull();
    expect(shareSuppressionReason({ numerator: 20, denominator: 20 }, k)).toBe(
      'remainderBelowK',
    );
  });

  it('denominator ≥ 2k: no share of 2k − 1 is ever published, some share of 2k is', () => {
    for (let numerator = 0; numerator <= 2 * k - 1; numerator++) {
      expect(isSharePublishable({ numerator, denominator: 2 * k - 1 }, k)).toBe(
        false,
      );
    }
    const publishable = Array.from(
      { length: 2 * k + 1 },
      (_, numerator) => numerator,
    ).filter((numerator) =>
      isSharePublishable({ numerator, denominator: 2 * k }, k),
    );
    expect(publishable).toEqual([k]);
  });

  it('follows a configured k', () => {
    expect(isSharePublishable({ numerator: 5, denominator: 12 }, 5)).toBe(true);
    expect(isSharePublishable({ numerator: 5, denominator: 12 }, 6)).toBe(
      false,
    );
    expect(isSharePublishable({ numerator: 6, denominator: 12 }, 6)).toBe(true);
  });

  it('rejects impossible shares', () => {
    expect(() =>
      shareSuppressionReason({ numerator: 7, denominator: 6 }, k),
    ).toThrow(InvalidTableError);
    expect(() =>
      shareSuppressionReason({ numerator: -1, denominator: 6 }, k),
    ).toThrow(InvalidTableError);
  });

  it('suppresses shares in a table by the rule and where the linked count is suppressed', () => {
    const published = suppressShareTable(
      {
        rowLabels: ['2024-Q1', '2024-Q2'],
        columnLabels: ['f', 'm'],
        cells: [
          [
            { numerator: 5, denominator: 12 },
            { numerator: 4, denominator: 30 },
          ],
          [
            { numerator: 10, denominator: 20 },
            { numerator: 8, denominator: 16 },
          ],
        ],
      },
      k,
      (row, column) => row === '2024-Q2' && column === 'm',
    );
    expect(published.cells).toEqual([
      [{ numerator: 5, denominator: 12 }, null],
      [{ numerator: 10, denominator: 20 }, null],
    ]);
  });
});
