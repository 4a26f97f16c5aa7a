import { HttpErrorResponse } from '@angular/common/http';
import { errorKey, fallbackFileName, reportForm, reportProblem, toRequest, yearOptions } from './report-request';

describe('report form', () => {
  it('starts with the annual report and the last complete quarter', () => {
    const form = reportForm(new Date('2026-11-21T08:00:00Z'));
    expect(form.valid).toBe(true);
    expect(toRequest(form)).toEqual({ template: 'annualCouncil', from: '2026-07-01', to: '2026-09-30' });
    expect(toRequest(reportForm(new Date('2027-01-05T00:00:00Z')))).toEqual({ template: 'annualCouncil', from: '2026-10-01', to: '2026-12-31' });
  });

  it('asks only for periods on the grid: a quarter or a whole calendar year', () => {
    const form = reportForm(new Date('2026-11-21T08:00:00Z'));
    form.controls.quarter.setValue(1);
    form.controls.year.setValue(2024);
    expect(toRequest(form)).toEqual({ template: 'annualCouncil', from: '2024-01-01', to: '2024-03-31' });
    form.controls.kind.setValue('year');
    expect(toRequest(form)).toEqual({ template: 'annualCouncil', from: '2024-01-01', to: '2024-12-31' });
    expect(toRequest(form)).not.toHaveProperty('k');
  });

  it('offers this year and the ten before it, newest first', () => {
    const years = yearOptions(new Date('2026-11-21T00:00:00Z'));
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(2016);
    expect(years).toHaveLength(11);
  });
});

describe('reportProblem', () => {
  const failure = (status: number, body: unknown) => new HttpErrorResponse({ status, error: body });

  it('reads 422 populationBelowThreshold as "too few people" with the municipality\'s k', () => {
    const form = reportForm(new Date());
    const problem = reportProblem(failure(422, { statusCode: 422, code: 'populationBelowThreshold', message: 'x' }), form, 8);
    expect(problem).toEqual({ kind: 'tooFew', k: 8 });
  });

  it('puts the field errors of a 400 onto the controls (a period off the grid onto the quarter or year)', () => {
    const form = reportForm(new Date());
    const body = { statusCode: 400, code: 'validationFailed', message: 'x', errors: { to: 'notOnPeriodGrid', template: 'isIn', unknown: 'x' } };

    expect(reportProblem(failure(400, body), form, 5)).toEqual({ kind: 'invalid' });
    expect(form.controls.quarter.errors).toEqual({ server: 'notOnPeriodGrid' });
    expect(form.controls.quarter.touched).toBe(true);
    expect(errorKey(form.controls.template)).toBe('invalid');
    expect(form.controls.year.errors).toBeNull();

    form.controls.kind.setValue('year');
    reportProblem(failure(400, { ...body, errors: { from: 'notOnPeriodGrid' } }), form, 5);
    expect(form.controls.year.errors).toEqual({ server: 'notOnPeriodGrid' });
  });

  it('says "forbidden", "no connection" or "failed" for anything else', () => {
    const form = reportForm(new Date());
    expect(reportProblem(failure(403, null), form, 5)).toEqual({ kind: 'failed', messageKey: 'form.forbidden' });
    expect(reportProblem(failure(0, null), form, 5)).toEqual({ kind: 'failed', messageKey: 'form.network' });
    expect(reportProblem(failure(422, { statusCode: 422, code: 'other', message: 'x' }), form, 5)).toEqual({ kind: 'failed', messageKey: 'form.failed' });
    expect(reportProblem(new Error('x'), form, 5)).toEqual({ kind: 'failed', messageKey: 'form.failed' });
  });
});

describe('fallbackFileName', () => {
  const job = { id: 'j', template: 'annualCouncil', from: '2025-01-01', to: '2025-12-31', k: 5, state: 'done', progress: 100, createdAt: '', finishedAt: null, expiresAt: null, formats: [] } as const;

  it('names the template in German words and the period by its year or quarter', () => {
    expect(fallbackFileName({ ...job, formats: [] }, 'pdf')).toBe('evaluationsbericht-jahresbericht-2025.pdf');
    expect(fallbackFileName({ ...job, formats: [], template: 'cohortState', from: '2025-04-01', to: '2025-06-30' }, 'csv')).toBe('evaluationsbericht-kohortenbericht-2025-Q2.csv');
    expect(fallbackFileName({ ...job, formats: [], from: '2025-01-01', to: '2025-06-30' }, 'csv')).toBe('evaluationsbericht-jahresbericht-2025-01-01-2025-06-30.csv');
  });
});
