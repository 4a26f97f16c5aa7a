import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, ViewContainerRef, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { ConsentResponse } from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../client-file-store';
import { ConsentForm } from '../consents/consent-form';
import { consentState, consentStateDate } from '../consents/consent-rules';
import { ConsentWithdrawData, ConsentWithdrawDialog, ConsentWithdrawResult } from '../consents/consent-withdraw-dialog';
import { dialogSize } from '../dialog-config';
import { today } from '../plan/referrals/referral-rules';
import { FileTab } from './file-tab';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

/**
 * Einwilligungen: what the client agreed to, for whom, since when, until when.
 * Records a consent (inline form) and withdraws one with a date; withdrawn and
 * expired consents stay listed, greyed, with their state in words.
 */
@Component({
  selector: 'ww-consents-tab',
  imports: [ConsentForm, DatePipe, MatButton, TranslocoDirective, IsolatePipe, UserText],
  templateUrl: './consents-tab.html',
  styleUrls: ['./tab.scss', './consents-tab.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsentsTab extends FileTab {
  private readonly store = inject(ClientFileStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly viewContainerRef = inject(ViewContainerRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Recording needs an open case of the own caseload; withdrawing stays possible on a closed case. */
  protected readonly canRecord = this.store.canEdit;
  protected readonly canWithdraw = computed(() => this.store.canEdit() || this.file()?.access.refusal === 'caseClosed');
  protected readonly adding = signal(false);

  private readonly addButton = viewChild('addButton', { read: ElementRef<HTMLButtonElement> });

  protected readonly rows = computed(() => {
    const day = today();
    return (this.file()?.consents ?? []).map((consent) => {
      const state = consentState(consent, day);
      return { consent, state, stateDate: consentStateDate(consent, state) };
    });
  });

  protected recipient(consent: ConsentResponse): string {
    return consent.recipientKind === 'partner' ? (consent.partnerName ?? '') : this.transloco.translate('clientFile.consents.evaluation');
  }

  protected startAdding(): void {
    this.adding.set(true);
  }

  protected cancelAdding(): void {
    this.adding.set(false);
    this.focusAfterRender(() => this.addButton()?.nativeElement);
  }

  protected recorded(consent: ConsentResponse): void {
    this.adding.set(false);
    this.snackBar.open(this.transloco.translate('clientFile.consents.recorded'), undefined, { duration: 4000 });
    this.store.reload();
    this.focusRowWhenShown(consent.id);
  }

  protected withdraw(consent: ConsentResponse): void {
    const clientId = this.file()?.client.id;
    if (!clientId) return;
    this.dialog
      .open<ConsentWithdrawDialog, ConsentWithdrawData, ConsentWithdrawResult>(ConsentWithdrawDialog, {
        ...dialogSize('32rem'),
        viewContainerRef: this.viewContainerRef,
        autoFocus: 'first-tabbable',
        data: { clientId, consent, recipient: this.recipient(consent) },
      })
      .afterClosed()
      .subscribe((withdrawn) => {
        if (withdrawn === 'stale') this.store.reload();
        if (!withdrawn || withdrawn === 'stale') return;
        this.snackBar.open(this.transloco.translate('clientFile.consents.withdrawn'), undefined, { duration: 4000 });
        this.store.reload();
        this.focusRowWhenShown(withdrawn.id);
      });
  }

  /** After saving, focus goes to the changed consent's row once the reloaded file shows it. */
  private focusRowWhenShown(consentId: string, attempts = 40): void {
    const row = this.host.nativeElement.querySelector<HTMLElement>(`[data-consent-id="${CSS.escape(consentId)}"]`);
    if (row && !this.store.refreshing()) {
      row.focus();
      return;
    }
    if (attempts > 0) setTimeout(() => this.focusRowWhenShown(consentId, attempts - 1), 100);
  }

  private focusAfterRender(target: () => HTMLElement | undefined): void {
    afterNextRender(() => target()?.focus(), { injector: this.injector });
  }

  private readonly injector = inject(ViewContainerRef).injector;
}
