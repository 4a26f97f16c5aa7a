import type { PublishedCountTable } from '../disclosure';
import type { CohortOutcomes, LifeTableRow } from '../metrics/evaluation-metrics.types';
import { atRiskAt } from './kaplan-meier';
import { InvalidReportMetricsError } from './report-cohorts';
import type { CohortInput } from './status-tables';
import { cohortRow } from './testing/report-fixture';
import {
  derivedAtRisk,
  OUTCOME_SOURCE_COLUMNS,
  timeToEventResponse,
  timeToEventTable,
} from './time-to-event';

function cohort(label: string, clients: number, atStartB1: number, b1: LifeTableRow[]): CohortOutcomes {
  const row = cohortRow(label, clients, {});
  return {
    ...row,
    atStart: { ...row.atStart, b1: atStartB1 },
    lifeTables: { b1, employment: [] },
  };
}

/**
 * 2024-Q1: 20 clients, 2 with B1 at start, 18 in the life table; nobody censored before month 26 (observation end),
 * so S(t) = (persons still without B1) / 18:
 *
 *   month | n  | d | S(t)
 *       1 | 18 | 1 | 17/18
 *       2 | 17 | 1 | 16/18
 *       3 | 16 | 1 | 15/18
 *       4 | 15 | 1 | 14/18
 *       5 | 14 | 2 | 12/18
 *       7 | 12 | 1 | 11/18
 *      10 | 11 | 1 | 10/18 = 0.556
 *      14 | 10 | 2 |  8/18 = 0.444 ← median 14
 *      20 |  8 | 1 |  7/18
 *      26 |  7 | 0 (7 censored)
 *
 * At risk: month 0 → 18, month 12 → 18 − 8 = 10, month 24 → 18 − 11 = 7.
 * Two-way outcome row: bei Beginn 2 | 0–11: 8 | 12–23: 3 | 24–35: 0 | nicht innerhalb von 36 Monaten: 7 | total 20.
 *
 * 2024-Q2: 12 clients, 5 events in months 1–5, 7 censored at 24: S = 7/12 > 0.5 → "nicht innerhalb von 24 Monaten".
 * 2024-Q3: 6 clients, 2 events (< k): median "·"; observed only 21 months → at risk at 24 not observable.
 */
const rows = [
  cohort('2024-Q1', 20, 2, [
    { month: 1, events: 1, censored: 0 },
    { month: 2, events: 1, censored: 0 },
    { month: 3, events: 1, censored: 0 },
    { month: 4, events: 1, censored: 0 },
    { month: 5, events: 2, censored: 0 },
    { month: 7, events: 1, censored: 0 },
    { month: 10, events: 1, censored: 0 },
    { month: 14, events: 2, censored: 0 },
    { month: 20, events: 1, censored: 0 },
    { month: 26, events: 0, censored: 7 },
  ]),
  cohort('2024-Q2', 12, 0, [
    { month: 1, events: 1, censored: 0 },
    { month: 2, events: 1, censored: 0 },
    { month: 3, events: 1, censored: 0 },
    { month: 4, events: 1, censored: 0 },
    { month: 5, events: 1, censored: 0 },
    { month: 24, events: 0, censored: 7 },
  ]),
  cohort('2024-Q3', 6, 0, [
    { month: 3, events: 2, censored: 0 },
    { month: 21, events: 0, censored: 4 },
  ]),
];
const input: CohortInput = {
  cohorts: ['2024-Q1', '2024-Q2', '2024-Q3'],
  byCohort: (label) => rows.find((r) => r.cohort === label),
  granularity: 'quarter',
  // Q1 (ends 2024-03-31) is observed 27 months, Q2 24, Q3 21.
  observedUntil: '2026-07-01',
};

const [AT_START, I0, I1, I2] = [OUTCOME_SOURCE_COLUMNS.atStart, ...OUTCOME_SOURCE_COLUMNS.intervals];
const NOT_WITHIN = OUTCOME_SOURCE_COLUMNS.notWithin36;

/** A published two-way outcome table from rows of [atStart, 0–11, 12–23, 24–35, notWithin36, total]. */
function source(byCohort: Record<string, (number | null)[]>): PublishedCountTable {
  const labels = Object.keys(byCohort);
  return {
    rowLabels: labels,
    columnLabels: [AT_START, I0, I1, I2, NOT_WITHIN],
    cells: labels.map((l) => byCohort[l].slice(0, 5)),
    rowTotals: labels.map((l) => byCohort[l][5]),
    columnTotals: [null, null, null, null, null],
    grandTotal: null,
  };
}

