import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';

export type IdleWarningChoice = 'stay' | 'logout';

/** Asks, two minutes before the idle timeout, whether to stay signed in. */
@Component({
  selector: 'ww-idle-warning-dialog',
  imports: [MatButton, MatDialogModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('session.warning.title') }}</h2>
      <mat-dialog-content>
        <p>{{ t('session.warning.text') }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="'logout'">{{ t('session.warning.logout') }}</button>
        <button mat-flat-button type="button" [mat-dialog-close]="'stay'" cdkFocusInitial>
          {{ t('session.warning.stay') }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IdleWarningDialog {}
