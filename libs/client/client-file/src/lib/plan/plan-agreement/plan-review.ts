import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ViewContainerRef, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { CurrentUser, PlanReviewsApi, isApiErrorResponse } from '@wegweiser/client/data-access';
import { activeLocale, IsolatePipe, UserText } from '@wegweiser/client/ui';
import { PLAN_REVIEW_ERROR_CODES, PlanReviewResponse, planSubmitRefusal } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { ClientFileStore } from '../../client-file-store';
import { openPlanReturnDialog } from './plan-return-dialog';

/** Failures explained in words (`planReview.failure.<code>`); after a 409 the file is read again. */
const KNOWN_FAILURES: readonly string[] = [...Object.values(PLAN_REVIEW_ERROR_CODES), 'staleVersion'];

/**
 * The plan's sign-off (four-eyes) below the agreement: the state as a badge
 * ("Zur Freigabe eingereicht", "Zurückgegeben: <Kommentar>", "Freigegeben am
 * … von …"); "Zur Freigabe einreichen" for whoever may change the file and
 * does not sign off plans; "Freigeben" / "Zurückgeben" for the team lead
 * (`plan:approve`) while a review waits.
 */
@Component({
  selector: 'ww-plan-review',
  imports: [DatePipe, MatButton, TranslocoDirective, IsolatePipe, UserText],
  templateUrl: './plan-review.html',
  styleUrls: ['../../tabs/tab.scss', './plan-review.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanReview {
  private readonly api = inject(PlanReviewsApi);
  private readonly user = inject(CurrentUser);
  private readonly dialog = inject(MatDialog);
  private readonly viewContainerRef = inject(ViewContainerRef);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly store = inject(ClientFileStore);
  protected readonly locale = activeLocale(this.transloco);

  protected readonly plan = computed(() => this.store.file()?.plan ?? null);
  protected readonly review = computed(() => this.plan()?.review ?? null);
  protected readonly busy = signal(false);
  private readonly approver = computed(() => this.user.can('plan:approve'));

  /** The latest agreed version may go to the team lead (the API refuses the rest with 409). */
  protected readonly canSubmit = computed(
    () => this.store.canEdit() && !this.approver() && planSubmitRefusal(this.plan()?.latestAgreement?.version ?? null, this.review()) === null,
  );
  protected readonly canDecide = computed(() => this.store.canEdit() && this.approver() && this.review()?.state === 'submitted');
  /** An approval of an older version than the latest agreed one. */
  protected readonly approvedOlder = computed(() => {
    const review = this.review();
    const latest = this.plan()?.latestAgreement?.version ?? 0;
    return review?.state === 'approved' && review.agreementVersion < latest;
  });

  protected submit(): void {
    this.run((clientId) => this.api.submit(clientId), 'submitted');
  }

  protected approve(review: PlanReviewResponse): void {
    this.run((clientId) => this.api.approve(clientId, { version: review.version }), 'approved');
  }

  protected returnPlan(review: PlanReviewResponse): void {
    if (this.busy()) return;
    openPlanReturnDialog(this.dialog, { viewContainerRef: this.viewContainerRef }).subscribe((comment) => {
      if (comment) this.run((clientId) => this.api.returnToManager(clientId, { version: review.version, comment }), 'returned');
    });
  }

  private run(call: (clientId: string) => Observable<PlanReviewResponse>, done: 'submitted' | 'approved' | 'returned'): void {
    const clientId = this.store.file()?.client.id;
    if (this.busy() || !clientId) return;
    this.busy.set(true);
    call(clientId).subscribe({
      next: () => {
        this.busy.set(false);
        this.snackBar.open(this.transloco.translate(`clientFile.planReview.${done}`), undefined, { duration: 4000 });
        this.store.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const code = error instanceof HttpErrorResponse && isApiErrorResponse(error.error) ? error.error.code : '';
        this.snackBar.open(this.transloco.translate(`clientFile.planReview.failure.${KNOWN_FAILURES.includes(code) ? code : 'other'}`), undefined, { duration: 6000 });
        if (error instanceof HttpErrorResponse && error.status === 409) this.store.reload();
      },
    });
  }
}
