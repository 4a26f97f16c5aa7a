import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

export type ConfirmedAction = 'deactivate' | 'reactivate' | 'resetPassword' | 'unlock' | 'resetSecondFactor';

export interface ConfirmActionDialogData {
  action: ConfirmedAction;
  name: string;
  /** For `resetSecondFactor`: whether the person's role requires a second factor (then it is set up again at the next sign-in). */
  secondFactorRequired?: boolean;
}

/** Asks before an action on an account and says what it does; closes with `true` to go ahead. */
@Component({
  selector: 'ww-confirm-action-dialog',
  imports: [MatButton, MatDialogModule, TranslocoDirective, IsolatePipe, UserText],
  template: `
    <ng-container *transloco="let t; prefix: 'userAdmin'">
      <h2 mat-dialog-title>{{ t('confirm.' + data.action + '.title') }}</h2>
      <mat-dialog-content>
        <p><ww-user-text [text]="t('confirm.' + data.action + '.text', { name: (data.name | isolate) })" /></p>
        @if (data.action === 'resetSecondFactor') {
          <p>
            <strong><ww-user-text [text]="data.secondFactorRequired ? t('confirm.resetSecondFactor.required', { name: (data.name | isolate) }) : t('confirm.resetSecondFactor.optional')" /></strong>
          </p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false">{{ t('confirm.cancel') }}</button>
        <button mat-flat-button type="button" [mat-dialog-close]="true">{{ t('confirm.' + data.action + '.confirm') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmActionDialog {
  protected readonly data = inject<ConfirmActionDialogData>(MAT_DIALOG_DATA);
}
