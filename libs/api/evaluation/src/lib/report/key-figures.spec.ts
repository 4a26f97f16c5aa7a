import type { EvaluationReportResponse, EvaluationTableResponse } from '@wegweiser/shared/contracts';
import { keyFigures, linearSum } from './key-figures';
import { OUTCOME_SOURCE_COLUMNS } from './time-to-event';

const NN = 'noch nicht beobachtbar';
const OUTCOME_COLUMNS = [
  OUTCOME_SOURCE_COLUMNS.atStart,
  ...OUTCOME_SOURCE_COLUMNS.intervals,
  OUTCOME_SOURCE_COLUMNS.notWithin36,
];
type Row = [string, (number | null | 'pending')[]];

/** A published table with totals: the last value of each row is its total, the last row is "Insgesamt". */
function table(id: string, columns: readonly string[], rows: Row[]): EvaluationTableResponse {
  return {
    id,
    kind: 'count',
    title: id,
    rowHeading: 'Kohorte',
    columnLabels: [...columns, 'Insgesamt'],
    rows: rows.map(([label, values]) => {
      if (values[0] === 'pending')
        return { label, values: columns.map(() => null).concat(null), text: columns.map(() => NN).concat(NN) };
      const numbers = values as (number | null)[];
      return { label, values: numbers, text: numbers.map((v) => (v === null ? '·' : String(v))) };
    }),
    withTotals: true,
    footnotes: [],
  };
}

/**
 * Hand-made cohorts (k = 5), as published:
 *   cohort sizes 2024-Q1 30, 2024-Q2 25, 2024-Q3 20 (75); Q1 and Q2 observable for 24 months, Q3 not.
 *   B1 (two-way):       bei Beginn | 0–11 | 12–23 | 24–35 | nicht in 36 | Σ
 *     2024-Q1               ·(3)  |  10  |   6   |  ·(2) |      9      | 30
 *     2024-Q2               ·(2)  |   8  |   5   |  ·(3) |      7      | 25
 *     2024-Q3               ·(2)  |   6  |   5   |  ·(0) |      7      | 20
 *     Insgesamt               7   |  24  |  16   |   5   |     23      | 75
 *   → B1 within 24 months over Q1 and Q2: (10 + 6 + 8 + 5) / (30 + 25) = 29/55 = 52,7 %.
 *   Employment at 24:   svpfl. | selbst. | Minijob | nicht besch. | Σ
 *     2024-Q1              12  |    ·    |    5    |      ·       | 30
 *     2024-Q2               ·  |    ·    |    6    |      8       | 25
 *     2024-Q3       noch nicht beobachtbar
 *     Insgesamt             ·  |    ·    |   11    |     18       | 55  → (55 − 11 − 18) / 55 = 26/55 = 47,3 %.
 *   Apprenticeship, Insgesamt row: 5 | 6 | 5 | · | 59 | 75 → started 75 − 5 − 59 = 11.
 *   Plans, Insgesamt row: 21 within 3 months | 14 later | 20 none | 55 → 35/55 = 63,6 %.
 *   Caseload: 125 open cases, 31,3 per manager.
 */
