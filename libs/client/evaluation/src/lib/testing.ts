import { EvaluationReportJobResponse, EvaluationReportResponse } from '@wegweiser/shared/contracts';

/** A small published report for the specs: one count table with totals and a suppressed cell. */
export function sampleReport(): EvaluationReportResponse {
  return {
    template: 'annualCouncil',
    title: 'Jahresbericht für den Rat',
    municipality: { code: 'BH', name: 'Beispielheim' },
    period: { from: '2025-01-01', to: '2025-12-31', firstCohort: '2025', lastCohort: '2025' },
    granularity: 'year',
    k: 5,
    keyFigures: [],
    previousPeriod: null,
    sections: [
      {
        id: 'outcomes',
        title: 'Ergebnisse nach Kohorte',
        tables: [
          {
            id: 'outcomes.b1',
            kind: 'count',
            title: 'Deutsch B1 erreicht, nach Geschlecht',
            rowHeading: 'Kohorte',
            columnLabels: ['weiblich', 'männlich', 'Insgesamt'],
            rows: [
              { label: '2025', values: [12, null, 15], text: ['12', '·', '15'] },
              { label: 'Insgesamt', values: [12, null, 15], text: ['12', '·', '15'] },
            ],
            withTotals: true,
            footnotes: ['· = weniger als 5 Personen oder daraus zu errechnen; nicht ausgewiesen.'],
          },
        ],
      },
    ],
  };
}

export function sampleJob(overrides: Partial<EvaluationReportJobResponse> = {}): EvaluationReportJobResponse {
  return {
    id: 'r-1',
    template: 'annualCouncil',
    from: '2025-01-01',
    to: '2025-12-31',
    k: 5,
    state: 'queued',
    progress: 0,
    createdAt: '2026-11-21T10:00:00.000Z',
    finishedAt: null,
    expiresAt: null,
    formats: [],
    ...overrides,
  };
}

export function doneJob(overrides: Partial<EvaluationReportJobResponse> = {}): EvaluationReportJobResponse {
  return sampleJob({
    state: 'done',
    progress: 100,
    finishedAt: '2026-11-21T10:00:05.000Z',
    expiresAt: '2026-12-21T10:00:05.000Z',
    formats: ['pdf', 'csv', 'json'],
    ...overrides,
  });
}
