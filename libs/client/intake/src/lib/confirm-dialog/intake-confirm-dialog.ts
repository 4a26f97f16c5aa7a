import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

export interface IntakeConfirmData {
  /** Possible matches in the own team. */
  own: number;
  /** Names of other teams with a possible match. */
  teams: string[];
}

/** "Create anyway?" when the duplicate check found possible matches; going back to the form has the focus. Closes with `true` to create. */
@Component({
  selector: 'ww-intake-confirm-dialog',
  imports: [MatButton, MatDialogModule, TranslocoDirective, IsolatePipe, UserText],
  template: `
    <ng-container *transloco="let t; prefix: 'intake.confirm'">
      <h2 mat-dialog-title>{{ t('title') }}</h2>
      <mat-dialog-content>
        @if (data.own) {
          <p>{{ t('own', { count: data.own }) }}</p>
        }
        @for (team of data.teams; track team) {
          <p><ww-user-text [text]="t('otherTeam', { team: (team | isolate) })" /></p>
        }
        <p>{{ t('question') }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>{{ t('back') }}</button>
        <button mat-flat-button type="button" [mat-dialog-close]="true">{{ t('create') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IntakeConfirmDialog {
  protected readonly data = inject<IntakeConfirmData>(MAT_DIALOG_DATA);
}
