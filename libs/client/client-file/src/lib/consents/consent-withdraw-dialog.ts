import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { ConsentsApi, isApiErrorResponse } from '@wegweiser/client/data-access';
import { ConsentResponse } from '@wegweiser/shared/contracts';
import { errorKey } from '../plan/plan-forms';
import { today } from '../plan/referrals/referral-rules';
import { notInFuture } from './consent-rules';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

export interface ConsentWithdrawData {
  clientId: string;
  consent: ConsentResponse;
  /** The recipient in words (partner name or the evaluation). */
  recipient: string;
}

const FAILURE_CODES = ['staleVersion', 'consentWithdrawn', 'notOwnCaseload', 'notFound', 'network'] as const;
/** Failures that mean the list on screen is out of date: "Abbrechen" then closes with `stale` and the list reloads. */
const STALE_FAILURES: readonly string[] = ['staleVersion', 'consentWithdrawn'];

/** The withdrawn consent, or `stale` when the list on screen turned out to be out of date. */
export type ConsentWithdrawResult = ConsentResponse | 'stale';

/**
 * "Einwilligung widerrufen": the day of the withdrawal (today by default, not
 * before the consent was given) and what follows; closes with the updated
 * consent. A failure stays in the dialog.
 */
@Component({
  selector: 'ww-consent-withdraw-dialog',
  imports: [MatButton, MatDialogModule, MatFormFieldModule, MatInput, ReactiveFormsModule, TranslocoDirective, IsolatePipe, UserText],
  template: `
    <ng-container *transloco="let t; prefix: 'clientFile.consents.withdraw'">
      <h2 mat-dialog-title>{{ t('title') }}</h2>
      <form novalidate [attr.aria-busy]="busy()" (submit)="$event.preventDefault(); confirm()">
        <mat-dialog-content>
          <p dir="auto">
            {{
              t('what', {
                purpose: data.consent.purpose,
                recipient: data.recipient,
              })
            }}
          </p>
          <mat-form-field class="withdraw__date">
            <mat-label>{{ t('on') }}</mat-label>
            <input matInput type="date" required [formControl]="on" [min]="data.consent.givenOn" [max]="today" />
            <mat-error>{{ t('errors.' + errorKey(on)) }}</mat-error>
          </mat-form-field>
          <p class="withdraw__follows">
            <ww-user-text [text]="t('follows', { recipient: (data.recipient | isolate) })" />
          </p>
          <div role="alert" class="withdraw__error">
            @if (failure(); as code) {
              <p>{{ t('failure.' + code) }}</p>
            }
          </div>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" [mat-dialog-close]="cancelResult()">
            {{ t('cancel') }}
          </button>
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ t('confirm') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .withdraw__date {
      width: 100%;
    }
    .withdraw__error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsentWithdrawDialog {
  protected readonly data = inject<ConsentWithdrawData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ConsentWithdrawDialog, ConsentWithdrawResult>>(MatDialogRef);
  private readonly api = inject(ConsentsApi);

  protected readonly today = today();
  protected readonly errorKey = errorKey;
  protected readonly on = new FormControl(this.today, {
    nonNullable: true,
    validators: [
      Validators.required,
      notInFuture(today),
      (control) => (control.value && control.value < this.data.consent.givenOn ? { beforeGivenOn: true } : null),
    ],
  });
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly cancelResult = computed<ConsentWithdrawResult | undefined>(() => {
    const code = this.failure();
    return code && STALE_FAILURES.includes(code) ? 'stale' : undefined;
  });

  protected confirm(): void {
    if (this.busy()) return;
    if (this.on.invalid) {
      this.on.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    const { clientId, consent } = this.data;
    this.api
      .withdraw(clientId, consent.id, {
        version: consent.version,
        withdrawnOn: this.on.value,
      })
      .subscribe({
        next: (withdrawn) => this.dialogRef.close(withdrawn),
        error: (error: unknown) => {
          this.busy.set(false);
          const code =
            error instanceof HttpErrorResponse && error.status === 0
              ? 'network'
              : error instanceof HttpErrorResponse && isApiErrorResponse(error.error)
                ? error.error.code
                : '';
          this.failure.set((FAILURE_CODES as readonly string[]).includes(code) ? code : 'unknown');
        },
      });
  }
}
