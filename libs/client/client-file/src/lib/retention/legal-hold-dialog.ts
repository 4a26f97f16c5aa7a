import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { RetentionApi, retentionErrorCode } from '@wegweiser/client/data-access';
import { Observable, finalize } from 'rxjs';
import { retentionErrorKey } from './retention-errors';

export interface LegalHoldDialogData {
  clientId: string;
}

/** What the dialog did: `set` or `lifted` (undefined when cancelled). */
export type LegalHoldResult = 'set' | 'lifted';

/**
 * "Sperrvermerk": set a legal hold with a reason, or lift it. Closes with the
 * result; a failure is shown in the dialog, which stays open.
 */
@Component({
  selector: 'ww-legal-hold-dialog',
  imports: [MatButton, MatDialogModule, MatError, MatFormField, MatInput, MatLabel, ReactiveFormsModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'clientFile.retention'">
      <h2 mat-dialog-title>{{ t('holdDialog.title') }}</h2>
      <form novalidate [attr.aria-busy]="busy()" (submit)="$event.preventDefault(); set()">
        <mat-dialog-content>
          <p>{{ t('holdDialog.hint') }}</p>
          <mat-form-field class="hold__reason">
            <mat-label>{{ t('holdDialog.reason') }}</mat-label>
            <textarea matInput rows="3" dir="auto" maxlength="500" required [formControl]="reason"></textarea>
            @if (reason.hasError('required') || reason.hasError('blank')) {
              <mat-error>{{ t('holdDialog.reasonRequired') }}</mat-error>
            }
          </mat-form-field>
          <div role="alert" class="hold__error">
            @if (error()) {
              <p>{{ t(error()!) }}</p>
            }
          </div>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('cancel') }}</button>
          <button mat-stroked-button type="button" [disabled]="busy()" (click)="lift()">{{ t('holdDialog.lift') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()">{{ t('holdDialog.set') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .hold__reason {
      width: 100%;
    }
    .hold__error {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LegalHoldDialog {
  private readonly data = inject<LegalHoldDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<LegalHoldDialog, LegalHoldResult>>(MatDialogRef);
  private readonly api = inject(RetentionApi);

  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(500)] });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected set(): void {
    const reason = this.reason.value.trim();
    if (!reason) {
      this.reason.setErrors({ blank: true });
      this.reason.markAsTouched();
      return;
    }
    this.run(this.api.setLegalHold(this.data.clientId, reason), 'set');
  }

  protected lift(): void {
    this.run(this.api.liftLegalHold(this.data.clientId), 'lifted');
  }

  private run(call: Observable<unknown>, result: LegalHoldResult): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.dialogRef.disableClose = true;
    call
      .pipe(
        finalize(() => {
          this.busy.set(false);
          this.dialogRef.disableClose = false;
        }),
      )
      .subscribe({
        next: () => this.dialogRef.close(result),
        error: (error: unknown) => this.error.set(retentionErrorKey(retentionErrorCode(error))),
      });
  }
}
