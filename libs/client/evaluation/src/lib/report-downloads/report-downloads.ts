import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { TranslocoDirective } from '@jsverse/transloco';
import { EvaluationApi, saveDownload } from '@wegweiser/client/data-access';
import { EvaluationReportFormat, EvaluationReportJobResponse } from '@wegweiser/shared/contracts';
import { finalize } from 'rxjs';
import { fallbackFileName } from '../report-request';

/**
 * The download buttons of a finished report (its `formats`): each file is
 * fetched with the session cookie and handed to the browser; the button is
 * busy meanwhile, and a failure is said next to the buttons.
 */
@Component({
  selector: 'ww-report-downloads',
  imports: [MatButton, MatProgressSpinner, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'evaluation.downloads'">
      <div class="downloads">
        @for (format of job().formats; track format) {
          @let label = t(compact() ? format : format + 'Long');
          <button
            mat-stroked-button
            type="button"
            [disabled]="busy() !== null"
            [attr.aria-label]="describedAs() ? label + ' – ' + describedAs() : null"
            (click)="download(format)"
          >
            @if (busy() === format) {
              <mat-progress-spinner mode="indeterminate" diameter="16" [attr.aria-label]="t('busy')" />
            }
            {{ label }}
          </button>
        }
      </div>
      @if (failed()) {
        <p class="downloads__error" role="alert">{{ t('failed') }}</p>
      }
    </ng-container>
  `,
  styles: `
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    mat-progress-spinner {
      display: inline-block;
      margin-inline-end: 0.5rem;
      vertical-align: middle;
    }
    .downloads__error {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportDownloads {
  private readonly api = inject(EvaluationApi);

  readonly job = input.required<EvaluationReportJobResponse>();
  /** Short labels ("PDF") for lists; otherwise "PDF herunterladen". */
  readonly compact = input(false);
  /** Which report the buttons belong to, added to their accessible names (lists of many reports). */
  readonly describedAs = input('');

  protected readonly busy = signal<EvaluationReportFormat | null>(null);
  protected readonly failed = signal(false);

  protected download(format: EvaluationReportFormat): void {
    if (this.busy()) return;
    const job = this.job();
    this.busy.set(format);
    this.failed.set(false);
    this.api
      .file(job.id, format)
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: (response) => saveDownload(response, fallbackFileName(job, format)),
        error: () => this.failed.set(true),
      });
  }
}
