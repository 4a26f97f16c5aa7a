import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { ReassignmentApi, isApiErrorResponse } from '@wegweiser/client/data-access';
import {
  CASELOAD_ERROR_CODES,
  caseloadHasRoom,
  ERROR_CODES,
  REASSIGNMENT_FIELD_CODES,
  REASSIGNMENT_LIMITS,
  ReassignClientsResponse,
  TeamManagerResponse,
} from '@wegweiser/shared/contracts';
import { isolate, UserText } from '@wegweiser/client/ui';

/** What the caseload hands to the dialog: the ticked clients (with the name shown) and the team's managers. */
export interface ReassignDialogData {
  clients: { id: string; name: string }[];
  managers: TeamManagerResponse[];
}

/** Why the API refused (nothing was changed): translated as `reassign.failure.<kind>`. */
export type ReassignFailure = 'unknownManager' | 'alreadyResponsible' | 'notFound' | 'caseloadFull' | 'other';

/** The refusal behind a failed `POST /api/clients/reassign`. */
export function reassignFailure(error: unknown): ReassignFailure {
  if (!(error instanceof HttpErrorResponse) || !isApiErrorResponse(error.error)) return 'other';
  if (error.error.code === ERROR_CODES.notFound) return 'notFound';
  if (error.error.code === CASELOAD_ERROR_CODES.caseloadFull) return 'caseloadFull';
  const code = error.error.errors?.['toManagerId'];
  if (code === REASSIGNMENT_FIELD_CODES.unknownManager || code === REASSIGNMENT_FIELD_CODES.alreadyResponsible) return code;
  return 'other';
}

const notBlank = Validators.pattern(/\S/);

/**
 * "Neu zuweisen": the team lead picks another manager of the team and gives
 * a reason (required; kept in the assignment history). All or nothing: a
 * refusal changes nothing and is shown here. Closes with the API's answer.
 */
@Component({
  selector: 'ww-reassign-dialog',
  imports: [MatButton, MatDialogModule, MatFormFieldModule, MatInput, MatProgressBar, MatSelectModule, ReactiveFormsModule, TranslocoDirective, UserText],
  templateUrl: './reassign-dialog.html',
  styleUrl: './reassign-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReassignDialog {
  private readonly api = inject(ReassignmentApi);
  private readonly dialogRef = inject<MatDialogRef<ReassignDialog, ReassignClientsResponse>>(MatDialogRef);
  protected readonly data = inject<ReassignDialogData>(MAT_DIALOG_DATA);

  protected readonly reasonMaxLength = REASSIGNMENT_LIMITS.reasonMaxLength;
  protected readonly form = new FormGroup({
    toManagerId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, notBlank, Validators.maxLength(REASSIGNMENT_LIMITS.reasonMaxLength)] }),
  });
  protected readonly saving = signal(false);
  protected readonly failure = signal<ReassignFailure | null>(null);
  /** With a `caseloadFull` refusal: whose caseload, and its maximum (for the text). */
  protected readonly fullLimit = signal<{ name: string; limit: number } | null>(null);

  /** At the maximum already (the dialog still lets the lead choose: the API has the last word). */
  protected isFull(manager: TeamManagerResponse): boolean {
    return !caseloadHasRoom(manager.openClients, manager.caseloadMaximum);
  }

  /** The error key of a control once the user has been there (or tried to submit). */
  protected errorKey(name: 'toManagerId' | 'reason'): string | null {
    const control = this.form.controls[name];
    if (!control.invalid || !control.touched) return null;
    if (control.hasError('maxlength')) return 'reassign.dialog.reasonTooLong';
    return name === 'toManagerId' ? 'reassign.dialog.managerRequired' : 'reassign.dialog.reasonRequired';
  }

  protected saveOnShortcut(event: Event): void {
    event.preventDefault();
    this.save();
  }

  protected save(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { toManagerId, reason } = this.form.getRawValue();
    this.saving.set(true);
    this.failure.set(null);
    this.api.reassign({ clientIds: this.data.clients.map((c) => c.id), toManagerId, reason: reason.trim() }).subscribe({
      next: (response) => this.dialogRef.close(response),
      error: (error: unknown) => {
        this.saving.set(false);
        const failure = reassignFailure(error);
        const details = failure === 'caseloadFull' && error instanceof HttpErrorResponse && isApiErrorResponse(error.error) ? error.error.caseload : undefined;
        const manager = this.data.managers.find((m) => m.id === details?.managerId);
        this.fullLimit.set(details ? { name: manager ? isolate(`${manager.firstName} ${manager.lastName}`) : '', limit: details.maximum } : null);
        this.failure.set(failure);
      },
    });
  }
}
