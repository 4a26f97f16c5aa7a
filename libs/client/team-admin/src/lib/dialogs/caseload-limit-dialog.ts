import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { TeamAdminApi } from '@wegweiser/client/data-access';
import { CASELOAD_LIMITS, TeamMemberResponse } from '@wegweiser/shared/contracts';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

export interface CaseloadLimitDialogData {
  teamId: string;
  member: TeamMemberResponse;
}

const limitValidators = [Validators.min(CASELOAD_LIMITS.min), Validators.max(CASELOAD_LIMITS.max), Validators.pattern(/^\d*$/)];

/** The recommended size may not exceed the maximum (both optional). */
export function recommendedNotAboveMaximum(group: AbstractControl): ValidationErrors | null {
  const { recommended, maximum } = (group as FormGroup).getRawValue() as { recommended: number | null; maximum: number | null };
  return recommended !== null && maximum !== null && `${recommended}` !== '' && `${maximum}` !== '' && Number(recommended) > Number(maximum)
    ? { order: true }
    : null;
}

const orNull = (value: number | string | null): number | null => (value === null || `${value}`.trim() === '' ? null : Number(value));

/** "Fallobergrenze": a member's recommended caseload and hard maximum (empty: none). Closes with the stored member. */
@Component({
  selector: 'ww-caseload-limit-dialog',
  imports: [MatButton, MatDialogModule, MatFormFieldModule, MatInput, ReactiveFormsModule, TranslocoDirective, IsolatePipe, UserText],
  template: `
    <ng-container *transloco="let t; prefix: 'teamAdmin.limitDialog'">
      <h2 mat-dialog-title><ww-user-text [text]="t('title', { name: (data.member.firstName + ' ' + data.member.lastName | isolate) })" /></h2>
      <form class="dialog-form" novalidate [formGroup]="form" (submit)="$event.preventDefault(); save()">
        <mat-dialog-content>
          <p>{{ t('current', { count: data.member.openClients }) }}</p>
          <mat-form-field class="dialog-form__field">
            <mat-label>{{ t('recommended') }}</mat-label>
            <input matInput type="number" inputmode="numeric" formControlName="recommended" [min]="limits.min" [max]="limits.max" />
            <mat-hint>{{ t('recommendedHint') }}</mat-hint>
            <mat-error>{{ t('range', { min: limits.min, max: limits.max }) }}</mat-error>
          </mat-form-field>
          <mat-form-field class="dialog-form__field">
            <mat-label>{{ t('maximum') }}</mat-label>
            <input matInput type="number" inputmode="numeric" formControlName="maximum" [min]="limits.min" [max]="limits.max" />
            <mat-hint>{{ t('maximumHint') }}</mat-hint>
            <mat-error>{{ t('range', { min: limits.min, max: limits.max }) }}</mat-error>
          </mat-form-field>
          @if (form.touched && form.hasError('order')) {
            <p class="dialog-form__error" role="alert">{{ t('order') }}</p>
          }
          @if (failed()) {
            <p class="dialog-form__error" role="alert">{{ t('failed') }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="saving()">{{ t('submit') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `.dialog-form { display: contents; } .dialog-form__field { width: 100%; margin-bottom: 0.5rem; } .dialog-form__error { color: var(--mat-sys-error); }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseloadLimitDialog {
  private readonly api = inject(TeamAdminApi);
  private readonly dialogRef = inject<MatDialogRef<CaseloadLimitDialog, TeamMemberResponse>>(MatDialogRef);
  protected readonly data = inject<CaseloadLimitDialogData>(MAT_DIALOG_DATA);
  protected readonly limits = CASELOAD_LIMITS;
  protected readonly form = new FormGroup(
    {
      recommended: new FormControl<number | null>(this.data.member.caseloadRecommended, limitValidators),
      maximum: new FormControl<number | null>(this.data.member.caseloadMaximum, limitValidators),
    },
    { validators: recommendedNotAboveMaximum },
  );
  protected readonly saving = signal(false);
  protected readonly failed = signal(false);

  protected save(): void {
    if (this.saving()) return;
    this.failed.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { recommended, maximum } = this.form.getRawValue();
    this.saving.set(true);
    this.api.setCaseloadLimit(this.data.teamId, this.data.member.id, { caseloadRecommended: orNull(recommended), caseloadMaximum: orNull(maximum) }).subscribe({
      next: (member) => this.dialogRef.close(member),
      error: () => {
        this.saving.set(false);
        this.failed.set(true);
      },
    });
  }
}
