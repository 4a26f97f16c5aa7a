import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { PlanApi } from '@wegweiser/client/data-access';
import { activeLocale, IsolatePipe, UserText } from '@wegweiser/client/ui';
import { ClientFileStore } from '../../client-file-store';
import { localDate } from '../../conversation-form/conversation-defaults';
import { PlanFailureCode, errorKey, planWriteFailure, showFieldErrors, trackUnsaved } from '../plan-forms';
import { PlanReview } from './plan-review';

/**
 * The plan's agreement with the client: the latest agreed version (number,
 * day, by whom) and whether the plan changed since; with edit rights a day
 * ("Mit Klient:in vereinbart am", default today) and "Plan als vereinbart speichern";
 * below, the sign-off of the agreed version by the team lead (`ww-plan-review`).
 */
@Component({
  selector: 'ww-plan-agreement',
  imports: [DatePipe, ReactiveFormsModule, MatButton, MatFormFieldModule, MatInput, MatProgressBar, TranslocoDirective, PlanReview, IsolatePipe, UserText],
  templateUrl: './plan-agreement.html',
  styleUrls: ['../../tabs/tab.scss', '../plan-editor.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanAgreement {
  private readonly api = inject(PlanApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly store = inject(ClientFileStore);
  protected readonly locale = activeLocale(this.transloco);

  protected readonly plan = computed(() => this.store.file()?.plan ?? null);
  protected readonly today = localDate(new Date());
  protected readonly saving = signal(false);
  protected readonly failure = signal<PlanFailureCode | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    agreedOn: [this.today, Validators.required],
  });

  protected errorKey = errorKey;

  constructor() {
    trackUnsaved(this.form);
  }

  protected save(): void {
    const clientId = this.store.file()?.client.id;
    if (this.saving() || !clientId) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.failure.set(null);
    this.api.agree(clientId, { agreedOn: this.form.getRawValue().agreedOn }).subscribe({
      next: (agreement) => {
        this.saving.set(false);
        this.form.reset({ agreedOn: this.today });
        this.snackBar.open(this.transloco.translate('clientFile.planEditor.agreement.saved', { version: agreement.version }), undefined, { duration: 4000 });
        this.store.reload();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const failure = planWriteFailure(error);
        if (!showFieldErrors(this.form, failure.fields) || Object.keys(failure.fields).length === 0) this.failure.set(failure.code);
      },
    });
  }
}
