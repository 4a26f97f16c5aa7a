import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { TranslocoDirective } from '@jsverse/transloco';
import { saveDownload } from '@wegweiser/client/data-access';
import { FundingReportColumn, FundingReportQuery, FundingReportResponse, fundingReportFileName } from '@wegweiser/shared/contracts';
import { finalize } from 'rxjs';
import { FundingReportApi } from '../funding-report-api';
import { periodError, PeriodKind, previousQuarter, quarterPeriod, QUARTERS, yearPeriod } from '../period';
import { percent, qualityRows, reportSections, ScreenRow } from '../report-sections';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * `/verwendungsnachweis`: the funder's figures per integration manager for a period (a quarter, a year or free
 * dates), shown as tables and downloadable as XLSX and PDF. Staff data: administrators only, every run audited.
 */
@Component({
  selector: 'ww-funding-report-page',
  imports: [DecimalPipe, MatButton, MatFormField, MatInput, MatLabel, MatProgressBar, ReactiveFormsModule, TranslocoDirective],
  templateUrl: './funding-report-page.html',
  styleUrl: './funding-report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FundingReportPage {
  private readonly api = inject(FundingReportApi);
  private readonly start = previousQuarter();

  protected readonly quarters = QUARTERS;
  protected readonly form = new FormGroup({
    kind: new FormControl<PeriodKind>('quarter', { nonNullable: true }),
    year: new FormControl(this.start.year, { nonNullable: true, validators: [Validators.required] }),
    quarter: new FormControl(this.start.quarter, { nonNullable: true }),
    from: new FormControl(quarterPeriod(this.start.year, this.start.quarter).from, { nonNullable: true }),
    to: new FormControl(quarterPeriod(this.start.year, this.start.quarter).to, { nonNullable: true }),
  });
  protected readonly kind = signal<PeriodKind>('quarter');

  protected readonly report = signal<FundingReportResponse | null>(null);
  protected readonly loading = signal(false);
  /** Translation key of the last failure (`errors.*`), or null. */
  protected readonly error = signal<string | null>(null);
  protected readonly downloading = signal<'xlsx' | 'pdf' | null>(null);
  protected readonly downloadFailed = signal(false);

  protected readonly columns = computed<FundingReportColumn[]>(() => {
    const report = this.report();
    return report ? [...report.managers, report.total] : [];
  });
  protected readonly sections = computed(() => {
    const report = this.report();
    return report ? reportSections(report) : [];
  });
  protected readonly quality = computed(() => {
    const report = this.report();
    return report ? qualityRows(report) : [];
  });
  protected readonly percent = percent;

  constructor() {
    this.form.controls.kind.valueChanges.subscribe((kind) => this.kind.set(kind));
  }

  /** The chosen period (`from`/`to` of a quarter, a year, or the free dates). */
  protected period(): FundingReportQuery {
    const { kind, year, quarter, from, to } = this.form.getRawValue();
    if (kind === 'quarter') return quarterPeriod(Number(year), Number(quarter));
    if (kind === 'year') return yearPeriod(Number(year));
    return { from, to };
  }

  protected show(): void {
    if (this.loading()) return;
    const period = this.period();
    const invalid = periodError(period);
    this.downloadFailed.set(false);
    if (invalid) {
      this.error.set(`errors.${invalid}`);
      return;
    }
    this.error.set(null);
    this.loading.set(true);
    this.api
      .report(period)
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (report) => this.report.set(report),
        error: (failure: { status?: number }) => {
          this.report.set(null);
          this.error.set(failure.status === 403 ? 'errors.forbidden' : failure.status === 400 ? 'errors.invalid' : 'errors.failed');
        },
      });
  }

  protected download(format: 'xlsx' | 'pdf'): void {
    const report = this.report();
    if (!report || this.downloading()) return;
    const period = { from: report.from, to: report.to };
    this.downloading.set(format);
    this.downloadFailed.set(false);
    this.api
      .file(period, format)
      .pipe(finalize(() => this.downloading.set(null)))
      .subscribe({
        next: (response) => saveDownload(response, fundingReportFileName(period.from, period.to, format)),
        error: () => this.downloadFailed.set(true),
      });
  }

  protected columnName(t: Translate, column: FundingReportColumn): string {
    return column.kind === 'total' ? t('total') : column.kind === 'unassigned' ? t('unassigned') : column.name;
  }

  /** A row's label: goal states and the achieved share name their field of action. */
  protected label(t: Translate, row: ScreenRow<unknown>): string {
    const field = row.params?.['field'];
    if (field && row.key.startsWith('states.')) return `${t('fields.' + field)}: ${t(row.key)}`;
    if (field) return t(row.key, { field: t('fields.' + field) });
    return t(row.key, row.params);
  }

  protected germanDate(date: string): string {
    const [y, m, d] = date.split('-');
    return `${d}.${m}.${y}`;
  }
}
