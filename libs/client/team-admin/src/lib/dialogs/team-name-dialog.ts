import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { isApiErrorResponse, refusedForbiddenCharacters, TeamAdminApi } from '@wegweiser/client/data-access';
import { TeamResponse, USER_ERROR_CODES } from '@wegweiser/shared/contracts';

/** Create (no team given) or rename a team. */
export interface TeamNameDialogData {
  team: TeamResponse | null;
}

export const TEAM_NAME_MAX_LENGTH = 100;

/** "Team anlegen" / "Team umbenennen": the name, a taken name (409 teamNameTaken) shown at the field. Closes with the saved team. */
@Component({
  selector: 'ww-team-name-dialog',
  imports: [MatButton, MatDialogModule, MatFormFieldModule, MatInput, ReactiveFormsModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'teamAdmin.nameDialog'">
      <h2 mat-dialog-title>{{ data.team ? t('renameTitle') : t('createTitle') }}</h2>
      <form class="dialog-form" novalidate (submit)="$event.preventDefault(); save()">
        <mat-dialog-content>
          <mat-form-field class="dialog-form__field">
            <mat-label>{{ t('name') }}</mat-label>
            <input matInput [formControl]="name" dir="auto" required [maxlength]="maxLength" autocomplete="off" />
            @if (name.touched && name.errors; as errors) {
              <mat-error>{{ errors['taken'] ? t('taken') : errors['forbiddenCharacters'] ? t('forbiddenCharacters') : errors['maxlength'] ? t('tooLong', { max: maxLength }) : t('required') }}</mat-error>
            }
          </mat-form-field>
          @if (failed()) {
            <p class="dialog-form__error" role="alert">{{ t('failed') }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="saving()">{{ data.team ? t('rename') : t('create') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `.dialog-form { display: contents; } .dialog-form__field { width: 100%; } .dialog-form__error { color: var(--mat-sys-error); }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamNameDialog {
  private readonly api = inject(TeamAdminApi);
  private readonly dialogRef = inject<MatDialogRef<TeamNameDialog, TeamResponse>>(MatDialogRef);
  protected readonly data = inject<TeamNameDialogData>(MAT_DIALOG_DATA);
  protected readonly maxLength = TEAM_NAME_MAX_LENGTH;
  protected readonly name = new FormControl(this.data.team?.name ?? '', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(TEAM_NAME_MAX_LENGTH)],
  });
  protected readonly saving = signal(false);
  protected readonly failed = signal(false);

  protected save(): void {
    if (this.saving()) return;
    this.failed.set(false);
    if (this.name.invalid) {
      this.name.markAsTouched();
      return;
    }
    const request = { name: this.name.value.trim() };
    this.saving.set(true);
    (this.data.team ? this.api.rename(this.data.team.id, request) : this.api.create(request)).subscribe({
      next: (team) => this.dialogRef.close(team),
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && isApiErrorResponse(error.error) && error.error.code === USER_ERROR_CODES.teamNameTaken) {
          this.name.setErrors({ taken: true });
          this.name.markAsTouched();
        } else if (refusedForbiddenCharacters(error)) {
          this.name.setErrors({ forbiddenCharacters: true });
          this.name.markAsTouched();
        } else {
          this.failed.set(true);
        }
      },
    });
  }
}
