import { HttpErrorResponse } from '@angular/common/http';
import { errorKey, fallbackFileName, lastFullYear, reportForm, reportProblem, toRequest } from './report-request';

const request = { template: 'annualCouncil' as const, from: '2025-01-01', to: '2025-12-31', k: 7 };

describe('report form', () => {
  it('starts with the annual report, the last full calendar year and k = 5', () => {
    const form = reportForm(new Date('2026-11-21T08:00:00Z'));

    expect(form.valid).toBe(true);
    expect(toRequest(form)).toEqual({ template: 'annualCouncil', from: '2025-01-01', to: '2025-12-31', k: 5 });
    expect(lastFullYear(new Date('2027-01-01T00:00:00Z'))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it.each([
    [2, 'min'],
    [101, 'max'],
    [4.5, 'integer'],
    [null, 'required'],
  ])('refuses k = %p (%s)', (k, key) => {
    const form = reportForm(new Date('2026-11-21T00:00:00Z'));
    form.controls.k.setValue(k);
    expect(form.valid).toBe(false);
    expect(errorKey(form.controls.k)).toBe(key);
  });

  it('refuses an end before the beginning and days that do not exist', () => {
    const form = reportForm(new Date('2026-11-21T00:00:00Z'));
    form.controls.to.setValue('2024-12-31');
    expect(form.hasError('periodOrder')).toBe(true);
    form.controls.to.setValue('2025-02-30');
    expect(errorKey(form.controls.to)).toBe('date');
    form.controls.to.setValue('2025-03-01');
    expect(form.valid).toBe(true);
  });
});

describe('reportProblem', () => {
  const failure = (status: number, body: unknown) => new HttpErrorResponse({ status, error: body });

  it('reads 422 populationBelowThreshold as "too few people" with the asked k', () => {
    const form = reportForm(new Date());
    const problem = reportProblem(failure(422, { statusCode: 422, code: 'populationBelowThreshold', message: 'x' }), request, form);
    expect(problem).toEqual({ kind: 'tooFew', k: 7 });
  });

  it('puts the field errors of a 400 onto the controls', () => {
    const form = reportForm(new Date());
    const body = { statusCode: 400, code: 'validationFailed', message: 'x', errors: { k: 'min', from: 'invalid', unknown: 'x' } };

    expect(reportProblem(failure(400, body), request, form)).toEqual({ kind: 'invalid' });
    expect(form.controls.k.errors).toEqual({ server: 'min' });
    expect(form.controls.k.touched).toBe(true);
    expect(errorKey(form.controls.from)).toBe('invalid');
    expect(form.controls.to.errors).toBeNull();
  });

  it('says "forbidden", "no connection" or "failed" for anything else', () => {
    const form = reportForm(new Date());
    expect(reportProblem(failure(403, null), request, form)).toEqual({ kind: 'failed', messageKey: 'form.forbidden' });
    expect(reportProblem(failure(0, null), request, form)).toEqual({ kind: 'failed', messageKey: 'form.network' });
    expect(reportProblem(failure(422, { statusCode: 422, code: 'other', message: 'x' }), request, form)).toEqual({ kind: 'failed', messageKey: 'form.failed' });
    expect(reportProblem(new Error('x'), request, form)).toEqual({ kind: 'failed', messageKey: 'form.failed' });
  });
});

describe('fallbackFileName', () => {
  const job = { id: 'j', template: 'annualCouncil', from: '2025-01-01', to: '2025-12-31', k: 5, state: 'done', progress: 100, createdAt: '', finishedAt: null, expiresAt: null, formats: [] } as const;

  it('names the template in German words and a whole year by its number', () => {
    expect(fallbackFileName({ ...job, formats: [] }, 'pdf')).toBe('evaluationsbericht-jahresbericht-2025.pdf');
    expect(fallbackFileName({ ...job, formats: [], template: 'cohortState', from: '2025-01-01', to: '2025-06-30' }, 'csv')).toBe('evaluationsbericht-kohortenbericht-2025-01-01-2025-06-30.csv');
  });
});
