import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { DataProtectionApi } from '@wegweiser/client/data-access';
import { activeLocale } from '@wegweiser/client/ui';
import { ErasureRequestOverviewResponse, SubjectAccessExportResponse } from '@wegweiser/shared/contracts';
import { formatBerlinTime } from '../shared/berlin-time';
import { TABLE_STYLES } from '../shared/tables';

type Loaded<T> = { status: 'loading' } | { status: 'loaded'; items: T[] } | { status: 'failed' };

/** Anträge: the municipality's Art. 17 erasure requests and Art. 15 subject-access exports with their state (read-only). */
@Component({
  selector: 'ww-requests-page',
  imports: [TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'dataProtection'">
      <section aria-labelledby="erasure-title">
        <h2 id="erasure-title">{{ t('requests.erasureTitle') }}</h2>
        @let e = erasures();
        @switch (e.status) {
          @case ('loading') {
            <p>{{ t('loading') }}</p>
          }
          @case ('failed') {
            <p role="alert" class="error">{{ t('loadFailed') }}</p>
          }
          @case ('loaded') {
            <p>{{ t('requests.erasureCount', { count: e.items.length }) }}</p>
            @if (e.items.length) {
              <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('requests.erasureTitle')">
                <table>
                  <caption>{{ t('requests.erasureTitle') }}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ t('columns.caseNumber') }}</th>
                      <th scope="col">{{ t('requests.reason') }}</th>
                      <th scope="col">{{ t('requests.state') }}</th>
                      <th scope="col">{{ t('requests.requested') }}</th>
                      <th scope="col">{{ t('requests.confirmed') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (r of e.items; track r.id) {
                      <tr>
                        <td>{{ r.caseNumber ?? t('requests.erased') }}</td>
                        <td>{{ t('requests.reasons.' + r.reason) }}</td>
                        <td>{{ t('requests.states.' + r.state) }}</td>
                        <td>{{ time(r.requestedAt) }} · <bdi>{{ r.requestedBy ?? t('nobody') }}</bdi></td>
                        <td>
                          @if (r.confirmedAt) {
                            {{ time(r.confirmedAt) }} · <bdi>{{ r.confirmedBy ?? t('nobody') }}</bdi>
                          } @else {
                            –
                          }
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            }
          }
        }
      </section>
      <section aria-labelledby="subject-access-title">
        <h2 id="subject-access-title">{{ t('requests.accessTitle') }}</h2>
        @let s = exports();
        @switch (s.status) {
          @case ('loading') {
            <p>{{ t('loading') }}</p>
          }
          @case ('failed') {
            <p role="alert" class="error">{{ t('loadFailed') }}</p>
          }
          @case ('loaded') {
            <p>{{ t('requests.accessCount', { count: s.items.length }) }}</p>
            @if (s.items.length) {
              <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('requests.accessTitle')">
                <table>
                  <caption>{{ t('requests.accessTitle') }}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ t('columns.time') }}</th>
                      <th scope="col">{{ t('columns.caseNumber') }}</th>
                      <th scope="col">{{ t('columns.person') }}</th>
                      <th scope="col">{{ t('columns.outcome') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (x of s.items; track x.id) {
                      <tr>
                        <td>{{ time(x.occurredAt) }}</td>
                        <td>{{ x.caseNumber ?? t('requests.erased') }}</td>
                        <td><bdi>{{ x.personName ?? t('nobody') }}</bdi></td>
                        <td [class.denied]="x.outcome !== 'success'">{{ t('outcomes.' + x.outcome) }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            }
          }
        }
      </section>
    </ng-container>
  `,
  styles: TABLE_STYLES,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequestsPage implements OnInit {
  private readonly api = inject(DataProtectionApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly locale = activeLocale(inject(TranslocoService));
  protected readonly erasures = signal<Loaded<ErasureRequestOverviewResponse>>({ status: 'loading' });
  protected readonly exports = signal<Loaded<SubjectAccessExportResponse>>({ status: 'loading' });

  ngOnInit(): void {
    this.api
      .erasureRequests()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (items) => this.erasures.set({ status: 'loaded', items }), error: () => this.erasures.set({ status: 'failed' }) });
    this.api
      .subjectAccessExports()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (items) => this.exports.set({ status: 'loaded', items }), error: () => this.exports.set({ status: 'failed' }) });
  }

  protected time(iso: string): string {
    return formatBerlinTime(iso, this.locale());
  }
}
