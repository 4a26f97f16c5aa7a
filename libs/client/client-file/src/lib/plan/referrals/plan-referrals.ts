import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewContainerRef, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { ReferralsApi } from '@wegweiser/client/data-access';
import { activeLocale, IsolatePipe, UserText } from '@wegweiser/client/ui';
import { ReferralResponse, ReferralState } from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../../client-file-store';
import { ReferralDialog } from './referral-dialog';
import { consentCheck, nextReferralStates, today } from './referral-rules';

/**
 * Referrals of the plan ("Vermittlungen") to partners' offers: each with its
 * one-click forward moves, and "Vermittlung anlegen" (only when the file may be changed).
 */
@Component({
  selector: 'ww-plan-referrals',
  imports: [DatePipe, MatButton, TranslocoDirective, IsolatePipe, UserText],
  templateUrl: './plan-referrals.html',
  styleUrls: ['../../tabs/tab.scss', './plan-referrals.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanReferrals {
  private readonly store = inject(ClientFileStore);
  private readonly api = inject(ReferralsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly viewContainerRef = inject(ViewContainerRef);

  protected readonly file = this.store.file;
  protected readonly canEdit = this.store.canEdit;
  protected readonly locale = activeLocale(this.transloco);
  /** The referral being moved (its buttons wait for the answer). */
  protected readonly moving = signal<string | null>(null);

  /** Each referral with its goal and the states it may move on to. */
  protected readonly referrals = computed(() => {
    const file = this.file();
    if (!file) return [];
    const goals = new Map(file.plan.goals.map((goal) => [goal.id, goal.target]));
    return file.plan.referrals.map((referral) => ({
      referral,
      goal: referral.goalId ? (goals.get(referral.goalId) ?? null) : null,
      next: nextReferralStates(referral.state),
      consentToSend: consentCheck(file.consents, referral.partnerId).status === 'valid',
    }));
  });

  protected add(): void {
    this.dialog
      .open<ReferralDialog, unknown, ReferralResponse>(ReferralDialog, {
        viewContainerRef: this.viewContainerRef,
        width: '40rem',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((referral) => {
        if (!referral) return;
        this.snackBar.open(this.transloco.translate('clientFile.referrals.created'), undefined, { duration: 4000 });
        this.store.reload();
      });
  }

  protected move(referral: ReferralResponse, state: ReferralState): void {
    const clientId = this.file()?.client.id;
    if (!clientId || this.moving()) return;
    this.moving.set(referral.id);
    this.api
      .update(clientId, referral.id, { version: referral.version, state, ...(state === 'sent' ? { sentOn: today() } : {}) })
      .subscribe({
        next: () => {
          const label = this.transloco.translate(`clientFile.vocab.referralState.${state}`);
          this.snackBar.open(this.transloco.translate('clientFile.referrals.moved', { state: label }), undefined, { duration: 4000 });
          this.moving.set(null);
          this.store.reload();
        },
        // The global interceptor shows the API's message; a stale version needs the current file.
        error: () => {
          this.moving.set(null);
          this.store.reload();
        },
      });
  }
}
