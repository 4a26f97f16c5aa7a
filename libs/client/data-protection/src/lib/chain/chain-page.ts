import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { DataProtectionApi } from '@wegweiser/client/data-access';
import { activeLocale } from '@wegweiser/client/ui';
import { AuditVerificationResponse } from '@wegweiser/shared/contracts';
import { Subscription } from 'rxjs';
import { formatBerlinTime } from '../shared/berlin-time';
import { isFinished, pollVerification } from './verification-polling';

/**
 * Prüfkette: the last verification of the municipality's audit hash chain
 * (when, by whom, intakt or gebrochen with the first bad event) and "Jetzt
 * prüfen", which runs the verification as a background job; its progress is
 * shown (and announced) until the result is stored.
 */
@Component({
  selector: 'ww-chain-page',
  imports: [MatButton, MatProgressBar, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'dataProtection'">
      <h2>{{ t('chain.title') }}</h2>
      <p>{{ t('chain.intro') }}</p>
      <section class="card" aria-labelledby="chain-last">
        <h3 id="chain-last">{{ t('chain.last') }}</h3>
        @if (state() === 'failed') {
          <p role="alert" class="error">{{ t('loadFailed') }}</p>
        } @else if (last(); as v) {
          <dl>
            <dt>{{ t('chain.when') }}</dt>
            <dd>{{ time(v.finishedAt ?? v.requestedAt) }}</dd>
            <dt>{{ t('chain.by') }}</dt>
            <dd><bdi>{{ v.requestedBy ?? t('nobody') }}</bdi></dd>
            <dt>{{ t('chain.result') }}</dt>
            <dd>
              @if (v.state === 'failed') {
                <strong class="error">{{ t('chain.failed') }}</strong>
              } @else if (v.intact) {
                <strong class="intact">{{ t('chain.intact') }}</strong>
              } @else {
                <strong class="error">{{ t('chain.broken') }}</strong>
              }
            </dd>
            @if (v.checked !== null) {
              <dt>{{ t('chain.checked') }}</dt>
              <dd>{{ t('chain.checkedCount', { count: v.checked }) }}</dd>
            }
            @if (v.brokenEventId) {
              <dt>{{ t('chain.firstBad') }}</dt>
              <dd>{{ t('chain.event', { id: v.brokenEventId }) }} – {{ t('chain.reasons.' + v.brokenReason) }}</dd>
            }
          </dl>
        } @else if (state() === 'loaded') {
          <p>{{ t('chain.never') }}</p>
        }
      </section>

      <button mat-flat-button type="button" [disabled]="running()" (click)="verify()">{{ t('chain.verifyNow') }}</button>
      @if (running() && current(); as c) {
        <mat-progress-bar mode="determinate" [value]="c.progress" [attr.aria-label]="t('chain.progressLabel')" />
      }
      <p role="status" aria-live="polite">
        @if (current(); as c) {
          {{ t('chain.states.' + c.state, { percent: c.progress }) }}
        }
      </p>
      <p role="alert" class="error">
        @if (startFailed()) {
          {{ t('chain.startFailed') }}
        }
      </p>
    </ng-container>
  `,
  styles: `
    .card { margin-block: 1rem; padding: 1rem; border: 1px solid var(--mat-sys-outline-variant, #c4c6d0); border-radius: 0.75rem; }
    .card h3 { margin-block-start: 0; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
    dt { font-weight: 500; }
    dd { margin: 0; overflow-wrap: anywhere; }
    .intact { color: #1b5e20; }
    .error { color: var(--mat-sys-error, #b3261e); }
    mat-progress-bar { margin-block: 1rem 0.25rem; max-width: 32rem; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainPage implements OnInit {
  private readonly api = inject(DataProtectionApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly locale = activeLocale(inject(TranslocoService));
  protected readonly last = signal<AuditVerificationResponse | null>(null);
  protected readonly current = signal<AuditVerificationResponse | null>(null);
  protected readonly state = signal<'loading' | 'loaded' | 'failed'>('loading');
  protected readonly startFailed = signal(false);
  protected readonly running = computed(() => {
    const c = this.current();
    return c !== null && !isFinished(c);
  });
  private polling?: Subscription;

  ngOnInit(): void {
    this.load();
  }

  protected time(iso: string): string {
    return formatBerlinTime(iso, this.locale());
  }

  private load(): void {
    this.api
      .chainStatus()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (status) => {
          this.last.set(status.lastVerification);
          this.state.set('loaded');
          if (status.current && !this.polling) this.follow(status.current);
        },
        error: () => this.state.set('failed'),
      });
  }

  protected verify(): void {
    this.startFailed.set(false);
    this.api
      .verifyChain()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (run) => this.follow(run), error: () => this.startFailed.set(true) });
  }

  private follow(run: AuditVerificationResponse): void {
    this.polling?.unsubscribe();
    this.polling = pollVerification(run, (id) => this.api.verification(id))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (state) => {
          this.current.set(state);
          if (isFinished(state)) {
            this.last.set(state);
            this.polling = undefined;
          }
        },
        error: () => {
          this.polling = undefined;
          this.startFailed.set(true);
        },
      });
  }
}
