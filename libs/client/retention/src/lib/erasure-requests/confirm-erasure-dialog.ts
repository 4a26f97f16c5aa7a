import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { ErasureReason } from '@wegweiser/shared/contracts';

export interface ConfirmErasureDialogData {
  caseNumber: string;
  reason: ErasureReason;
}

/** Asks once more before an erasure that cannot be undone; closes with `true` to erase. */
@Component({
  selector: 'ww-confirm-erasure-dialog',
  imports: [MatButton, MatDialogModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'retention'">
      <h2 mat-dialog-title>{{ t('confirmDialog.title') }}</h2>
      <mat-dialog-content>
        <p>{{ t('confirmDialog.text', { caseNumber: data.caseNumber }) }}</p>
        <p>{{ t('confirmDialog.reason', { reason: t('reasons.' + data.reason) }) }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false">{{ t('confirmDialog.cancel') }}</button>
        <button mat-flat-button type="button" class="confirm__erase" [mat-dialog-close]="true">{{ t('confirmDialog.confirm') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmErasureDialog {
  protected readonly data = inject<ConfirmErasureDialogData>(MAT_DIALOG_DATA);
}
