import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { CurrentUser, EvaluationApi } from '@wegweiser/client/data-access';
import { EVALUATION_PERIOD_KINDS, EVALUATION_TEMPLATES, EvaluationReportJobResponse, EvaluationReportRequest, EvaluationReportResponse } from '@wegweiser/shared/contracts';
import { EMPTY, Subject, catchError, finalize, map, of, switchMap, tap } from 'rxjs';
import { MyReports } from '../my-reports/my-reports';
import { ReportJob } from '../report-job/report-job';
import { pollReport } from '../report-job/report-polling';
import { ReportPreview } from '../report-preview/report-preview';
import { PolicyCard } from '../policy-card/policy-card';
import { QUARTERS, ReportProblem, errorKey, isSettled, reportForm, reportProblem, toRequest, yearOptions } from '../report-request';

type PreviewState = { status: 'idle' } | { status: 'loading' } | { status: 'loaded'; report: EvaluationReportResponse };

/**
 * "Auswertung": choose a template and a period on the grid (a quarter or a
 * calendar year); look at the anonymised tables (preview) and build the report
 * files in the background ("PDF erstellen", with progress); below, the user's
 * own reports. k is the municipality's policy: stated here, changed by the
 * administrator in the card "Geheimhaltung".
 */
@Component({
  selector: 'ww-evaluation-page',
  imports: [ReactiveFormsModule, MatButton, MatFormFieldModule, MatProgressBar, MatSelectModule, TranslocoDirective, MyReports, PolicyCard, ReportJob, ReportPreview],
  templateUrl: './evaluation-page.html',
  styleUrl: './evaluation-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvaluationPage {
  private readonly api = inject(EvaluationApi);
  private readonly user = inject(CurrentUser);
  private readonly previews = new Subject<EvaluationReportRequest>();
  private readonly jobs = new Subject<EvaluationReportJobResponse>();
  private readonly myReports = viewChild(MyReports);

  protected readonly templates = EVALUATION_TEMPLATES;
  protected readonly kinds = EVALUATION_PERIOD_KINDS;
  protected readonly quarters = QUARTERS;
  protected readonly years = yearOptions(new Date());
  protected readonly form = reportForm(new Date());
  protected readonly controls = this.form.controls;
  protected readonly kind = toSignal(this.controls.kind.valueChanges, { initialValue: this.controls.kind.value });
  protected readonly errorKey = errorKey;
  protected readonly canExport = computed(() => this.user.can('evaluation:export'));
  protected readonly canConfigure = computed(() => this.user.can('evaluation:configure'));
  /** The municipality's k (null until loaded, or when it could not be read). */
  protected readonly k = signal<number | null>(null);
  protected readonly kLost = signal(false);

  protected readonly preview = signal<PreviewState>({ status: 'idle' });
  protected readonly problem = signal<ReportProblem | null>(null);
  protected readonly starting = signal(false);
  protected readonly job = signal<EvaluationReportJobResponse | null>(null);
  protected readonly jobLost = signal(false);

  constructor() {
    this.api
      .policy()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (policy) => this.k.set(policy.k), error: () => this.kLost.set(true) });

    this.previews
      .pipe(
        tap(() => this.preview.set({ status: 'loading' })),
        switchMap((request) =>
          this.api.preview(request).pipe(
            map((report) => ({ report })),
            catchError((error: unknown) => of({ problem: reportProblem(error, this.form, this.k()) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        if ('report' in result) {
          this.preview.set({ status: 'loaded', report: result.report });
        } else {
          this.preview.set({ status: 'idle' });
          this.problem.set(result.problem);
        }
      });

    // The latest report only; a new one (or leaving the page) stops polling the previous.
    this.jobs
      .pipe(
        tap(() => this.jobLost.set(false)),
        switchMap((started) =>
          pollReport(started, (id) => this.api.report(id)).pipe(
            catchError(() => {
              this.jobLost.set(true);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((job) => {
        this.job.set(job);
        if (isSettled(job)) this.myReports()?.reload();
      });
  }

  /** The administrator saved a new k: the page states it, and the next preview uses it. */
  protected policyChanged(k: number): void {
    this.k.set(k);
    this.kLost.set(false);
  }

  protected showPreview(): void {
    const request = this.validRequest();
    if (request) this.previews.next(request);
  }

  protected createReport(): void {
    if (this.starting()) return;
    const request = this.validRequest();
    if (!request) return;
    this.starting.set(true);
    this.api
      .createReport(request)
      .pipe(finalize(() => this.starting.set(false)))
      .subscribe({
        next: (job) => {
          this.jobs.next(job);
          this.myReports()?.reload();
        },
        error: (error: unknown) => this.problem.set(reportProblem(error, this.form, this.k())),
      });
  }

  /** The request of a valid form; otherwise the errors are shown and nothing is sent. */
  private validRequest(): EvaluationReportRequest | null {
    this.problem.set(null);
    // Errors the API reported last time are gone once the user asks again.
    for (const control of Object.values(this.controls)) {
      if (control.hasError('server')) control.updateValueAndValidity({ emitEvent: false });
    }
    this.form.updateValueAndValidity({ emitEvent: false });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.problem.set({ kind: 'invalid' });
      return null;
    }
    return toRequest(this.form);
  }
}
