import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogConfig, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { Observable } from 'rxjs';

/** One field that differs: its label and both values, already translated and formatted for display. */
export interface ConflictField {
  label: string;
  mine: string;
  theirs: string;
}

/** Keep the user's input (save it over the other one) or take what was saved meanwhile. */
export type ConflictChoice = 'keepMine' | 'takeTheirs';

/**
 * Asks what to do when someone else saved the same record meanwhile (409
 * `staleVersion`): shows per field "Ihre Eingabe" and "Jetzt gespeichert".
 * Closing it (Escape, backdrop) chooses neither: the caller keeps the form
 * open with the user's typing. Texts: root translations `conflict.*`.
 */
@Component({
  selector: 'ww-conflict-dialog',
  imports: [MatButton, MatDialogModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'conflict'">
      <h2 mat-dialog-title>{{ t('title') }}</h2>
      <mat-dialog-content>
        <p>{{ t('text') }}</p>
        @for (field of fields; track $index) {
          <section class="field" [attr.aria-label]="field.label">
            <h3 class="label">{{ field.label }}</h3>
            <dl>
              <dt>{{ t('mine') }}</dt>
              <dd dir="auto">{{ field.mine || t('empty') }}</dd>
              <dt>{{ t('theirs') }}</dt>
              <dd dir="auto">{{ field.theirs || t('empty') }}</dd>
            </dl>
          </section>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="'takeTheirs'">{{ t('takeTheirs') }}</button>
        <button mat-flat-button type="button" [mat-dialog-close]="'keepMine'">{{ t('keepMine') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .field {
      border-top: 1px solid var(--mat-sys-outline-variant);
      padding-top: 0.5rem;
      margin-top: 0.5rem;
    }
    .label {
      font: var(--mat-sys-title-small);
      margin: 0 0 0.25rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConflictDialog {
  protected readonly fields = inject<ConflictField[]>(MAT_DIALOG_DATA);
}

/** Opens the conflict dialog; emits the choice, or `undefined` when it was closed without one. */
export function openConflictDialog(dialog: MatDialog, fields: ConflictField[]): Observable<ConflictChoice | undefined> {
  const config: MatDialogConfig<ConflictField[]> = { data: fields, width: '36rem', maxWidth: '95vw', autoFocus: 'dialog' };
  const ref: MatDialogRef<ConflictDialog, ConflictChoice> = dialog.open<ConflictDialog, ConflictField[], ConflictChoice>(ConflictDialog, config);
  return ref.afterClosed();
}