function report(overrides: Partial<Record<string, EvaluationTableResponse>> = {}): EvaluationReportResponse {
  const caseload: EvaluationTableResponse = {
    id: 'caseload.average',
    kind: 'count',
    title: 'Betreuungsschlüssel am Stichtag',
    rowHeading: 'Stichtag',
    columnLabels: ['offene Betreuungen', 'Betreuungen je Integrationsmanager/-in (Durchschnitt)'],
    rows: [{ label: '07.12.2026', values: [125, 31.3], text: ['125', '31,3'] }],
    withTotals: false,
    footnotes: [],
  };
  const tables: EvaluationTableResponse[] = [
    table('cohorts.gender', ['weiblich', 'männlich', 'divers / keine Angabe'], [
      ['2024-Q1', [12, 15, 3, 30]],
      ['2024-Q2', [10, 12, 3, 25]],
      ['2024-Q3', [8, 9, 3, 20]],
      ['Insgesamt', [30, 36, 9, 75]],
    ]),
    table('outcomes.b1', OUTCOME_COLUMNS, [
      ['2024-Q1', [null, 10, 6, null, 9, 30]],
      ['2024-Q2', [null, 8, 5, null, 7, 25]],
      ['2024-Q3', [null, 6, 5, null, 7, 20]],
      ['Insgesamt', [7, 24, 16, 5, 23, 75]],
    ]),
    table('status.employment.month24', ['SV-pflichtig', 'selbständig', 'Minijob', 'nicht beschäftigt'], [
      ['2024-Q1', [12, null, 5, null, 30]],
      ['2024-Q2', [null, null, 6, 8, 25]],
      ['2024-Q3', ['pending']],
      ['Insgesamt', [null, null, 11, 18, 55]],
    ]),
    table('outcomes.apprenticeship', OUTCOME_COLUMNS, [
      ['2024-Q1', [null, null, null, null, 25, 30]],
      ['2024-Q2', [null, null, null, null, 19, 25]],
      ['2024-Q3', [null, null, null, null, 15, 20]],
      ['Insgesamt', [5, 6, 5, null, 59, 75]],
    ]),
    table('plans.agreed', ['innerhalb von 3 Monaten vereinbart', 'später vereinbart', '(noch) kein Plan'], [
      ['2024-Q1', [12, 8, 10, 30]],
      ['2024-Q2', [9, 6, 10, 25]],
      ['2024-Q3', ['pending']],
      ['Insgesamt', [21, 14, 20, 55]],
    ]),
    caseload,
  ].map((t) => overrides[t.id] ?? t);
  return {
    template: 'annualCouncil',
    title: 'Jahresbericht',
    municipality: { code: 'BH', name: 'Beispielheim' },
    period: { from: '2024-01-01', to: '2024-09-30', firstCohort: '2024-Q1', lastCohort: '2024-Q3' },
    granularity: 'quarter',
    k: 5,
    keyFigures: [],
    previousPeriod: null,
    sections: [{ id: 's', title: 's', tables }],
  };
}

const byId = (figures: ReturnType<typeof keyFigures>) => Object.fromEntries(figures.map((f) => [f.id, f]));

