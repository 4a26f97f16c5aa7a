import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { UnsavedPlanForms, errorKey, goalStateActions, isStaleVersion, planWriteFailure, showFieldErrors, withinWindow } from './plan-forms';

const failed = (status: number, error: unknown) => new HttpErrorResponse({ status, error });

describe('goalStateActions', () => {
  it('offers the next sensible states', () => {
    const keys = (state: Parameters<typeof goalStateActions>[0]) => goalStateActions(state).map((action) => `${action.key}:${action.state}`);
    expect(keys('open')).toEqual(['start:in_progress', 'drop:dropped']);
    expect(keys('in_progress')).toEqual(['achieved:achieved', 'notAchieved:not_achieved', 'drop:dropped']);
    expect(keys('achieved')).toEqual(['reopen:open']);
    expect(keys('not_achieved')).toEqual(['reopen:open']);
    expect(keys('dropped')).toEqual(['reopen:open']);
  });
});

describe('planWriteFailure', () => {
  it('reads field errors and known codes, and falls back to unknown', () => {
    expect(planWriteFailure(failed(400, { statusCode: 400, code: 'validationFailed', message: 'x', errors: { dueOn: 'outsideSupportWindow' } }))).toEqual({
      code: 'unknown',
      fields: { dueOn: 'outsideSupportWindow' },
    });
    expect(planWriteFailure(failed(409, { statusCode: 409, code: 'planEmpty', message: 'x' }))).toEqual({ code: 'planEmpty', fields: {} });
    expect(planWriteFailure(failed(409, { statusCode: 409, code: 'caseClosed', message: 'x' })).code).toBe('caseClosed');
    expect(planWriteFailure(failed(0, new ProgressEvent('error'))).code).toBe('network');
    expect(planWriteFailure(new Error('boom')).code).toBe('unknown');
  });

  it('recognises a stale version only by its code', () => {
    expect(isStaleVersion(failed(409, { statusCode: 409, code: 'staleVersion', message: 'x', currentVersion: 2 }))).toBe(true);
    expect(isStaleVersion(failed(409, { statusCode: 409, code: 'caseClosed', message: 'x' }))).toBe(false);
  });
});

describe('form helpers', () => {
  it('puts field errors on the matching controls and reports the rest', () => {
    const form = new FormGroup({ dueOn: new FormControl('2030-01-01') });
    expect(showFieldErrors(form, { dueOn: 'outsideSupportWindow' })).toBe(true);
    expect(form.controls.dueOn.touched).toBe(true);
    expect(errorKey(form.controls.dueOn)).toBe('outsideSupportWindow');
    expect(showFieldErrors(form, { goalId: 'notFound' })).toBe(false);
  });

  it('keeps dates inside the window; empty is fine', () => {
    const validate = withinWindow(() => ({ start: '2025-01-15', end: '2028-01-14' }));
    expect(validate(new FormControl('2025-01-14'))).toEqual({ outsideSupportWindow: true });
    expect(validate(new FormControl('2028-01-15'))).toEqual({ outsideSupportWindow: true });
    expect(validate(new FormControl('2025-01-15'))).toBeNull();
    expect(validate(new FormControl('2028-01-14'))).toBeNull();
    expect(validate(new FormControl(''))).toBeNull();
  });
});

describe('UnsavedPlanForms', () => {
  it('is true while a shown form is dirty, and forgets forms that are gone', () => {
    const unsaved = new UnsavedPlanForms();
    const destroyed: (() => void)[] = [];
    const destroyRef = { onDestroy: (callback: () => void) => destroyed.push(callback) } as unknown as DestroyRef;
    const form = new FormControl('');
    unsaved.add(form, destroyRef);
    expect(unsaved.any()).toBe(false);

    form.markAsDirty();
    expect(unsaved.any()).toBe(true);

    form.markAsPristine();
    expect(unsaved.any()).toBe(false);

    form.markAsDirty();
    destroyed.forEach((callback) => callback());
    expect(unsaved.any()).toBe(false);
  });
});
