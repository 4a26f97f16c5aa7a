import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { UsersApi, usersApiError } from '@wegweiser/client/data-access';
import { Role, ROLES, TEAM_ROLES, TeamResponse, UserResponse } from '@wegweiser/shared/contracts';
import { errorKey, fullName, needsReload } from '../user-errors';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

export interface EditUserDialogData {
  user: UserResponse;
  teams: TeamResponse[];
  /** The administrator's own account: the role cannot be changed. */
  self: boolean;
}

/** What the dialog closes with: the saved account, or the code of a conflict that needs the list reloaded. */
export type EditUserResult = { saved: UserResponse } | { reload: string };

/** Role and team of one account (`PATCH /api/users/:id` with the version read last). */
@Component({
  selector: 'ww-edit-user-dialog',
  imports: [MatButton, MatDialogModule, MatFormFieldModule, MatSelectModule, ReactiveFormsModule, TranslocoDirective, IsolatePipe, UserText],
  template: `
    <ng-container *transloco="let t; prefix: 'userAdmin'">
      <h2 mat-dialog-title><ww-user-text [text]="t('form.editTitle', { name: (name | isolate) })" /></h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content class="user-form">
          <mat-form-field appearance="outline">
            <mat-label>{{ t('form.role') }}</mat-label>
            <mat-select formControlName="role" required>
              @for (role of roles; track role) {
                <mat-option [value]="role">{{ t('roles.' + role) }}</mat-option>
              }
            </mat-select>
            @if (data.self) {
              <mat-hint>{{ t('form.ownRole') }}</mat-hint>
            }
          </mat-form-field>
          @if (needsTeam()) {
            <mat-form-field appearance="outline">
              <mat-label>{{ t('form.team') }}</mat-label>
              <mat-select formControlName="teamId" required>
                @for (team of data.teams; track team.id) {
                  <mat-option [value]="team.id"><bdi>{{ team.name }}</bdi></mat-option>
                }
              </mat-select>
              <mat-hint>{{ t('form.teamHint') }}</mat-hint>
              <mat-error>{{ form.controls.teamId.hasError('unknownTeam') ? t('form.unknownTeam') : t('form.teamRequired') }}</mat-error>
            </mat-form-field>
          }
          @if (!data.self) {
            <p>{{ t('form.roleChangeNote') }}</p>
          }
          <div role="alert" class="user-form__error">
            @if (error(); as key) {
              <p>{{ t('errors.' + key) }}</p>
            }
          </div>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('form.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()">{{ t('form.save') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .user-form {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .user-form__error {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditUserDialog {
  protected readonly data = inject<EditUserDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(UsersApi);
  private readonly dialogRef = inject<MatDialogRef<EditUserDialog, EditUserResult>>(MatDialogRef);

  protected readonly roles = ROLES;
  protected readonly name = fullName(this.data.user);
  protected readonly form = new FormGroup({
    role: new FormControl<Role>({ value: this.data.user.role, disabled: this.data.self }, { nonNullable: true }),
    teamId: new FormControl<string | null>(this.data.user.teamId),
  });
  private readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: this.data.user.role });
  protected readonly needsTeam = computed(() => TEAM_ROLES.includes(this.role()));
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    const teamControl = this.form.controls.teamId;
    teamControl.setValidators(this.needsTeam() ? [Validators.required] : []);
    teamControl.updateValueAndValidity();
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    const { role, teamId } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    const request = this.data.self
      ? { teamId: this.needsTeam() ? teamId : null, version: this.data.user.version }
      : { role, teamId: this.needsTeam() ? teamId : null, version: this.data.user.version };
    this.api.update(this.data.user.id, request).subscribe({
      next: (saved) => this.dialogRef.close({ saved }),
      error: (failure: unknown) => {
        this.busy.set(false);
        const { code, fields } = usersApiError(failure);
        if (needsReload(code)) {
          this.dialogRef.close({ reload: errorKey(code) });
          return;
        }
        if (fields['teamId']) teamControl.setErrors({ [fields['teamId']]: true });
        this.error.set(errorKey(code));
      },
    });
  }
}
