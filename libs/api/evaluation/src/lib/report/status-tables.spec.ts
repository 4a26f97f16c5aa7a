import {
  assertProtected,
  publishTable,
  suppressLinkedTables,
  type PublishedCountTable,
} from '../disclosure';
import type { CohortOutcomes, EmploymentStatusCounts } from '../metrics/evaluation-metrics.types';
import { planReport } from './report-plan';
import { REPORT_TEMPLATES } from './report-templates';
import {
  cohortSizeKey,
  employmentStatusTable,
  plansTable,
  statusResponse,
  statusTables,
  trainingStatusTable,
  type CohortInput,
} from './status-tables';
import { cohortRow, personsMetrics, randomPersons } from './testing/report-fixture';
import { InvalidReportMetricsError } from './report-cohorts';

const status = (socialInsurance: number, selfEmployed: number, miniJob: number, notEmployed: number): EmploymentStatusCounts =>
  ({ socialInsurance, selfEmployed, miniJob, notEmployed });

function cohort(label: string, clients: number, at24: EmploymentStatusCounts, extra: Partial<CohortOutcomes> = {}): CohortOutcomes {
  const row = cohortRow(label, clients, {});
  return {
    ...row,
    employedAt: { month12: status(0, 0, 0, clients), month24: at24, month36: status(0, 0, 0, clients) },
    trainingAt36: {
      apprenticeship: { completed: 0, ongoing: 0, brokenOff: 0, notStarted: clients },
      studies: { completed: 0, ongoing: 0, brokenOff: 0, notStarted: clients },
    },
    ...extra,
  };
}

/** 2024-Q1 and 2024-Q2 are observed 24 months on 2026-07-01 (Q2 ends 2024-06-30 → 2026-06-30); 2024-Q3 is not. */
const rows = [
  cohort('2024-Q1', 30, status(12, 3, 5, 10), { plans: { agreed: 20, agreedWithin3Months: 12 } }),
  cohort('2024-Q2', 25, status(10, 1, 6, 8), { plans: { agreed: 15, agreedWithin3Months: 9 } }),
  cohort('2024-Q3', 20, status(9, 0, 0, 11), { plans: { agreed: 10, agreedWithin3Months: 6 } }),
];
const input: CohortInput = {
  cohorts: ['2024-Q1', '2024-Q2', '2024-Q3'],
  byCohort: (label) => rows.find((r) => r.cohort === label),
  granularity: 'quarter',
  observedUntil: '2026-07-01',
};

