import type { EvaluationReportResponse, EvaluationTableResponse } from '@wegweiser/shared/contracts';
import type { CohortOutcomes, EvaluationMetrics, LifeTableRow } from '../metrics/evaluation-metrics.types';
import { buildEvaluationReport } from './report-tables';
import { personsMetrics, randomPersons, type FixturePerson } from './testing/report-fixture';

/**
 * The issue-19 sections wired into the whole report: synthetic persons (a cohort of 3 among them), observed until
 * 2026-08-15, so 2024-Q1 and 2024-Q2 are observable for 24 months and no cohort for 36.
 */
const SIZES = { '2024-Q1': 60, '2024-Q2': 45, '2024-Q3': 3, '2024-Q4': 50 };
const RANGE = { firstCohort: '2024-Q1', lastCohort: '2024-Q4' };
const OBSERVED_UNTIL = '2026-08-15';

/** Life table of B1 from the persons: events at their month (< 36), everybody else censored at 36. */
function b1LifeTable(members: readonly FixturePerson[]): LifeTableRow[] {
  const rows = new Map<number, LifeTableRow>();
  for (const person of members) {
    const month = person.months.b1 !== undefined && person.months.b1 < 36 ? person.months.b1 : 36;
    const row = rows.get(month) ?? { month, events: 0, censored: 0 };
    rows.set(month, month < 36 ? { ...row, events: row.events + 1 } : { ...row, censored: row.censored + 1 });
  }
  return [...rows.values()].sort((a, b) => a.month - b.month);
}

/** Status figures as fixed fractions of the cohort (exclusive, adding up to the cohort). */
function withExtras(row: CohortOutcomes, members: readonly FixturePerson[]): CohortOutcomes {
  const n = row.clients;
  const part = (share: number) => Math.floor(n * share);
  const status = () => ({
    socialInsurance: part(0.3),
    selfEmployed: part(0.1),
    miniJob: part(0.1),
    notEmployed: n - part(0.3) - 2 * part(0.1),
  });
  return {
    ...row,
    employedAt: { month12: status(), month24: status(), month36: status() },
    lifeTables: { b1: b1LifeTable(members), employment: [] },
    plans: { agreed: part(0.7), agreedWithin3Months: part(0.4) },
  };
}

function build(): EvaluationReportResponse {
  const persons = randomPersons(7, SIZES);
  const metrics = (breakdown: 'gender' | 'ageBand' | null): EvaluationMetrics => ({
    ...personsMetrics(persons, { ...RANGE, breakdown }),
    observedUntil: OBSERVED_UNTIL,
    caseload: { openCases: 120, managers: 4 },
  });
  const total = metrics(null);
  total.cohorts = total.cohorts.map((row) => withExtras(row, persons.filter((p) => p.cohort === row.cohort)));
  return buildEvaluationReport({
    request: { template: 'annualCouncil', from: '2024-01-01', to: '2024-12-31' },
    municipality: { code: 'BH', name: 'Beispielheim' },
    metrics: { total, byBreakdown: { gender: metrics('gender'), ageBand: metrics('ageBand') } },
  });
}

const report = build();
const table = (id: string): EvaluationTableResponse => {
  const found = report.sections.flatMap((s) => s.tables).find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};

