import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoDirective } from '@jsverse/transloco';
import { ClientDocumentsApi, saveDownload } from '@wegweiser/client/data-access';
import { PLAN_DOCUMENT_LANGUAGES, PlanDocumentLanguage } from '@wegweiser/shared/contracts';
import { finalize } from 'rxjs';
import { preselectedPrintLanguage } from './print-language';

export interface PlanPrintDialogData {
  clientId: string;
  languagesSpoken: readonly string[];
  countryOfOrigin: string | null;
}

/**
 * "Integrationsplan drucken": the language of the plan's second column (German
 * is the first), preselected from the client's languages; downloads the PDF
 * and closes, or says why it failed and stays open.
 */
@Component({
  selector: 'ww-plan-print-dialog',
  imports: [MatButton, MatDialogModule, MatProgressBar, MatProgressSpinner, MatRadioModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'clientFile.documents'">
      <h2 mat-dialog-title id="plan-print-title">{{ t('planDialog.title') }}</h2>
      <form novalidate [attr.aria-busy]="busy()" (submit)="$event.preventDefault(); download()">
        <mat-dialog-content>
          <p id="plan-print-hint">{{ t('planDialog.hint') }}</p>
          <mat-radio-group
            class="print__languages"
            aria-labelledby="plan-print-hint"
            required
            [value]="language()"
            (change)="language.set($event.value); missing.set(false)"
          >
            @for (code of languages; track code) {
              <mat-radio-button [value]="code">{{ t('languages.' + code) }}</mat-radio-button>
            }
          </mat-radio-group>
          <div class="print__progress" role="status">
            @if (busy()) {
              <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('busy')" />
              <p>{{ t('busy') }}</p>
            }
          </div>
          <div role="alert" class="print__error">
            @if (missing()) {
              <p>{{ t('planDialog.chooseLanguage') }}</p>
            }
            @if (failed()) {
              <p>{{ t('failed') }}</p>
            }
          </div>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('planDialog.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()">
            @if (busy()) {
              <mat-progress-spinner mode="indeterminate" diameter="16" [attr.aria-label]="t('busy')" />
            }
            {{ t('planDialog.download') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .print__languages {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
    .print__progress p {
      margin: 0.25rem 0 0;
    }
    .print__error {
      color: var(--mat-sys-error, #b3261e);
    }
    mat-progress-spinner {
      display: inline-block;
      margin-inline-end: 0.5rem;
      vertical-align: middle;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanPrintDialog {
  private readonly data = inject<PlanPrintDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<PlanPrintDialog, boolean>>(MatDialogRef);
  private readonly api = inject(ClientDocumentsApi);

  protected readonly languages = PLAN_DOCUMENT_LANGUAGES;
  protected readonly language = signal<PlanDocumentLanguage | null>(preselectedPrintLanguage(this.data.languagesSpoken, this.data.countryOfOrigin));
  protected readonly busy = signal(false);
  protected readonly missing = signal(false);
  protected readonly failed = signal(false);

  protected download(): void {
    const language = this.language();
    if (this.busy()) return;
    if (!language) {
      this.missing.set(true);
      return;
    }
    this.busy.set(true);
    this.failed.set(false);
    this.dialogRef.disableClose = true;
    this.api
      .plan(this.data.clientId, language)
      .pipe(
        finalize(() => {
          this.busy.set(false);
          this.dialogRef.disableClose = false;
        }),
      )
      .subscribe({
        next: (response) => {
          saveDownload(response, 'integrationsplan.pdf');
          this.dialogRef.close(true);
        },
        error: () => this.failed.set(true),
      });
  }
}
