import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { PartnerAdminApi, refusedForbiddenCharacters } from '@wegweiser/client/data-access';
import { PARTNER_ERROR_CODES, PARTNER_FIELD_LIMITS, WorkingGroupResponse } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';

/** "Arbeitskreis anlegen": a name; closes with the created working group. */
@Component({
  selector: 'ww-working-group-dialog',
  imports: [MatButton, MatDialogModule, MatError, MatFormField, MatInput, MatLabel, ReactiveFormsModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'partnerAdmin'">
      <h2 mat-dialog-title>{{ t('groupDialog.title') }}</h2>
      <form novalidate [formGroup]="form" (ngSubmit)="save()">
        <mat-dialog-content>
          <mat-form-field appearance="outline" class="field">
            <mat-label>{{ t('groupDialog.name') }}</mat-label>
            <input matInput formControlName="name" dir="auto" required [maxlength]="limit" cdkFocusInitial />
            <mat-error>{{ t('form.required') }}</mat-error>
          </mat-form-field>
          <div role="alert" class="error">
            @if (problem(); as key) {
              <p>{{ key === 'nameTaken' ? t('groupDialog.nameTaken') : key === 'forbiddenCharacters' ? t('forbiddenCharacters') : t('saveFailed') }}</p>
            }
          </div>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('groupDialog.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()">{{ t('groupDialog.save') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .field {
      width: min(100%, 24rem);
    }
    .error {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkingGroupDialog {
  private readonly api = inject(PartnerAdminApi);
  private readonly ref = inject<MatDialogRef<WorkingGroupDialog, WorkingGroupResponse>>(MatDialogRef);

  protected readonly limit = PARTNER_FIELD_LIMITS.workingGroupName;
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(this.limit)] }),
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<'nameTaken' | 'forbiddenCharacters' | 'failed' | null>(null);

  static open(dialog: MatDialog): Observable<WorkingGroupResponse | undefined> {
    return dialog.open<WorkingGroupDialog, unknown, WorkingGroupResponse>(WorkingGroupDialog, { width: 'min(32rem, 95vw)' }).afterClosed();
  }

  protected save(): void {
    const name = this.form.controls.name.value.trim();
    if (!name) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.api.createWorkingGroup({ name }).subscribe({
      next: (group) => this.ref.close(group),
      error: (error: unknown) => {
        this.busy.set(false);
        const code = error instanceof HttpErrorResponse ? (error.error as { code?: string } | null)?.code : undefined;
        this.problem.set(code === PARTNER_ERROR_CODES.workingGroupNameTaken ? 'nameTaken' : refusedForbiddenCharacters(error) ? 'forbiddenCharacters' : 'failed');
      },
    });
  }
}
