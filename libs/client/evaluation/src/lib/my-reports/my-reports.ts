import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { EvaluationApi } from '@wegweiser/client/data-access';
import { activeLocale } from '@wegweiser/client/ui';
import { EvaluationReportJobResponse } from '@wegweiser/shared/contracts';
import { Subject, catchError, map, of, startWith, switchMap } from 'rxjs';
import { ReportDownloads } from '../report-downloads/report-downloads';

type ListState = { status: 'loading' } | { status: 'loaded'; items: EvaluationReportJobResponse[] } | { status: 'failed' };

/**
 * "Meine Berichte": the user's own reports (newest first) with template,
 * period, creation, state, when the files are deleted, and their downloads.
 */
@Component({
  selector: 'ww-my-reports',
  imports: [DatePipe, MatButton, MatProgressBar, TranslocoDirective, ReportDownloads],
  templateUrl: './my-reports.html',
  styleUrl: './my-reports.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyReports {
  private readonly api = inject(EvaluationApi);
  private readonly transloco = inject(TranslocoService);
  private readonly reloads = new Subject<void>();

  protected readonly locale = activeLocale(this.transloco);
  protected readonly state = signal<ListState>({ status: 'loading' });
  /** True while a reload runs behind a list that stays shown. */
  protected readonly refreshing = signal(false);

  constructor() {
    this.reloads
      .pipe(
        startWith(undefined),
        switchMap(() => {
          this.refreshing.set(this.state().status === 'loaded');
          return this.api.reports().pipe(
            map((list): ListState => ({ status: 'loaded', items: list.items })),
            catchError(() => of<ListState>({ status: 'failed' })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        this.refreshing.set(false);
        this.state.set(state);
      });
  }

  /** Asks for the list again (after a report was started or settled). */
  reload(): void {
    this.reloads.next();
  }

  /** The report a row's download buttons belong to, for their accessible names. */
  protected describe(job: EvaluationReportJobResponse): string {
    const day = (value: string) => new DatePipe(this.locale()).transform(value, 'mediumDate') ?? value;
    return this.transloco.translate('evaluation.reports.describe', {
      template: this.transloco.translate(`evaluation.templates.${job.template}`),
      from: day(job.from),
      to: day(job.to),
      created: new DatePipe(this.locale()).transform(job.createdAt, 'short') ?? job.createdAt,
    });
  }
}