describe('time-to-event table', () => {
  const plan = timeToEventTable('b1', input);

  it('prints the Kaplan–Meier median and the numbers at risk derived from the published outcome row', () => {
    const response = timeToEventResponse(
      plan,
      source({
        '2024-Q1': [2, 8, 3, 0, 7, 20],
        '2024-Q2': [0, 5, 0, 0, 7, 12],
        '2024-Q3': [0, 2, 0, 0, 4, 6],
      }),
      5,
    );
    expect(plan.source).toBe('outcomes.b1');
    expect(response.id).toBe('timeToEvent.b1');
    expect(response.columnLabels).toEqual([
      'Median (Monate)',
      'ohne Ergebnis bei Beginn',
      'noch ohne Ergebnis nach 12 Monaten',
      'noch ohne Ergebnis nach 24 Monaten',
    ]);
    expect(response.rows).toEqual([
      { label: '2024-Q1', values: [14, 18, 10, 7], text: ['14', '18', '10', '7'] },
      { label: '2024-Q2', values: [null, 12, 7, 7], text: ['nicht innerhalb von 24 Monaten', '12', '7', '7'] },
      { label: '2024-Q3', values: [null, 6, 4, null], text: ['·', '6', '4', 'noch nicht beobachtbar'] },
    ]);
  });

  it('derives the same numbers at risk as the life table of a fully observed cohort', () => {
    const row = { total: 20, atStart: 2, intervals: [8, 3, 0], notWithin36: 7 };
    const estimate = plan.rows[0].estimate;
    for (const month of [0, 12, 24] as const) expect(derivedAtRisk(row, month)).toBe(atRiskAt(estimate, month));
  });

  it('publishes a number at risk only where it follows from published cells', () => {
    // Only the cells after the month, or the total with "bei Beginn" and the cells before it, give it away.
    expect(derivedAtRisk({ total: null, atStart: null, intervals: [null, 3, 0], notWithin36: 7 }, 12)).toBe(10);
    expect(derivedAtRisk({ total: 20, atStart: 2, intervals: [8, null, null], notWithin36: null }, 12)).toBe(10);
    expect(derivedAtRisk({ total: 20, atStart: null, intervals: [8, 3, null], notWithin36: null }, 12)).toBeNull();
    expect(derivedAtRisk({ total: null, atStart: 2, intervals: [8, 3, 0], notWithin36: null }, 0)).toBeNull();
    // A source without the two-way columns (the old one-way tables) gives nothing.
    expect(derivedAtRisk({ total: 11, atStart: undefined, intervals: [8, 3, 0], notWithin36: undefined }, 12)).toBeNull();

    const response = timeToEventResponse(
      plan,
      source({
        '2024-Q1': [null, 8, 3, null, null, 20],
        '2024-Q2': [0, 5, 0, 0, 7, 12],
        '2024-Q3': [null, null, null, null, null, null],
      }),
      5,
    );
    expect(response.rows[0].text).toEqual(['14', '·', '·', '·']);
    expect(response.rows[2].text).toEqual(['·', '·', '·', 'noch nicht beobachtbar']);
  });

  it('hides a median below k events or below k persons, and every number at risk without a source table', () => {
    const response = timeToEventResponse(plan, undefined, 6);
    // Q2 has 5 events: below k = 6.
    expect(response.rows.map((r) => r.text[0])).toEqual(['14', '·', '·']);
    expect(response.rows[1].text.slice(1)).toEqual(['·', '·', '·']);
    expect(response.footnotes[0]).toContain('weniger als 6 Personen');
  });

  it('says "noch nicht beobachtbar" for a running cohort whose median is not reached', () => {
    const young = cohort('2026-Q2', 10, 0, [
      { month: 0, events: 5, censored: 0 },
      { month: 1, events: 0, censored: 5 },
    ]);
    const running = timeToEventTable('b1', { ...input, cohorts: ['2026-Q2'], byCohort: () => young, observedUntil: '2026-06-15' });
    // S(0) = 5/10 = 0.5: the median is month 0 although the cohort is still running (reached, so it is known).
    expect(timeToEventResponse(running, undefined, 5).rows[0].text[0]).toBe('0');
    const none = cohort('2026-Q2', 10, 0, [
      { month: 0, events: 5, censored: 0 },
      { month: 1, events: 0, censored: 5 },
    ]);
    const lateInput = { ...input, cohorts: ['2026-Q2'], byCohort: () => ({ ...none, clients: 11, lifeTables: { b1: [...none.lifeTables.b1, { month: 2, events: 0, censored: 1 }], employment: [] } }), observedUntil: '2026-06-15' };
    const late = timeToEventResponse(timeToEventTable('b1', lateInput), undefined, 5);
    expect(late.rows[0].text).toEqual(['noch nicht beobachtbar', '·', 'noch nicht beobachtbar', 'noch nicht beobachtbar']);
  });

  it('refuses a life table that does not cover the cohort without the outcome at start', () => {
    const bad = cohort('2024-Q1', 20, 0, [{ month: 3, events: 1, censored: 0 }]);
    expect(() => timeToEventTable('b1', { ...input, cohorts: ['2024-Q1'], byCohort: () => bad })).toThrow(InvalidReportMetricsError);
  });
});
