import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog, MatDialogModule, MatDialogRef, MatDialogConfig } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { PLAN_REVIEW_LIMITS } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';

/**
 * "Plan zurückgeben": the team lead writes what should change (required,
 * at most 2000 characters). Closes with the trimmed comment, or without one
 * (Abbrechen, Escape). Texts: `clientFile.planReview.dialog.*`.
 */
@Component({
  selector: 'ww-plan-return-dialog',
  imports: [MatButton, MatDialogModule, MatFormFieldModule, MatInput, ReactiveFormsModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'clientFile.planReview.dialog'">
      <form [formGroup]="form" aria-labelledby="plan-return-title" (ngSubmit)="confirm()" (keydown.control.enter)="confirm()">
        <h2 mat-dialog-title id="plan-return-title">{{ t('title') }}</h2>
        <mat-dialog-content>
          <p>{{ t('text') }}</p>
          <mat-form-field class="comment">
            <mat-label>{{ t('comment') }}</mat-label>
            <textarea matInput dir="auto" rows="5" required [maxlength]="max" formControlName="comment"></textarea>
            <mat-hint align="end">{{ comment.value.length }} / {{ max }}</mat-hint>
            @if (comment.hasError('maxlength')) {
              <mat-error>{{ t('maxlength', { max: max }) }}</mat-error>
            } @else {
              <mat-error>{{ t('required') }}</mat-error>
            }
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('cancel') }}</button>
          <button mat-flat-button type="submit">{{ t('confirm') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .comment {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanReturnDialog {
  private readonly ref = inject<MatDialogRef<PlanReturnDialog, string>>(MatDialogRef);
  protected readonly max = PLAN_REVIEW_LIMITS.commentMaxLength;
  protected readonly comment = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(PLAN_REVIEW_LIMITS.commentMaxLength)],
  });
  protected readonly form = new FormGroup({ comment: this.comment });

  protected confirm(): void {
    if (this.comment.invalid) {
      this.comment.markAsTouched();
      return;
    }
    this.ref.close(this.comment.value.trim());
  }
}

/** Opens the dialog; emits the comment, or `undefined` when it was closed without returning the plan. */
export function openPlanReturnDialog(dialog: MatDialog, config: Pick<MatDialogConfig, 'viewContainerRef'> = {}): Observable<string | undefined> {
  return dialog.open<PlanReturnDialog, void, string>(PlanReturnDialog, { ...config, width: '36rem', maxWidth: '95vw' }).afterClosed();
}