describe('keyFigures', () => {
  it('reads every figure from the published tables (hand-computed), in print order, with German labels', () => {
    const figures = keyFigures(report(), null);
    expect(figures.map((f) => [f.id, f.value, f.text])).toEqual([
      ['cohortSize', 75, '75'],
      ['b1Within24', 52.7, '52,7\u00a0%'],
      ['employedAt24', 47.3, '47,3\u00a0%'],
      ['apprenticeships', 11, '11'],
      ['plansAgreed', 63.6, '63,6\u00a0%'],
      ['averageCaseload', 31.3, '31,3'],
    ]);
    expect(figures[1].label).toBe('Deutsch B1 innerhalb von 24 Monaten');
    expect(figures.every((f) => f.previous === null && f.previousText === 'nicht verfügbar')).toBe(true);
  });

  it('puts the previous report beside each figure', () => {
    const previous = report({
      'status.employment.month24': table('status.employment.month24', ['SV-pflichtig', 'selbständig', 'Minijob', 'nicht beschäftigt'], [
        ['2023-Q1', ['pending']],
        ['Insgesamt', ['pending']],
      ]),
    });
    const figures = byId(keyFigures(report(), previous));
    expect(figures['b1Within24']).toMatchObject({ value: 52.7, previous: null, previousText: NN });
    expect(figures['employedAt24']).toMatchObject({ previous: null, previousText: NN });
    expect(figures['cohortSize']).toMatchObject({ previous: 75, previousText: '75' });
  });

  it('derives a sum from a printed total minus printed cells, by row or by column, and shows "·" when it does not follow', () => {
    // B1 in Q2: 12–23 hidden; the column relation gives Q1 + Q2 = 16 − 5 (Q3) = 11, so the figure is unchanged.
    const columnOnly = table('outcomes.b1', OUTCOME_COLUMNS, [
      ['2024-Q1', [null, 10, 6, null, 9, 30]],
      ['2024-Q2', [null, 8, null, null, null, 25]],
      ['2024-Q3', [null, 6, 5, null, 7, 20]],
      ['Insgesamt', [7, 24, 16, 5, 23, 75]],
    ]);
    expect(byId(keyFigures(report({ 'outcomes.b1': columnOnly }), null))['b1Within24'].value).toBe(52.7);
    // Hide Q3's 12–23 as well: nothing printed gives Q2's 12–23 → "·".
    const hidden = table('outcomes.b1', OUTCOME_COLUMNS, [
      ['2024-Q1', [null, 10, 6, null, 9, 30]],
      ['2024-Q2', [null, 8, null, null, null, 25]],
      ['2024-Q3', [null, 6, null, null, null, 20]],
      ['Insgesamt', [7, 24, 16, 5, 23, 75]],
    ]);
    expect(byId(keyFigures(report({ 'outcomes.b1': hidden }), null))['b1Within24']).toMatchObject({ value: null, text: '·' });
    expect(linearSum(hidden, ['2024-Q1'], [OUTCOME_COLUMNS[1], OUTCOME_COLUMNS[2]])).toBe(16);
    expect(linearSum(hidden, ['2024-Q2'], [OUTCOME_COLUMNS[1], OUTCOME_COLUMNS[2]])).toBeNull();
    expect(linearSum(hidden, ['2024-Q1'], ['no such column'])).toBeNull();
  });

  it('applies the share rule and hides a figure whose table is missing or whose cell is suppressed', () => {
    const fewPlans = table('plans.agreed', ['innerhalb von 3 Monaten vereinbart', 'später vereinbart', '(noch) kein Plan'], [
      ['2024-Q1', [null, null, 27, 30]],
      ['2024-Q2', [null, null, 24, 25]],
      ['2024-Q3', ['pending']],
      ['Insgesamt', [null, null, 51, 55]],
    ]);
    const sizes = table('cohorts.gender', ['weiblich', 'männlich', 'divers / keine Angabe'], [
      ['2024-Q1', [12, 15, null, null]],
      ['Insgesamt', [null, null, null, null]],
    ]);
    const figures = byId(keyFigures(report({ 'plans.agreed': fewPlans, 'cohorts.gender': sizes }), null));
    // 4 of 55 with a plan: below k, so not shown although it follows from the printed cells.
    expect(figures['plansAgreed']).toMatchObject({ value: null, text: '·' });
    expect(figures['cohortSize']).toMatchObject({ value: null, text: '·' });

    const empty: EvaluationReportResponse = { ...report(), sections: [] };
    expect(keyFigures(empty, null).map((f) => f.text)).toEqual(['·', '·', '·', '·', '·', '·']);
  });

  it('says "noch nicht beobachtbar" when no cohort is observed for 24 months (or 3 months for plans)', () => {
    const pending = (id: string, columns: string[]) =>
      table(id, columns, [
        ['2024-Q3', ['pending']],
        ['Insgesamt', ['pending']],
      ]);
    const figures = byId(
      keyFigures(
        report({
          'status.employment.month24': pending('status.employment.month24', ['SV-pflichtig', 'selbständig', 'Minijob', 'nicht beschäftigt']),
          'plans.agreed': pending('plans.agreed', ['innerhalb von 3 Monaten vereinbart', 'später vereinbart', '(noch) kein Plan']),
        }),
        null,
      ),
    );
    expect(figures['b1Within24'].text).toBe(NN);
    expect(figures['employedAt24'].text).toBe(NN);
    expect(figures['plansAgreed'].text).toBe(NN);
    expect(figures['cohortSize'].value).toBe(75);
  });
});
