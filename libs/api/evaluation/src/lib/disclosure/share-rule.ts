import { InvalidTableError } from './disclosure-errors';
import { resolveK } from './threshold';

/** A share before disclosure control: `numerator` of `denominator` distinct clients. */
export interface ShareCell {
  readonly numerator: number;
  readonly denominator: number;
}

/** Why a share is not published. */
export type ShareSuppressionReason =
  | 'numeratorBelowK'
  | 'remainderBelowK'
  | 'denominatorBelowTwoK'
  /** The numerator or denominator count is suppressed in a linked count table of the report. */
  | 'linkedCount';

/** A table of shares, e.g. share reaching B1 within 24 months by cohort × gender. */
export interface ShareTable {
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  readonly cells: readonly (readonly ShareCell[])[];
}

/** What may leave the system: `null` marks a suppressed share (rendered as "·"). */
export interface PublishedShareTable {
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  readonly cells: readonly (readonly (ShareCell | null)[])[];
}

/**
 * The share rule: published only if numerator ≥ k, denominator − numerator ≥ k and denominator ≥ 2k
 * (the third follows from the first two and is checked anyway). Returns the first failing condition or null.
 */
export function shareSuppressionReason(
  cell: ShareCell,
  k: number,
): ShareSuppressionReason | null {
  const threshold = resolveK(k);
  assertShare(cell);
  if (cell.numerator < threshold) return 'numeratorBelowK';
  if (cell.denominator - cell.numerator < threshold) return 'remainderBelowK';
  if (cell.denominator < 2 * threshold) return 'denominatorBelowTwoK';
  return null;
}

/** True when the share may be published. */
export function isSharePublishable(cell: ShareCell, k: number): boolean {
  return shareSuppressionReason(cell, k) === null;
}

/**
 * Applies the share rule to every cell. `isCountSuppressed` links the shares to the report's count tables:
 * a share whose numerator or denominator count is suppressed there is suppressed too, or it would reveal it.
 */
export function suppressShareTable(
  table: ShareTable,
  k: number,
  isCountSuppressed: (rowLabel: string, columnLabel: string) => boolean = () =>
    false,
): PublishedShareTable {
  if (
    table.cells.length !== table.rowLabels.length ||
    table.cells.some((row) => row.length !== table.columnLabels.length)
  ) {
    throw new InvalidTableError('cells do not match the labels');
  }
  return {
    rowLabels: [...table.rowLabels],
    columnLabels: [...table.columnLabels],
    cells: table.cells.map((row, r) =>
      row.map((cell, c) => {
        const hidden =
          shareSuppressionReason(cell, k) !== null ||
          isCountSuppressed(table.rowLabels[r], table.columnLabels[c]);
        return hidden
          ? null
          : { numerator: cell.numerator, denominator: cell.denominator };
      }),
    ),
  };
}

function assertShare({ numerator, denominator }: ShareCell): void {
  if (
    !Number.isSafeInteger(numerator) ||
    !Number.isSafeInteger(denominator) ||
    numerator < 0 ||
    numerator > denominator
  ) {
    throw new InvalidTableError(
      'a share needs integers 0 ≤ numerator ≤ denominator',
    );
  }
}
