import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';

export type UnsavedChangesChoice = 'stay' | 'discard';

/** Asks whether to leave a page with unsaved changes; staying has the focus (texts: root `unsavedChanges`). */
@Component({
  selector: 'ww-unsaved-changes-dialog',
  imports: [MatButton, MatDialogModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'unsavedChanges'">
      <h2 mat-dialog-title>{{ t('title') }}</h2>
      <mat-dialog-content>
        <p>{{ t('text') }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="'discard'">{{ t('discard') }}</button>
        <button mat-flat-button type="button" [mat-dialog-close]="'stay'" cdkFocusInitial>{{ t('stay') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnsavedChangesDialog {}
