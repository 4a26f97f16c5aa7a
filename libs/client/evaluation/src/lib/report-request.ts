import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl, FormControl, FormGroup, ValidatorFn, Validators } from '@angular/forms';
import { isApiErrorResponse } from '@wegweiser/client/data-access';
import {
  EVALUATION_QUARTERS,
  evaluationPeriod,
  EvaluationPeriodKind,
  EvaluationQuarter,
  EvaluationReportJobResponse,
  EvaluationReportRequest,
  EvaluationTemplate,
  evaluationReportFileName,
  lastCompleteQuarter,
  toEvaluationGridPeriod,
} from '@wegweiser/shared/contracts';

/** The API's code for a period with fewer people than k (422). */
export const POPULATION_BELOW_THRESHOLD = 'populationBelowThreshold';

/** How many years back the period selects go. */
export const YEARS_BACK = 10;

export type ReportForm = FormGroup<{
  template: FormControl<EvaluationTemplate>;
  kind: FormControl<EvaluationPeriodKind>;
  year: FormControl<number>;
  quarter: FormControl<EvaluationQuarter>;
}>;

/** `today` (UTC) as `YYYY-MM-DD`. */
const isoDay = (today: Date) => today.toISOString().slice(0, 10);

/** The years the period selects offer: this year and {@link YEARS_BACK} before it, newest first. */
export function yearOptions(today: Date): number[] {
  const year = today.getUTCFullYear();
  return Array.from({ length: YEARS_BACK + 1 }, (_, i) => year - i);
}

/** The report form: template and a period on the grid (a quarter or a calendar year), by default the last complete quarter. */
export function reportForm(today: Date): ReportForm {
  const last = lastCompleteQuarter(isoDay(today));
  return new FormGroup({
    template: new FormControl<EvaluationTemplate>('annualCouncil', { nonNullable: true, validators: Validators.required }),
    kind: new FormControl<EvaluationPeriodKind>('quarter', { nonNullable: true, validators: Validators.required }),
    year: new FormControl(last.year, { nonNullable: true, validators: Validators.required }),
    quarter: new FormControl<EvaluationQuarter>(last.quarter, { nonNullable: true, validators: Validators.required }),
  });
}

export const QUARTERS = EVALUATION_QUARTERS;

/** The request body of a valid form: the first and last day of the chosen quarter or year. */
export function toRequest(form: ReportForm): EvaluationReportRequest {
  const value = form.getRawValue();
  const period = value.kind === 'year' ? evaluationPeriod('year', value.year) : evaluationPeriod('quarter', value.year, value.quarter);
  return { template: value.template, ...period };
}

/** The text key (`form.errors.<key>`) of a control's first error; a server's code reads as "invalid". */
export function errorKey(control: AbstractControl): string | null {
  const errors = control.errors;
  if (!errors) return null;
  for (const key of ['required', 'integer', 'min', 'max']) {
    if (errors[key]) return key;
  }
  return 'invalid';
}

/** Whole numbers only (a number field may hold 5.5). */
export const integer: ValidatorFn = (control) => (control.value === null || control.value === '' || Number.isInteger(Number(control.value)) ? null : { integer: true });

/** What the form says about a refused request. */
export type ReportProblem =
  | { kind: 'tooFew'; k: number | null }
  | { kind: 'invalid' }
  | { kind: 'failed'; messageKey: 'form.failed' | 'form.forbidden' | 'form.network' };

/**
 * Reads a refused preview or report: 422 → too few people for the municipality's k; 400 → the API's field
 * errors go onto the controls (a period off the grid onto the period's selects); anything else → one message.
 */
export function reportProblem(error: unknown, form: ReportForm, k: number | null): ReportProblem {
  if (!(error instanceof HttpErrorResponse)) return { kind: 'failed', messageKey: 'form.failed' };
  const body: unknown = error.error;
  const code = isApiErrorResponse(body) ? body.code : undefined;
  if (error.status === 422 && code === POPULATION_BELOW_THRESHOLD) return { kind: 'tooFew', k };
  if (error.status === 400) {
    const fields = isApiErrorResponse(body) ? (body.errors ?? {}) : {};
    for (const [field, fieldCode] of Object.entries(fields)) {
      const name = field === 'from' || field === 'to' ? (form.controls.kind.value === 'quarter' ? 'quarter' : 'year') : field;
      const control = form.get(name);
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

/** A download's file name when the response names none: the German word of the template and the period (`2025`, `2025-Q1`). */
export function fallbackFileName(job: EvaluationReportJobResponse, format: string): string {
  const grid = toEvaluationGridPeriod(job.from, job.to);
  if (!grid) return evaluationReportFileName(job.template, job.from, job.to, format);
  const label = grid.kind === 'year' ? String(grid.year) : `${grid.year}-Q${grid.quarter}`;
  return evaluationReportFileName(job.template, label, label, format);
}