describe('status tables', () => {
  it('counts only the cohorts observable for the month, with the cohort sizes as row totals', () => {
    const plan = employmentStatusTable(24, input);
    expect(plan.rows).toEqual([
      { label: '2024-Q1', observable: true },
      { label: '2024-Q2', observable: true },
      { label: '2024-Q3', observable: false },
    ]);
    expect(plan.counts?.table.rowLabels).toEqual(['2024-Q1', '2024-Q2']);
    expect(plan.counts?.table.cells).toEqual([
      [12, 3, 5, 10],
      [10, 1, 6, 8],
    ]);
    expect(plan.counts?.table.rowTotals).toEqual([30, 25]);
    expect(plan.counts?.table.sharedKeys?.rowTotals).toEqual([cohortSizeKey('2024-Q1'), cohortSizeKey('2024-Q2')]);
    expect(plan.counts?.table.sharedKeys?.grandTotal).toBe('clients|cohorts=2024-Q1,2024-Q2');
  });

  it('has no audited part when no cohort is observable, and prints every row as not observable', () => {
    const plan = employmentStatusTable(36, input);
    expect(plan.counts).toBeNull();
    const response = statusResponse(plan, null, 5);
    expect(response.rows.map((r) => r.label)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', 'Insgesamt']);
    for (const row of response.rows) {
      expect(row.values.every((v) => v === null)).toBe(true);
      expect(row.text.every((t) => t === 'noch nicht beobachtbar')).toBe(true);
    }
    expect(response.footnotes.some((f) => f.startsWith('noch nicht beobachtbar: ') && f.includes('36 volle Monate') && f.includes('01.07.2026'))).toBe(true);
  });

  it('publishes the audited part after linked suppression: small categories and their complements are hidden', () => {
    const plan = employmentStatusTable(24, input);
    const counts = plan.counts;
    if (!counts) throw new Error('expected counts');
    const [suppressed] = suppressLinkedTables([counts.table], { k: 5 });
    const published = publishTable(suppressed);
    assertProtected(published, { k: 5 });
    const response = statusResponse(plan, published, 5);
    const q2 = response.rows[1];
    // selbständig = 1 < 5 is hidden, and so is at least one other cell of the row (else 25 − rest = 1).
    expect(q2.text[1]).toBe('·');
    expect(q2.values.slice(0, 4).filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
    expect(response.rows[2].text).toEqual(new Array(5).fill('noch nicht beobachtbar'));
    expect(response.columnLabels).toEqual(['SV-pflichtig', 'selbständig', 'Minijob', 'nicht beschäftigt', 'Insgesamt']);
    expect(response.rows[3].label).toBe('Insgesamt');
    expect(response.rows[3].values[4] === null || response.rows[3].values[4] === 55).toBe(true);
  });

  it('shares the cohort-size keys with the cohort tables of planReport, so a hidden size is hidden here too', () => {
    const persons = randomPersons(3, { '2024-Q1': 30, '2024-Q2': 4 });
    const range = { firstCohort: '2024-Q1', lastCohort: '2024-Q2' };
    const sections = planReport(
      { ...REPORT_TEMPLATES.annualCouncil, breakdowns: [], sections: ['cohorts'] },
      { total: personsMetrics(persons, range), byBreakdown: {} },
    );
    const sizes = sections[0].tables[0];
    if (sizes.kind !== 'count') throw new Error('expected the cohort sizes');
    expect(sizes.table.sharedKeys?.rowTotals).toEqual(['2024-Q1', '2024-Q2'].map(cohortSizeKey));

    const metrics = personsMetrics(persons, range);
    const linkedInput: CohortInput = {
      cohorts: ['2024-Q1', '2024-Q2'],
      byCohort: (label) => metrics.cohorts.find((c) => c.cohort === label),
      granularity: 'quarter',
      observedUntil: '2030-01-01',
    };
    const plans = plansTable(linkedInput).counts;
    if (!plans) throw new Error('expected counts');
    const [sizesOut, plansOut] = suppressLinkedTables([sizes.table, plans.table], { k: 5 }).map(publishTable);
    // The cohort of 4 is below k in the sizes table, so its row total is hidden in the plans table as well.
    expect(sizesOut.rowTotals[1]).toBeNull();
    expect(plansOut.rowTotals[1]).toBeNull();
  });

  it('prints "Insgesamt" over the observable cohorts only where that sum follows from published sizes', () => {
    const plan = employmentStatusTable(24, input);
    const counts = plan.counts;
    if (!counts) throw new Error('expected counts');
    const published = publishTable(suppressLinkedTables([counts.table], { k: 5 })[0]);
    // Suppose Q1's size were hidden report-wide: then 55 = Q1 + Q2 is a new figure; with the period total (75) and
    // Q2 printed elsewhere it would give Q3 = 75 − 55 = 20 even if Q3 were hidden. So without every pending size
    // and the total being shown, the row is hidden.
    const hiddenQ1: PublishedCountTable = { ...published, rowTotals: [null, published.rowTotals[1]] };
    const shown = new Set(['clients', cohortSizeKey('2024-Q2')]);
    const hidden = statusResponse(plan, hiddenQ1, 5, (key) => shown.has(key));
    expect(hidden.rows[3]).toEqual({ label: 'Insgesamt', values: new Array(5).fill(null), text: new Array(5).fill('·') });
    // Q3's size and the total are printed: the sum follows from them, so it is printed.
    shown.add(cohortSizeKey('2024-Q3'));
    expect(statusResponse(plan, hiddenQ1, 5, (key) => shown.has(key)).rows[3].values).toEqual([
      ...published.columnTotals,
      published.grandTotal,
    ]);
    // Every observable size printed in the table: the sum follows from them.
    expect(statusResponse(plan, published, 5).rows[3].values.at(-1)).toBe(published.grandTotal);
  });

  it('splits the plans into within 3 months, later and none, and keeps young cohorts pending', () => {
    const plan = plansTable({ ...input, observedUntil: '2024-11-15' });
    // Q1 (ends 03-31) and Q2 (ends 06-30) are observed 3 months by 2024-11-15; Q3 (ends 09-30) is not.
    expect(plan.rows.map((r) => r.observable)).toEqual([true, true, false]);
    expect(plan.counts?.table.cells).toEqual([
      [12, 8, 10],
      [9, 6, 10],
    ]);
    expect(plan.counts?.table.columnLabels).toEqual(['innerhalb von 3 Monaten vereinbart', 'später vereinbart', '(noch) kein Plan']);
  });

  it('refuses categories that do not add up to the cohort', () => {
    const bad = [cohort('2024-Q1', 30, status(12, 3, 5, 9))];
    expect(() => employmentStatusTable(24, { ...input, cohorts: ['2024-Q1'], byCohort: () => bad[0] })).toThrow(InvalidReportMetricsError);
    const badPlans = [cohort('2024-Q1', 30, status(12, 3, 5, 10), { plans: { agreed: 5, agreedWithin3Months: 6 } })];
    expect(() => plansTable({ ...input, cohorts: ['2024-Q1'], byCohort: () => badPlans[0] })).toThrow(InvalidReportMetricsError);
  });

  it('plans the status section: employment at 12/24/36 and training at 36', () => {
    expect(statusTables(input).map((t) => t.id)).toEqual([
      'status.employment.month12',
      'status.employment.month24',
      'status.employment.month36',
      'status.apprenticeship.month36',
      'status.studies.month36',
    ]);
    const training = trainingStatusTable('studies', { ...input, observedUntil: '2027-07-01' });
    expect(training.counts?.table.rowLabels).toEqual(['2024-Q1', '2024-Q2']);
    expect(training.title).toBe('Studium: Stand nach 36 Monaten');
  });

  it('refuses a published part that does not belong to the plan', () => {
    const plan = employmentStatusTable(24, input);
    expect(() => statusResponse(plan, null, 5)).toThrow(InvalidReportMetricsError);
    const empty = employmentStatusTable(36, input);
    expect(() => statusResponse(empty, {} as PublishedCountTable, 5)).toThrow(InvalidReportMetricsError);
  });
});
