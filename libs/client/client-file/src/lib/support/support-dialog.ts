import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { SupportApi, isApiErrorResponse } from '@wegweiser/client/data-access';
import { activeLocale } from '@wegweiser/client/ui';
import { CLOSURE_REASONS, ClosureReason, EXTENSION_LIMITS, SUPPORT_LIMITS, SupportResponse } from '@wegweiser/shared/contracts';
import { Observable, startWith } from 'rxjs';
import { errorKey, showFieldErrors } from '../plan/plan-forms';
import { today } from '../plan/referrals/referral-rules';
import { SupportAction, dayAfter, lastChange } from './support-rules';

export type SupportDialogResult = 'done' | 'stale';

export interface SupportDialogData {
  clientId: string;
  action: SupportAction;
  support: SupportResponse;
}

/** Failures the dialog explains itself (`supportActions.failure.<code>`). */
const FAILURE_CODES = ['invalidSupportTransition', 'extensionPending', 'windowEnded', 'caseloadFull', 'caseClosed', 'notOwnCaseload', 'notFound', 'validationFailed', 'network'] as const;
export type SupportFailureCode = (typeof FAILURE_CODES)[number] | 'unknown';

/** Whether a failure means the file on screen is out of date (someone else changed the support meanwhile). */
export const STALE_FAILURES: readonly SupportFailureCode[] = ['invalidSupportTransition', 'extensionPending', 'windowEnded', 'caseClosed'];

const between =
  (min: () => string, max: () => string) =>
  (control: AbstractControl): ValidationErrors | null => {
    const value = control.value as string;
    if (!value) return null;
    if (value < min()) return { tooEarly: true };
    if (value > max()) return { tooLate: true };
    return null;
  };

/**
 * One dialog for every change of the support period: pause, resume, close
 * (with its reason), reopen, request an extension (with a justification).
 * It says what follows (e.g. the window's end, "geht an die Teamleitung zur
 * Freigabe") and is itself the confirmation. Closes with `done`, or `stale`
 * when it was cancelled after the API said the file on screen is out of date.
 */
@Component({
  selector: 'ww-support-dialog',
  imports: [DatePipe, MatButton, MatDialogModule, MatFormFieldModule, MatInput, MatProgressBar, MatSelectModule, ReactiveFormsModule, TranslocoDirective],
  templateUrl: './support-dialog.html',
  styles: `
    .support__wide {
      width: 100%;
    }
    .support__follows {
      border-inline-start: 4px solid var(--mat-sys-primary);
      padding: 0.25rem 0.75rem;
      background: var(--mat-sys-surface-container);
    }
    .support__error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupportDialog {
  protected readonly data = inject<SupportDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<SupportDialog, SupportDialogResult>>(MatDialogRef);
  private readonly api = inject(SupportApi);

  protected readonly locale = activeLocale(inject(TranslocoService));
  protected readonly action = this.data.action;
  protected readonly support = this.data.support;
  protected readonly reasons = CLOSURE_REASONS;
  protected readonly limits = EXTENSION_LIMITS;
  protected readonly noteMaxLength = SUPPORT_LIMITS.noteMaxLength;
  /** Pause, resume and reopen take a reason in words; closing takes its reason from the list. */
  protected readonly withNote = this.action === 'pause' || this.action === 'resume' || this.action === 'reopen';
  protected readonly errorKey = errorKey;
  protected readonly today = today();
  protected readonly earliest = lastChange(this.support);
  protected readonly extendFrom = dayAfter(this.support.windowEnd);

  protected readonly form = new FormGroup({
    on: new FormControl(this.today, { nonNullable: true, validators: [Validators.required, between(() => this.earliest, () => this.today)] }),
    reason: new FormControl<ClosureReason | ''>('', { nonNullable: true, validators: this.action === 'close' ? Validators.required : [] }),
    requestedUntil: new FormControl(this.support.maximumWindowEnd, {
      nonNullable: true,
      validators: this.action === 'extend' ? [Validators.required, between(() => this.extendFrom, () => this.support.maximumWindowEnd)] : [],
    }),
    note: new FormControl('', { nonNullable: true, validators: Validators.maxLength(SUPPORT_LIMITS.noteMaxLength) }),
    justification: new FormControl('', {
      nonNullable: true,
      validators:
        this.action === 'extend'
          ? [Validators.required, Validators.minLength(EXTENSION_LIMITS.justificationMinLength), Validators.maxLength(EXTENSION_LIMITS.justificationMaxLength)]
          : [],
    }),
  });

  /** The values the "what follows" text names, as they are typed. */
  protected readonly values = toSignal(this.form.valueChanges.pipe(startWith(this.form.getRawValue())), { initialValue: this.form.getRawValue() });
  protected readonly followsOn = computed(() => this.values().on || this.today);
  protected readonly followsUntil = computed(() => this.values().requestedUntil || this.support.maximumWindowEnd);

  protected readonly busy = signal(false);
  protected readonly failure = signal<SupportFailureCode | null>(null);

  protected confirm(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    this.dialogRef.disableClose = true;
    this.call().subscribe({
      next: () => this.dialogRef.close('done'),
      error: (error: unknown) => {
        this.busy.set(false);
        this.dialogRef.disableClose = false;
        const body = error instanceof HttpErrorResponse && isApiErrorResponse(error.error) ? error.error : null;
        if (body?.errors && Object.keys(body.errors).length > 0 && showFieldErrors(this.form, body.errors)) return;
        const code = error instanceof HttpErrorResponse && error.status === 0 ? 'network' : (body?.code ?? '');
        this.failure.set((FAILURE_CODES as readonly string[]).includes(code) ? (code as SupportFailureCode) : 'unknown');
      },
    });
  }

  /** What "Abbrechen" closes with: after a failure that means the file is out of date, the caller reloads it. */
  protected readonly cancelResult = computed<SupportDialogResult | undefined>(() => {
    const code = this.failure();
    return code && STALE_FAILURES.includes(code) ? 'stale' : undefined;
  });

  private call(): Observable<unknown> {
    const { clientId } = this.data;
    const value = this.form.getRawValue();
    switch (this.action) {
      case 'close':
        return this.api.close(clientId, { reason: value.reason as ClosureReason, on: value.on });
      case 'extend':
        return this.api.requestExtension(clientId, { requestedUntil: value.requestedUntil, justification: value.justification.trim() });
      default:
        return this.api.transition(clientId, this.action, { on: value.on, ...(value.note.trim() ? { note: value.note.trim() } : {}) });
    }
  }
}
