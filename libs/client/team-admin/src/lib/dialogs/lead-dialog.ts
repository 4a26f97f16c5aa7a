import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { TeamAdminApi } from '@wegweiser/client/data-access';
import { TeamResponse, UserResponse } from '@wegweiser/shared/contracts';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

export interface LeadDialogData {
  team: TeamResponse;
  /** Active managers and team leads of the municipality who do not lead this team yet. */
  candidates: UserResponse[];
  /** Team names by id (where a candidate works now). */
  teamNames: Record<string, string>;
}

/** Active managers and team leads of the municipality who are not a lead of `team` yet, by name. */
export function leadCandidates(accounts: UserResponse[], team: TeamResponse): UserResponse[] {
  const german = new Intl.Collator('de', { sensitivity: 'base' });
  return accounts
    .filter((a) => a.active && (a.role === 'manager' || a.role === 'team_lead') && !(a.role === 'team_lead' && a.teamId === team.id))
    .sort((a, b) => german.compare(a.lastName, b.lastName) || german.compare(a.firstName, b.firstName));
}

/**
 * "Sachgebietsleitung zuweisen": the chosen account becomes a team lead of
 * this team (a team may have several). Its sessions end (a new role);
 * closes with the changed account.
 */
@Component({
  selector: 'ww-lead-dialog',
  imports: [MatButton, MatDialogModule, MatFormFieldModule, MatSelectModule, ReactiveFormsModule, TranslocoDirective, IsolatePipe, UserText],
  template: `
    <ng-container *transloco="let t; prefix: 'teamAdmin.leadDialog'">
      <h2 mat-dialog-title><ww-user-text [text]="t('title', { team: (data.team.name | isolate) })" /></h2>
      <form class="dialog-form" novalidate (submit)="$event.preventDefault(); save()">
        <mat-dialog-content>
          <p>{{ t('explanation') }}</p>
          <mat-form-field class="dialog-form__field">
            <mat-label>{{ t('person') }}</mat-label>
            <mat-select [formControl]="person" required>
              @for (account of data.candidates; track account.id) {
                <mat-option [value]="account.id">
                  <bdi>{{ account.firstName }} {{ account.lastName }}</bdi> ({{ t('role.' + account.role) }}@if (account.teamId && data.teamNames[account.teamId]; as teamName) {, <bdi>{{ teamName }}</bdi>})
                </mat-option>
              }
            </mat-select>
            @if (person.touched && person.invalid) {
              <mat-error>{{ t('required') }}</mat-error>
            }
          </mat-form-field>
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
  styles: `.dialog-form { display: contents; } .dialog-form__field { width: 100%; } .dialog-form__error { color: var(--mat-sys-error); }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeadDialog {
  private readonly api = inject(TeamAdminApi);
  private readonly dialogRef = inject<MatDialogRef<LeadDialog, UserResponse>>(MatDialogRef);
  protected readonly data = inject<LeadDialogData>(MAT_DIALOG_DATA);
  protected readonly person = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  protected readonly saving = signal(false);
  protected readonly failed = signal(false);

  protected save(): void {
    if (this.saving()) return;
    const account = this.data.candidates.find((a) => a.id === this.person.value);
    if (!account) {
      this.person.markAsTouched();
      return;
    }
    this.saving.set(true);
    this.failed.set(false);
    this.api.makeLead(account, this.data.team.id).subscribe({
      next: (user) => this.dialogRef.close(user),
      error: () => {
        this.saving.set(false);
        this.failed.set(true);
      },
    });
  }
}
