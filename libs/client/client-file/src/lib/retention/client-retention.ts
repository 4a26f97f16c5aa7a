import { ChangeDetectionStrategy, Component, ViewContainerRef, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { CurrentUser } from '@wegweiser/client/data-access';
import { ClientResponse } from '@wegweiser/shared/contracts';
import { ErasureRequestDialog, ErasureRequestDialogData } from './erasure-request-dialog';
import { LegalHoldDialog, LegalHoldDialogData, LegalHoldResult } from './legal-hold-dialog';

/**
 * Retention actions in the file header for team leads: "Sperrvermerk
 * setzen/aufheben" (`client:legal-hold`) and "Löschung beantragen (Art. 17)"
 * (`client:erasure-request`), each a small dialog; the result is announced here.
 */
@Component({
  selector: 'ww-client-retention',
  imports: [MatButton, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'clientFile.retention'">
      @if (canHold() || canRequest()) {
        <div class="retention">
          @if (canHold()) {
            <button mat-stroked-button type="button" (click)="legalHold()">{{ t('legalHold') }}</button>
          }
          @if (canRequest()) {
            <button mat-stroked-button type="button" (click)="requestErasure()">{{ t('requestErasure') }}</button>
          }
        </div>
      }
      <div role="status" class="retention__result">
        @if (result()) {
          <p>{{ t(result()!) }}</p>
        }
      </div>
    </ng-container>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
    }
    .retention {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .retention__result p {
      margin: 0.25rem 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientRetention {
  private readonly user = inject(CurrentUser);
  private readonly dialog = inject(MatDialog);
  private readonly viewContainerRef = inject(ViewContainerRef);

  readonly client = input.required<ClientResponse>();

  protected readonly canHold = computed(() => this.user.can('client:legal-hold'));
  protected readonly canRequest = computed(() => this.user.can('client:erasure-request'));
  protected readonly result = signal<string | null>(null);

  protected legalHold(): void {
    this.result.set(null);
    this.dialog
      .open<LegalHoldDialog, LegalHoldDialogData, LegalHoldResult>(LegalHoldDialog, this.config({ clientId: this.client().id }))
      .afterClosed()
      .subscribe((done) => {
        if (done) this.result.set(done === 'set' ? 'holdSet' : 'holdLifted');
      });
  }

  protected requestErasure(): void {
    this.result.set(null);
    this.dialog
      .open<ErasureRequestDialog, ErasureRequestDialogData, boolean>(ErasureRequestDialog, this.config({ clientId: this.client().id }))
      .afterClosed()
      .subscribe((done) => {
        if (done) this.result.set('erasureRequested');
      });
  }

  private config<D>(data: D) {
    return { viewContainerRef: this.viewContainerRef, data, width: '32rem', maxWidth: '95vw', autoFocus: 'first-tabbable' as const };
  }
}
