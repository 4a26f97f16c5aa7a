import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, inject } from '@angular/core';
import { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isApiErrorResponse } from '@wegweiser/client/data-access';
import { CASE_ERROR_CODES, GoalState } from '@wegweiser/shared/contracts';

/** Longest target or step description the API accepts. */
export const PLAN_TEXT_MAX_LENGTH = 500;

/** Failures a plan form explains itself (`planEditor.failure.<code>`); anything else is `unknown`. */
const FAILURE_CODES = ['staleVersion', 'caseClosed', 'notOwnCaseload', 'planEmpty', 'forbidden', 'notFound', 'network'] as const;
export type PlanFailureCode = (typeof FAILURE_CODES)[number] | 'unknown';

/** What a failed write means for a form: field errors (field -> code) and/or one message code. */
export interface PlanWriteFailure {
  code: PlanFailureCode;
  fields: Record<string, string>;
}

export function isStaleVersion(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 409 && isApiErrorResponse(error.error) && error.error.code === CASE_ERROR_CODES.staleVersion;
}

/** Reads a failed write: the API's field errors (400) and a message code for the rest. */
export function planWriteFailure(error: unknown): PlanWriteFailure {
  if (!(error instanceof HttpErrorResponse)) return { code: 'unknown', fields: {} };
  if (error.status === 0) return { code: 'network', fields: {} };
  const body = isApiErrorResponse(error.error) ? error.error : null;
  const code = (FAILURE_CODES as readonly string[]).includes(body?.code ?? '') ? (body?.code as PlanFailureCode) : 'unknown';
  return { code, fields: body?.errors ?? {} };
}

/**
 * Shows the API's field errors on the matching controls (touched, so they
 * show at once). Returns whether every field error found its control.
 */
export function showFieldErrors(form: FormGroup, fields: Record<string, string>): boolean {
  let allShown = true;
  for (const [field, code] of Object.entries(fields)) {
    const control = form.get(field);
    if (control) {
      control.setErrors({ ...control.errors, [code]: true });
      control.markAsTouched();
    } else {
      allShown = false;
    }
  }
  return allShown;
}

/** The text key of a control's first error (`planEditor.errors.<code>`), `required` first. */
export function errorKey(control: AbstractControl): string | null {
  const errors = control.errors;
  if (!errors) return null;
  if (errors['required']) return 'required';
  return Object.keys(errors)[0] ?? null;
}

/** An optional `YYYY-MM-DD` must lie within `[start, end]` (error `outsideSupportWindow`). */
export function withinWindow(window: () => { start: string; end: string } | null): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = control.value as string | null;
    const bounds = window();
    if (!value || !bounds) return null;
    return value < bounds.start || value > bounds.end ? { outsideSupportWindow: true } : null;
  };
}

/** A state change offered as one click: the new state and its button text (`planEditor.state.<key>`). */
export interface GoalStateAction {
  state: GoalState;
  key: 'start' | 'achieved' | 'notAchieved' | 'drop' | 'reopen';
}

/** The next sensible states of a goal: start, then reached or not; drop while not final; reopen when final. */
export function goalStateActions(state: GoalState): GoalStateAction[] {
  switch (state) {
    case 'open':
      return [
        { state: 'in_progress', key: 'start' },
        { state: 'dropped', key: 'drop' },
      ];
    case 'in_progress':
      return [
        { state: 'achieved', key: 'achieved' },
        { state: 'not_achieved', key: 'notAchieved' },
        { state: 'dropped', key: 'drop' },
      ];
    default:
      return [{ state: 'open', key: 'reopen' }];
  }
}

/**
 * The plan tab's forms with unsaved input. Provided by the tab; each form
 * registers itself with {@link trackUnsaved} for as long as it is shown.
 */
@Injectable()
export class UnsavedPlanForms {
  private readonly forms = new Set<AbstractControl>();

  add(form: AbstractControl, destroyRef: DestroyRef): void {
    this.forms.add(form);
    destroyRef.onDestroy(() => this.forms.delete(form));
  }

  /** True while any shown form was changed and not saved (saving resets it). */
  any(): boolean {
    return [...this.forms].some((form) => form.dirty);
  }
}

/** Registers `form` with the tab's {@link UnsavedPlanForms} (if any). Call in an injection context. */
export function trackUnsaved(form: AbstractControl): void {
  inject(UnsavedPlanForms, { optional: true })?.add(form, inject(DestroyRef));
}
