import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { DataProtectionApi } from '@wegweiser/client/data-access';
import { activeLocale } from '@wegweiser/client/ui';
import { CASE_NUMBER_PATTERN, ClientAccessReportResponse } from '@wegweiser/shared/contracts';
import { formatBerlinTime } from '../shared/berlin-time';
import { entityTypeKey } from '../shared/labels';
import { TABLE_STYLES } from '../shared/tables';

type Report = { status: 'idle' } | { status: 'loading' } | { status: 'loaded'; report: ClientAccessReportResponse } | { status: 'failed'; key: string };

/**
 * Zugriffe auf eine Akte ("wer hat wann diese Akte gelesen"): by case number,
 * every read and export of the client's file and every refused attempt, with
 * the person's name and team. A case number handed over in the router state
 * (from the Protokoll table) is shown at once.
 */
@Component({
  selector: 'ww-access-report-page',
  imports: [ReactiveFormsModule, MatButton, MatFormFieldModule, MatInput, MatProgressBar, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'dataProtection'">
      <h2>{{ t('access.title') }}</h2>
      <p>{{ t('access.intro') }}</p>
      <form class="search" [formGroup]="form" role="search" [attr.aria-label]="t('access.search')" (ngSubmit)="show()">
        <mat-form-field appearance="outline">
          <mat-label>{{ t('access.caseNumber') }}</mat-label>
          <input matInput formControlName="caseNumber" autocomplete="off" spellcheck="false" required />
          <mat-hint>{{ t('access.caseNumberHint') }}</mat-hint>
          <mat-error>{{ t('access.caseNumberInvalid') }}</mat-error>
        </mat-form-field>
        <button mat-flat-button type="submit">{{ t('access.show') }}</button>
      </form>

      @let r = result();
      <div role="alert" class="error">
        @if (r.status === 'failed') {
          <p>{{ t(r.key) }}</p>
        }
      </div>
      @if (r.status === 'loading') {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('loading')" />
      }
      @if (r.status === 'loaded') {
        <h3>{{ t('access.resultTitle', { caseNumber: r.report.caseNumber }) }}</h3>
        <p role="status">{{ t('access.count', { count: r.report.items.length }) }}{{ r.report.truncated ? ' · ' + t('access.truncated') : '' }}</p>
        @if (r.report.items.length) {
          <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('access.table', { caseNumber: r.report.caseNumber })">
            <table>
              <caption>{{ t('access.table', { caseNumber: r.report.caseNumber }) }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ t('columns.time') }}</th>
                  <th scope="col">{{ t('columns.person') }}</th>
                  <th scope="col">{{ t('columns.team') }}</th>
                  <th scope="col">{{ t('columns.role') }}</th>
                  <th scope="col">{{ t('columns.action') }}</th>
                  <th scope="col">{{ t('columns.outcome') }}</th>
                  <th scope="col">{{ t('columns.what') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (entry of r.report.items; track entry.id) {
                  <tr>
                    <td>{{ time(entry.occurredAt) }}</td>
                    <td><bdi>{{ entry.personName ?? t('nobody') }}</bdi></td>
                    <td><bdi>{{ entry.teamName ?? '' }}</bdi></td>
                    <td>{{ entry.role ? t('roles.' + entry.role) : '' }}</td>
                    <td>{{ t('actions.' + entry.action) }}</td>
                    <td [class.denied]="entry.outcome !== 'success'">{{ t('outcomes.' + entry.outcome) }}</td>
                    <td>{{ t(entityTypeKey(entry.entityType), { type: entry.entityType }) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
    </ng-container>
  `,
  styles: `
    ${TABLE_STYLES}
    .search { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-start; }
    .search mat-form-field { flex: 0 1 18rem; }
    .search button { margin-block-start: 0.5rem; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessReportPage implements OnInit {
  private readonly api = inject(DataProtectionApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly locale = activeLocale(inject(TranslocoService));
  protected readonly entityTypeKey = entityTypeKey;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    caseNumber: ['', [Validators.required, Validators.pattern(CASE_NUMBER_PATTERN)]],
  });
  protected readonly result = signal<Report>({ status: 'idle' });

  ngOnInit(): void {
    const handedOver = (history.state as { caseNumber?: unknown } | null)?.caseNumber;
    if (typeof handedOver === 'string' && CASE_NUMBER_PATTERN.test(handedOver)) {
      this.form.setValue({ caseNumber: handedOver });
      this.show();
    }
  }

  protected time(iso: string): string {
    return formatBerlinTime(iso, this.locale());
  }

  protected show(): void {
    const control = this.form.controls.caseNumber;
    control.setValue(control.value.trim().toUpperCase());
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.result.set({ status: 'loading' });
    this.api
      .accessReport(control.value)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (report) => this.result.set({ status: 'loaded', report }),
        error: (error: { status?: number }) => this.result.set({ status: 'failed', key: error.status === 404 ? 'access.unknown' : 'loadFailed' }),
      });
  }
}
