import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

export interface OneTimePasswordDialogData {
  /** `created`: a new account; `reset`: a password reset. */
  kind: 'created' | 'reset';
  name: string;
  oneTimePassword: string;
}

/**
 * Shows a one-time password exactly once (the API never returns it again),
 * with a copy button and the note that it must be changed at the first
 * sign-in. Closes only through its button, so a stray click outside does
 * not lose the password.
 */
@Component({
  selector: 'ww-one-time-password-dialog',
  imports: [MatButton, MatDialogModule, TranslocoDirective, IsolatePipe, UserText],
  template: `
    <ng-container *transloco="let t; prefix: 'userAdmin'">
      <h2 mat-dialog-title>{{ t('password.title') }}</h2>
      <mat-dialog-content>
        <p><ww-user-text [text]="t('password.' + data.kind, { name: (data.name | isolate) })" /></p>
        <p class="password__value">
          <span class="password__label">{{ t('password.label') }}:</span>
          <code translate="no">{{ data.oneTimePassword }}</code>
        </p>
        <button mat-stroked-button type="button" (click)="copy()">{{ t('password.copy') }}</button>
        <p role="status" class="password__copied">
          @if (copied() !== null) {
            {{ copied() ? t('password.copied') : t('password.copyFailed') }}
          }
        </p>
        <p>{{ t('password.mustChange') }}</p>
        <p><strong>{{ t('password.once') }}</strong></p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" mat-dialog-close>{{ t('password.close') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .password__value {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: baseline;
    }
    .password__value code {
      font-size: 1.25rem;
      letter-spacing: 0.05em;
      overflow-wrap: anywhere;
      user-select: all;
    }
    .password__copied {
      min-height: 1.5em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OneTimePasswordDialog {
  protected readonly data = inject<OneTimePasswordDialogData>(MAT_DIALOG_DATA);
  private readonly clipboard = inject(Clipboard);
  protected readonly copied = signal<boolean | null>(null);

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.data.oneTimePassword));
  }
}