describe('the issue-19 sections in the annual council report', () => {
  it('has the new sections and tables', () => {
    const ids = (section: string) => report.sections.find((s) => s.id === section)?.tables.map((t) => t.id);
    expect(ids('timeToEvent')).toEqual(['timeToEvent.b1', 'timeToEvent.employment']);
    expect(ids('status')).toEqual([
      'status.employment.month12',
      'status.employment.month24',
      'status.employment.month36',
      'status.apprenticeship.month36',
      'status.studies.month36',
    ]);
    expect(ids('plans')).toEqual(['plans.agreed', 'caseload.average']);
  });

  it('prints the Kaplan–Meier median of B1, equal to the hand count when nobody is censored before 36 months', () => {
    // Without censoring before month 36, S(t) = (persons without B1 after month t) / n, so the median is the
    // smallest month by which at least half of the cohort reached B1: the ⌈n/2⌉-th smallest month (if < 36).
    const persons = randomPersons(7, SIZES);
    const rows = table('timeToEvent.b1').rows;
    for (const [cohort, n] of Object.entries(SIZES)) {
      const months = persons
        .filter((p) => p.cohort === cohort && p.months.b1 !== undefined && p.months.b1 < 36)
        .map((p) => p.months.b1 as number)
        .sort((a, b) => a - b);
      const half = Math.ceil(n / 2);
      const expected = n < 5 || months.length < 5 ? '·' : months.length >= half ? String(months[half - 1]) : 'nicht innerhalb von 27 Monaten';
      expect([cohort, rows.find((r) => r.label === cohort)?.text[0]]).toEqual([cohort, expected]);
    }
  });

  it('counts the status only for cohorts observable for the month, and never prints a count below k', () => {
    const at24 = table('status.employment.month24');
    expect(at24.rows.map((r) => [r.label, r.text.every((t) => t === 'noch nicht beobachtbar')])).toEqual([
      ['2024-Q1', false],
      ['2024-Q2', false],
      ['2024-Q3', true],
      ['2024-Q4', true],
      ['Insgesamt', false],
    ]);
    // Q2 (45) is hidden with Q3 (3) by the gender table; Q1's 60, Q4's 50 and all 158 are printed. (The status
    // table's own total over Q1 and Q2, 105, starts suppressed: it would give away Q3 = 158 − 50 − 105 = 3, and
    // treated as printed it used to hide Q1's size as well.) So the "Insgesamt" row is "·" throughout.
    const cohortSizes = table('cohorts.gender').rows.map((r) => r.values.at(-1));
    expect(cohortSizes).toEqual([60, null, null, 50, 158]);
    expect(at24.rows[4]).toEqual({ label: 'Insgesamt', values: new Array(5).fill(null), text: new Array(5).fill('·') });
    expect(at24.rows[0].values[0]).toBe(18);
    const at36 = table('status.employment.month36');
    expect(at36.rows.every((r) => r.text.every((t) => t === 'noch nicht beobachtbar'))).toBe(true);
    const at12 = table('status.employment.month12');
    // The cohort of 3 is observable for 12 months, but its size is below k: hidden here as in the cohort tables.
    expect(at12.rows[2]).toMatchObject({ label: '2024-Q3' });
    expect(at12.rows[2].values[4]).toBeNull();
    for (const id of ['status.employment.month12', 'status.employment.month24', 'plans.agreed'])
      for (const row of table(id).rows)
        for (const value of row.values) expect(value === null || value >= 5).toBe(true);
  });

  it('fills the key figures from the published tables', () => {
    const figures = Object.fromEntries(report.keyFigures.map((f) => [f.id, f]));
    expect(report.keyFigures.map((f) => f.id)).toEqual([
      'cohortSize',
      'b1Within24',
      'employedAt24',
      'apprenticeships',
      'plansAgreed',
      'averageCaseload',
    ]);
    expect(figures['cohortSize']).toMatchObject({ value: 158, text: '158' });
    // Employed at 24 over Q1 and Q2 would need their size together (105), which is not published: "·".
    expect(figures['employedAt24']).toMatchObject({ value: null, text: '·' });
    expect(figures['b1Within24']).toMatchObject({ value: null, text: '·' });
    // Plans over all cohorts (all observed 3 months): (42 + 31 + 2 + 35) / 158 = 110/158 = 69,6 %.
    expect(figures['plansAgreed']).toMatchObject({ value: 69.6, text: '69,6\u00a0%' });
    const started = randomPersons(7, SIZES).filter((p) => p.months.apprenticeship !== undefined && p.months.apprenticeship < 36);
    expect(figures['apprenticeships']).toMatchObject({ value: started.length });
    expect(figures['averageCaseload']).toMatchObject({ value: 30, text: '30,0' });
    expect(figures['plansAgreed'].previousText).toBe('nicht verfügbar');
  });
});
