import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { activeLocale } from '@wegweiser/client/ui';
import { EvaluationReportResponse } from '@wegweiser/shared/contracts';

/**
 * The preview of a report as it would leave the system: each section with its
 * tables as real HTML tables (caption, header cells with scope, totals bold,
 * suppressed figures as "·" with the footnotes under the table). Wide tables
 * scroll sideways in a focusable region. First, when the report has them, the
 * key figures ("Kennzahlen auf einen Blick") beside the previous year's.
 */
@Component({
  selector: 'ww-report-preview',
  imports: [DatePipe, TranslocoDirective],
  templateUrl: './report-preview.html',
  styleUrl: './report-preview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportPreview {
  readonly report = input.required<EvaluationReportResponse>();

  protected readonly locale = activeLocale(inject(TranslocoService));

  /** Cohorts as a label: `2025-Q1`, or `2024-Q1–2024-Q4`. */
  protected cohorts(first: string, last: string): string {
    return first === last ? first : `${first}–${last}`;
  }
}
