import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, ViewContainerRef, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { RetentionApi, retentionErrorCode } from '@wegweiser/client/data-access';
import { activeLocale } from '@wegweiser/client/ui';
import { ErasureRequestResponse, RETENTION_ERROR_CODES } from '@wegweiser/shared/contracts';
import { ConfirmErasureDialog, ConfirmErasureDialogData } from './confirm-erasure-dialog';

const EXPLAINED: ReadonlySet<string> = new Set([RETENTION_ERROR_CODES.requestNotPending, RETENTION_ERROR_CODES.clientGone]);

/**
 * "Offene Löschanträge": pending Art. 17 requests of the municipality; the
 * administrator confirms each after a dialog that says it cannot be undone
 * (four eyes: the API refuses the requester).
 */
@Component({
  selector: 'ww-erasure-requests',
  imports: [DatePipe, MatButton, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'retention'">
      <h2>{{ t('requests.title') }}</h2>
      @switch (state()) {
        @case ('loading') {
          <p>{{ t('loading') }}</p>
        }
        @case ('failed') {
          <p role="alert" class="requests__error">{{ t('loadFailed') }}</p>
        }
        @default {
          @if (requests().length) {
            <table class="requests__table">
              <caption class="requests__caption">{{ t('requests.caption') }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ t('requests.caseNumber') }}</th>
                  <th scope="col">{{ t('requests.reason') }}</th>
                  <th scope="col">{{ t('requests.requestedAt') }}</th>
                  <th scope="col">{{ t('requests.action') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (request of requests(); track request.id) {
                  <tr>
                    <td>{{ request.caseNumber ?? t('requests.gone') }}</td>
                    <td>{{ t('reasons.' + request.reason) }}</td>
                    <td>{{ request.requestedAt | date: 'short' : undefined : locale() }}</td>
                    <td>
                      @if (request.caseNumber) {
                        <button
                          mat-stroked-button
                          type="button"
                          [disabled]="busy() === request.id"
                          [attr.aria-label]="t('requests.confirmFor', { caseNumber: request.caseNumber })"
                          (click)="confirm(request)"
                        >
                          {{ t('requests.confirm') }}
                        </button>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          } @else {
            <p>{{ t('requests.empty') }}</p>
          }
        }
      }
      <div role="status">
        @if (confirmed()) {
          <p>{{ t('requests.confirmed', { caseNumber: confirmed() }) }}</p>
        }
      </div>
      <div role="alert" class="requests__error">
        @if (error()) {
          <p>{{ t('requests.' + error()) }}</p>
        }
      </div>
    </ng-container>
  `,
  styles: `
    .requests__table {
      border-collapse: collapse;
    }
    .requests__caption {
      text-align: start;
      font-weight: 500;
    }
    .requests__table th,
    .requests__table td {
      text-align: start;
      padding: 0.25rem 1rem 0.25rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant, #c4c7c5);
    }
    .requests__error {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErasureRequests implements OnInit {
  private readonly api = inject(RetentionApi);
  private readonly dialog = inject(MatDialog);
  private readonly viewContainerRef = inject(ViewContainerRef);

  protected readonly locale = activeLocale(inject(TranslocoService));
  protected readonly state = signal<'loading' | 'loaded' | 'failed'>('loading');
  protected readonly requests = signal<ErasureRequestResponse[]>([]);
  protected readonly busy = signal<string | null>(null);
  protected readonly confirmed = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected confirm(request: ErasureRequestResponse): void {
    const caseNumber = request.caseNumber;
    if (!caseNumber || this.busy()) return;
    this.confirmed.set(null);
    this.error.set(null);
    this.dialog
      .open<ConfirmErasureDialog, ConfirmErasureDialogData, boolean>(ConfirmErasureDialog, {
        viewContainerRef: this.viewContainerRef,
        data: { caseNumber, reason: request.reason },
        width: '32rem',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((erase) => {
        if (!erase) return;
        this.busy.set(request.id);
        this.api.confirmErasure(request.id).subscribe({
          next: () => {
            this.busy.set(null);
            this.confirmed.set(caseNumber);
            this.requests.update((list) => list.filter((r) => r.id !== request.id));
          },
          error: (error: unknown) => {
            this.busy.set(null);
            const code = retentionErrorCode(error);
            this.error.set(code && EXPLAINED.has(code) ? code : 'failed');
            this.load();
          },
        });
      });
  }

  private load(): void {
    this.api.erasureRequests('pending').subscribe({
      next: (requests) => {
        this.requests.set(requests);
        this.state.set('loaded');
      },
      error: () => this.state.set('failed'),
    });
  }
}
