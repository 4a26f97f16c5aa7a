import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { refusedForbiddenCharacters, UsersApi, usersApiError } from '@wegweiser/client/data-access';
import { CreateUserResponse, Role, ROLES, TEAM_ROLES, TeamResponse } from '@wegweiser/shared/contracts';
import { errorKey } from '../user-errors';

export interface CreateUserDialogData {
  teams: TeamResponse[];
}

/** "Benutzer:in anlegen": names, e-mail, role and (for team roles only) a team. Closes with the API's answer, one-time password included. */
@Component({
  selector: 'ww-create-user-dialog',
  imports: [MatButton, MatDialogModule, MatFormFieldModule, MatInput, MatSelectModule, ReactiveFormsModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'userAdmin'">
      <h2 mat-dialog-title>{{ t('form.createTitle') }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content class="user-form">
          <mat-form-field appearance="outline">
            <mat-label>{{ t('form.firstName') }}</mat-label>
            <input matInput formControlName="firstName" dir="auto" autocomplete="off" required maxlength="200" />
            <mat-error>{{ t('form.required') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('form.lastName') }}</mat-label>
            <input matInput formControlName="lastName" dir="auto" autocomplete="off" required maxlength="200" />
            <mat-error>{{ t('form.required') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('form.email') }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="off" required />
            <mat-error>{{ form.controls.email.hasError('required') ? t('form.required') : form.controls.email.hasError('emailTaken') ? t('errors.emailTaken') : t('form.emailInvalid') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('form.role') }}</mat-label>
            <mat-select formControlName="role" required>
              @for (role of roles; track role) {
                <mat-option [value]="role">{{ t('roles.' + role) }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ t('form.required') }}</mat-error>
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
          <p>{{ t('form.passwordNote') }}</p>
          <div role="alert" class="user-form__error">
            @if (error(); as key) {
              <p>{{ t('errors.' + key) }}</p>
            }
          </div>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('form.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()">{{ t('form.create') }}</button>
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
export class CreateUserDialog {
  protected readonly data = inject<CreateUserDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(UsersApi);
  private readonly dialogRef = inject<MatDialogRef<CreateUserDialog, CreateUserResponse>>(MatDialogRef);

  protected readonly roles = ROLES;
  protected readonly form = new FormGroup({
    firstName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/)] }),
    lastName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/)] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    role: new FormControl<Role | null>(null, { validators: [Validators.required] }),
    teamId: new FormControl<string | null>(null),
  });
  private readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: null });
  protected readonly needsTeam = computed(() => {
    const role = this.role();
    return role !== null && TEAM_ROLES.includes(role);
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    const teamControl = this.form.controls.teamId;
    teamControl.setValidators(this.needsTeam() ? [Validators.required] : []);
    teamControl.updateValueAndValidity();
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    const { firstName, lastName, email, role, teamId } = this.form.getRawValue();
    if (!role) return;
    this.busy.set(true);
    this.error.set(null);
    this.api
      .create({ firstName: firstName.trim(), lastName: lastName.trim(), email: email.trim(), role, ...(this.needsTeam() && teamId ? { teamId } : {}) })
      .subscribe({
        next: (created) => this.dialogRef.close(created),
        error: (failure: unknown) => {
          this.busy.set(false);
          const { code, fields } = usersApiError(failure);
          if (code === 'emailTaken') this.form.controls.email.setErrors({ emailTaken: true });
          if (fields['teamId']) teamControl.setErrors({ [fields['teamId']]: true });
          this.error.set(refusedForbiddenCharacters(failure) ? 'forbiddenCharacters' : errorKey(code));
        },
      });
  }
}
