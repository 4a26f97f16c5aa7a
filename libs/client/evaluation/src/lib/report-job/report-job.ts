import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { activeLocale } from '@wegweiser/client/ui';
import { EvaluationReportJobResponse } from '@wegweiser/shared/contracts';
import { ReportDownloads } from '../report-downloads/report-downloads';

/**
 * The report being built: a determinate progress bar while it runs, its state
 * in a live region ("Bericht wird erstellt … 40 %"), then the downloads or
 * why it failed. The page polls; this only shows the latest state.
 */
@Component({
  selector: 'ww-report-job',
  imports: [DatePipe, MatProgressBar, TranslocoDirective, ReportDownloads],
  template: `
    <ng-container *transloco="let t; prefix: 'evaluation'">
      @let j = job();
      <section class="job" aria-labelledby="report-job-title">
        <h2 id="report-job-title">{{ t('job.title') }}</h2>
        <p class="job__what">
          {{ t('templates.' + j.template) }} ·
          {{ t('job.period', { from: (j.from | date: 'mediumDate' : undefined : locale()), to: (j.to | date: 'mediumDate' : undefined : locale()) }) }} ·
          {{ t('job.k', { k: j.k }) }}
        </p>
        @if (running()) {
          <mat-progress-bar mode="determinate" [value]="j.progress" [attr.aria-label]="t('job.progressLabel')" />
        }
        <p class="job__status" [class.job__status--failed]="j.state === 'failed' || lost()" role="status" aria-live="polite">
          {{ lost() ? t('job.lost') : t('job.' + j.state, { percent: j.progress }) }}
        </p>
        @if (j.state === 'done') {
          <ww-report-downloads [job]="j" />
        }
      </section>
    </ng-container>
  `,
  styles: `
    .job {
      margin-block: 1.5rem;
      padding: 1rem;
      border: 1px solid var(--mat-sys-outline-variant, #c4c6d0);
      border-radius: 0.75rem;
    }
    .job h2 {
      margin-block-start: 0;
    }
    .job__status {
      margin-block: 0.75rem;
    }
    .job__status--failed {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportJob {
  readonly job = input.required<EvaluationReportJobResponse>();
  /** The state could not be asked for any more. */
  readonly lost = input(false);

  protected readonly locale = activeLocale(inject(TranslocoService));
  protected readonly running = computed(() => !this.lost() && (this.job().state === 'queued' || this.job().state === 'running'));
}
