import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { RetentionApi, retentionErrorCode } from '@wegweiser/client/data-access';
import { ERASURE_REASONS, ErasureReason } from '@wegweiser/shared/contracts';
import { finalize } from 'rxjs';
import { retentionErrorKey } from './retention-errors';

export interface ErasureRequestDialogData {
  clientId: string;
}

/**
 * "Löschung beantragen (Art. 17)": one of the API's fixed reason codes, no
 * free text. Closes with `true` once requested; failures (a legal hold, a
 * request already pending) are shown in the dialog.
 */
@Component({
  selector: 'ww-erasure-request-dialog',
  imports: [MatButton, MatDialogModule, MatError, MatFormField, MatLabel, MatOption, MatSelect, ReactiveFormsModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'clientFile.retention'">
      <h2 mat-dialog-title>{{ t('erasureDialog.title') }}</h2>
      <form novalidate [attr.aria-busy]="busy()" (submit)="$event.preventDefault(); submit()">
        <mat-dialog-content>
          <p>{{ t('erasureDialog.hint') }}</p>
          <mat-form-field class="erasure__reason">
            <mat-label>{{ t('erasureDialog.reason') }}</mat-label>
            <mat-select required [formControl]="reason">
              @for (code of reasons; track code) {
                <mat-option [value]="code">{{ t('reasons.' + code) }}</mat-option>
              }
            </mat-select>
            @if (reason.hasError('required')) {
              <mat-error>{{ t('erasureDialog.reasonRequired') }}</mat-error>
            }
          </mat-form-field>
          <div role="alert" class="erasure__error">
            @if (error()) {
              <p>{{ t(error()!) }}</p>
            }
          </div>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()">{{ t('erasureDialog.submit') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .erasure__reason {
      width: 100%;
    }
    .erasure__error {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErasureRequestDialog {
  private readonly data = inject<ErasureRequestDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ErasureRequestDialog, boolean>>(MatDialogRef);
  private readonly api = inject(RetentionApi);

  protected readonly reasons = ERASURE_REASONS;
  protected readonly reason = new FormControl<ErasureReason | null>(null, { validators: [Validators.required] });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    const reason = this.reason.value;
    if (this.busy()) return;
    if (!reason) {
      this.reason.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.dialogRef.disableClose = true;
    this.api
      .requestErasure(this.data.clientId, reason)
      .pipe(
        finalize(() => {
          this.busy.set(false);
          this.dialogRef.disableClose = false;
        }),
      )
      .subscribe({
        next: () => this.dialogRef.close(true),
        error: (error: unknown) => this.error.set(retentionErrorKey(retentionErrorCode(error))),
      });
  }
}
