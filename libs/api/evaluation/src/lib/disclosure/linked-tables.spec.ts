import { auditSuppression } from './audit-suppression';
import {
  countTable,
  publishTable,
  type PublishedCountTable,
} from './count-table';
import { InconsistentLinkedTablesError } from './disclosure-errors';
import { suppressLinkedTables } from './linked-tables';
import { suppressTable } from './suppress-table';

/** Cohort sizes appear as row totals in both tables: same key = same figure of the report. */
const cohortKey = (cohort: string) => `clients|cohort=${cohort}`;

// Table 1 (cohort × gender) suppresses the Q2 cohort size to protect the small Q1 cohort.
const byGender = countTable(
  ['Q1', 'Q2', 'Q3'],
  ['f', 'm'],
  [
    [1, 3],
    [10, 20],
    [30, 40],
  ],
  { rowTotals: ['Q1', 'Q2', 'Q3'].map(cohortKey) },
);
// Table 2 (cohort × age band) covers Q2–Q4 and on its own would print the Q2 cohort size.
const byAge = countTable(
  ['Q2', 'Q3', 'Q4'],
  ['18–24', '25+'],
  [
    [12, 18],
    [35, 35],
    [25, 25],
  ],
  { rowTotals: ['Q2', 'Q3', 'Q4'].map(cohortKey) },
);

/** The attacker's view of table 1 after reading the shared cohort sizes off table 2. */
function combine(
  first: PublishedCountTable,
  second: PublishedCountTable,
): PublishedCountTable {
  const rowTotals = first.rowTotals.map((value, r) => {
    const other = second.rowLabels.indexOf(first.rowLabels[r]);
    return value ?? (other >= 0 ? second.rowTotals[other] : null);
  });
  return { ...first, rowTotals };
}

describe('suppressLinkedTables', () => {
  it('without linking, the second table reveals a margin the first suppressed, and the small cohort becomes recomputable', () => {
    const first = publishTable(suppressTable(byGender));
    const second = publishTable(suppressTable(byAge));
    expect(first.rowTotals).toEqual([null, null, 70]);
    expect(second.rowTotals[0]).toBe(30);
    expect(auditSuppression(first).passed).toBe(true);
    expect(auditSuppression(combine(first, second)).passed).toBe(false);
  });

  it('gives a shared margin the same decision in every table, and the combined view stays protected', () => {
    const [first, second] = suppressLinkedTables([byGender, byAge]).map(
      publishTable,
    );
    expect(first.rowTotals).toEqual([null, null, 70]);
    expect(second.rowTotals[0]).toBeNull();
    expect(second.rowTotals[1]).toBe(70);
    expect(auditSuppression(first, { k: 5 }).passed).toBe(true);
    expect(auditSuppression(second, { k: 5 }).passed).toBe(true);
    expect(auditSuppression(combine(first, second)).passed).toBe(true);
    expect(auditSuppression(combine(second, first)).passed).toBe(true);
  });

  it('does not depend on the order of the tables in the report', () => {
    const forward = suppressLinkedTables([byGender, byAge]);
    const backward = suppressLinkedTables([byAge, byGender]);
    expect(backward[0]).toEqual(forward[1]);
    expect(backward[1]).toEqual(forward[0]);
  });

  it('refuses tables that disagree on a shared margin', () => {
    const wrong = countTable(['Q2'], ['all'], [[31]], {
      rowTotals: [cohortKey('Q2')],
    });
    expect(() => suppressLinkedTables([byGender, wrong])).toThrow(
      InconsistentLinkedTablesError,
    );
  });
});
