import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { DataProtectionApi, saveDownload } from '@wegweiser/client/data-access';
import { activeLocale } from '@wegweiser/client/ui';
import { AUDIT_ACTIONS, AuditPersonResponse, AuditSearchRequest, AuditTableRow } from '@wegweiser/shared/contracts';
import { formatBerlinTime, periodBounds } from '../shared/berlin-time';
import { entityTypeKey } from '../shared/labels';
import { TABLE_STYLES } from '../shared/tables';

type LoadState = 'idle' | 'loading' | 'loaded' | 'failed';

/**
 * Protokoll: the municipality's audit trail as a table, filtered by case
 * number, person, action and period (German days, sent with explicit
 * offsets), newest first, paged with "Ältere Einträge laden"; the CSV export
 * holds every page of the filter. Filters stay in the component (no names or
 * case numbers in the URL).
 */
@Component({
  selector: 'ww-audit-log-page',
  imports: [ReactiveFormsModule, MatButton, MatFormFieldModule, MatInput, MatSelectModule, MatProgressBar, TranslocoDirective],
  templateUrl: './audit-log-page.html',
  styles: `
    ${TABLE_STYLES}
    .filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0 1rem; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-block-end: 1rem; }
    .link { background: none; border: 0; padding: 0; color: var(--mat-sys-primary, #005cbb); text-decoration: underline; cursor: pointer; font: inherit; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPage implements OnInit {
  private readonly api = inject(DataProtectionApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly locale = activeLocale(inject(TranslocoService));
  protected readonly actions = AUDIT_ACTIONS;
  protected readonly entityTypeKey = entityTypeKey;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    caseNumber: [''],
    userId: [''],
    action: [''],
    from: [''],
    to: [''],
  });

  protected readonly people = signal<AuditPersonResponse[]>([]);
  protected readonly rows = signal<AuditTableRow[]>([]);
  protected readonly nextBefore = signal<string | null>(null);
  protected readonly state = signal<LoadState>('idle');
  protected readonly exporting = signal(false);
  protected readonly exportFailed = signal<string | null>(null);
  private filter: AuditSearchRequest = {};

  ngOnInit(): void {
    this.api
      .people()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (people) => this.people.set(people), error: () => this.people.set([]) });
    this.search();
  }

  protected time(iso: string): string {
    return formatBerlinTime(iso, this.locale());
  }

  protected search(): void {
    const value = this.form.getRawValue();
    const filter: AuditSearchRequest = { ...periodBounds(value.from, value.to) };
    if (value.caseNumber.trim()) filter.caseNumber = value.caseNumber.trim().toUpperCase();
    if (value.userId) filter.userId = value.userId;
    if (value.action) filter.action = value.action as AuditSearchRequest['action'];
    this.filter = filter;
    this.rows.set([]);
    this.nextBefore.set(null);
    this.load();
  }

  protected reset(): void {
    this.form.reset();
    this.search();
  }

  protected more(): void {
    const before = this.nextBefore();
    if (before) this.load(before);
  }

  private load(before?: string): void {
    this.state.set('loading');
    this.api
      .search(before ? { ...this.filter, before } : this.filter)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.rows.update((rows) => [...rows, ...page.items]);
          this.nextBefore.set(page.nextBefore);
          this.state.set('loaded');
        },
        error: () => this.state.set('failed'),
      });
  }

  protected exportCsv(): void {
    this.exporting.set(true);
    this.exportFailed.set(null);
    this.api
      .exportCsv(this.filter)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (response) => {
          saveDownload(response, 'audit-protokoll.csv');
          this.exporting.set(false);
        },
        error: (error: { status?: number }) => {
          this.exportFailed.set(error.status === 422 ? 'log.exportTooLarge' : 'log.exportFailed');
          this.exporting.set(false);
        },
      });
  }

  /** Opens the access report of a case number (handed over in the router state, not the URL). */
  protected showAccess(caseNumber: string): void {
    void this.router.navigate(['/datenschutz/zugriffe'], { state: { caseNumber } });
  }
}
