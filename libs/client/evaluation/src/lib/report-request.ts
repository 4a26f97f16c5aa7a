import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl, FormControl, FormGroup, FormGroupDirective, NgForm, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { isApiErrorResponse } from '@wegweiser/client/data-access';
import { EVALUATION_K, EvaluationReportJobResponse, EvaluationReportRequest, EvaluationTemplate, evaluationReportFileName } from '@wegweiser/shared/contracts';

/** The API's code for a period with fewer people than k (422). */
export const POPULATION_BELOW_THRESHOLD = 'populationBelowThreshold';

export type ReportForm = FormGroup<{
  template: FormControl<EvaluationTemplate>;
  from: FormControl<string>;
  to: FormControl<string>;
  k: FormControl<number | null>;
}>;

/** The last full calendar year before `today` (UTC): the period reports are usually asked for. */
export function lastFullYear(today: Date): { from: string; to: string } {
  const year = today.getUTCFullYear() - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` that names a real day (the date input gives '' for incomplete ones). */
const isoDay: ValidatorFn = (control) => {
  const value = String(control.value ?? '');
  if (value === '') return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  return ISO_DAY.test(value) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) ? null : { date: true };
};

const integer: ValidatorFn = (control) => (control.value === null || Number.isInteger(Number(control.value)) ? null : { integer: true });

/** The end of the period may not lie before its beginning. */
export const periodOrder: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const from = group.get('from')?.value as string | undefined;
  const to = group.get('to')?.value as string | undefined;
  return from && to && ISO_DAY.test(from) && ISO_DAY.test(to) && to < from ? { periodOrder: true } : null;
};

/** The report form: template, support-start period (default: last full year) and k (default 5, 3–100). */
export function reportForm(today: Date): ReportForm {
  const period = lastFullYear(today);
  return new FormGroup(
    {
      template: new FormControl<EvaluationTemplate>('annualCouncil', { nonNullable: true, validators: Validators.required }),
      from: new FormControl(period.from, { nonNullable: true, validators: [Validators.required, isoDay] }),
      to: new FormControl(period.to, { nonNullable: true, validators: [Validators.required, isoDay] }),
      k: new FormControl<number | null>(EVALUATION_K.default, [Validators.required, Validators.min(EVALUATION_K.min), Validators.max(EVALUATION_K.max), integer]),
    },
    { validators: periodOrder },
  );
}

/** The request body of a valid form. */
export function toRequest(form: ReportForm): EvaluationReportRequest {
  const value = form.getRawValue();
  return { template: value.template, from: value.from, to: value.to, k: Number(value.k) };
}

/** The text key (`form.errors.<key>`) of a control's first error; a server's code reads as "invalid". */
export function errorKey(control: AbstractControl): string | null {
  const errors = control.errors;
  if (!errors) return null;
  for (const key of ['required', 'date', 'integer', 'min', 'max']) {
    if (errors[key]) return key;
  }
  return 'invalid';
}

/** The period's end shows an error also when it lies before the beginning. */
export const periodEndMatcher: ErrorStateMatcher = {
  isErrorState: (control: AbstractControl | null, form: FormGroupDirective | NgForm | null) =>
    !!control && (control.invalid || !!control.parent?.hasError('periodOrder')) && (control.touched || !!form?.submitted),
};

/** What the form says about a refused request. */
export type ReportProblem =
  | { kind: 'tooFew'; k: number }
  | { kind: 'invalid' }
  | { kind: 'failed'; messageKey: 'form.failed' | 'form.forbidden' | 'form.network' };

/**
 * Reads a refused preview or report: 422 → too few people for k; 400 → the
 * API's field errors go onto the controls; anything else → one message.
 */
export function reportProblem(error: unknown, request: EvaluationReportRequest, form: ReportForm): ReportProblem {
  if (!(error instanceof HttpErrorResponse)) return { kind: 'failed', messageKey: 'form.failed' };
  const body: unknown = error.error;
  const code = isApiErrorResponse(body) ? body.code : undefined;
  if (error.status === 422 && code === POPULATION_BELOW_THRESHOLD) {
    return { kind: 'tooFew', k: request.k ?? EVALUATION_K.default };
  }
  if (error.status === 400) {
    const fields = isApiErrorResponse(body) ? (body.errors ?? {}) : {};
    for (const [field, fieldCode] of Object.entries(fields)) {
      const control = form.get(field);
      if (control) {
        control.setErrors({ ...control.errors, server: fieldCode });
        control.markAsTouched();
      }
    }
    return { kind: 'invalid' };
  }
  if (error.status === 403) return { kind: 'failed', messageKey: 'form.forbidden' };
  return { kind: 'failed', messageKey: error.status === 0 ? 'form.network' : 'form.failed' };
}

/** A job that will not change any more. */
export function isSettled(job: EvaluationReportJobResponse): boolean {
  return job.state === 'done' || job.state === 'failed';
}

/** A download's file name when the response names none: the German word of the template and the period (a whole year as its number). */
export function fallbackFileName(job: EvaluationReportJobResponse, format: string): string {
  const year = job.from.slice(0, 4);
  const wholeYear = job.from === `${year}-01-01` && job.to === `${year}-12-31`;
  return wholeYear ? evaluationReportFileName(job.template, year, year, format) : evaluationReportFileName(job.template, job.from, job.to, format);
}
