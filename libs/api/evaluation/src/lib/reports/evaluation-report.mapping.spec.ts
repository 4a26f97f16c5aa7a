import { REPORT_PROGRESS, reportFileName, toReportJobResponse } from './evaluation-report.mapping';

describe('evaluation report mapping', () => {
  const row = {
    id: '0b9c7f4e-3f7a-4c11-9c55-0d7a4d2b8e01',
    template: 'cohortState' as const,
    period_from: '2024-01-01',
    period_to: '2024-06-30',
    k: 5,
    progress: 40,
    created_at: new Date('2026-03-01T10:00:00Z'),
    finished_at: null,
    expires_at: null,
  };

  it('maps a running job without formats, a finished one with all three', () => {
    expect(toReportJobResponse({ ...row, state: 'running' })).toEqual({
      id: row.id,
      template: 'cohortState',
      from: '2024-01-01',
      to: '2024-06-30',
      k: 5,
      state: 'running',
      progress: 40,
      createdAt: '2026-03-01T10:00:00.000Z',
      finishedAt: null,
      expiresAt: null,
      formats: [],
    });
    const done = toReportJobResponse({ ...row, state: 'done', progress: 100, finished_at: new Date('2026-03-01T10:01:00Z'), expires_at: new Date('2026-03-31T10:01:00Z') });
    expect(done).toMatchObject({ formats: ['pdf', 'csv', 'json'], finishedAt: '2026-03-01T10:01:00.000Z', expiresAt: '2026-03-31T10:01:00.000Z' });
    expect(toReportJobResponse({ ...row, state: 'failed' }).formats).toEqual([]);
  });

  it('names files by template and cohorts, and refuses anything but cohort labels in the header', () => {
    expect(reportFileName('annualCouncil', '2024', '2025', 'pdf')).toBe('evaluationsbericht-jahresbericht-2024-2025.pdf');
    expect(reportFileName('annualCouncil', '2025', '2025', 'pdf')).toBe('evaluationsbericht-jahresbericht-2025.pdf');
    expect(reportFileName('annualCouncil', '2025-Q1', '2025-Q4', 'pdf')).toBe('evaluationsbericht-jahresbericht-2025.pdf');
    expect(reportFileName('annualCouncil', '2023-Q1', '2025-Q4', 'json')).toBe('evaluationsbericht-jahresbericht-2023-2025.json');
    expect(reportFileName('annualCouncil', '2025-Q2', '2025-Q4', 'pdf')).toBe('evaluationsbericht-jahresbericht-2025-Q2-2025-Q4.pdf');
    expect(reportFileName('cohortState', '2024-Q1', '2024-Q2', 'csv')).toBe('evaluationsbericht-kohortenbericht-2024-Q1-2024-Q2.csv');
    expect(() => reportFileName('cohortState', '2024-Q1"; x', '2024-Q2', 'csv')).toThrow();
  });

  it('progress: the figures up to 80, then each file, 100 when done (never outside 0–100)', () => {
    expect([REPORT_PROGRESS.figures(-1), REPORT_PROGRESS.figures(0.5), REPORT_PROGRESS.figures(2)]).toEqual([0, 40, 80]);
    expect([REPORT_PROGRESS.pdf, REPORT_PROGRESS.csv, REPORT_PROGRESS.json, REPORT_PROGRESS.done]).toEqual([90, 94, 97, 100]);
  });
});
