import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, input, output, viewChild } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { PLAN_REVIEW_LIMITS } from '@wegweiser/shared/contracts';

/** Blank (only spaces) counts as missing: the API trims the comment. */
const notBlank: ValidatorFn = (control: AbstractControl) => (String(control.value ?? '').trim() === '' ? { required: true } : null);

/**
 * "Zurückgeben" with the comment the manager will read (required): shown in
 * the open item of the Freigaben list, the comment box focused.
 */
@Component({
  selector: 'ww-return-form',
  imports: [MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, ReactiveFormsModule, TranslocoDirective],
  template: `
    <form *transloco="let t; prefix: 'approvals'" class="return" [formGroup]="group" [attr.aria-label]="label()" (ngSubmit)="send()" novalidate>
      <mat-form-field appearance="outline" class="return__field">
        <mat-label>{{ t('comment') }}</mat-label>
        <textarea #box matInput dir="auto" [formControl]="comment" rows="3" required [attr.maxlength]="max"></textarea>
        <mat-hint>{{ t('commentHint') }}</mat-hint>
        <mat-error>{{ comment.hasError('maxlength') ? t('commentTooLong', { max }) : t('commentRequired') }}</mat-error>
      </mat-form-field>
      <div class="return__actions">
        <button mat-flat-button type="submit" [disabled]="busy()">{{ t('return') }}</button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ t('cancel') }}</button>
      </div>
    </form>
  `,
  styles: `
    .return {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      margin-top: 0.75rem;
      max-width: 40rem;
    }
    .return__field {
      width: 100%;
    }
    .return__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReturnForm {
  /** The form's accessible name ("Plan zurückgeben"). */
  readonly label = input.required<string>();
  readonly busy = input(false);
  readonly returned = output<string>();
  readonly cancelled = output<void>();

  protected readonly max = PLAN_REVIEW_LIMITS.commentMaxLength;
  protected readonly comment = new FormControl('', { nonNullable: true, validators: [Validators.required, notBlank, Validators.maxLength(this.max)] });
  protected readonly group = new FormGroup({ comment: this.comment });
  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');

  constructor() {
    afterNextRender(() => this.box().nativeElement.focus());
  }

  protected send(): void {
    if (this.busy()) return;
    this.comment.markAsTouched();
    if (this.comment.invalid) {
      this.box().nativeElement.focus();
      return;
    }
    this.returned.emit(this.comment.value.trim());
  }
}
