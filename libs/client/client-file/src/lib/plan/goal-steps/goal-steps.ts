import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox, MatCheckboxChange } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { PlanApi } from '@wegweiser/client/data-access';
import { activeLocale } from '@wegweiser/client/ui';
import { CreateGoalStepRequest, GoalResponse, GoalStepResponse, STEP_ASSIGNEES, StepAssignee } from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../../client-file-store';
import { localDate } from '../../conversation-form/conversation-defaults';
import { PLAN_TEXT_MAX_LENGTH, PlanFailureCode, errorKey, planWriteFailure, showFieldErrors, trackUnsaved, withinWindow } from '../plan-forms';

/**
 * The agreed steps of one goal: who does what by when. With edit rights each
 * step is a checkbox (done today / open again) and a small form adds a step.
 */
@Component({
  selector: 'ww-goal-steps',
  imports: [DatePipe, ReactiveFormsModule, MatButton, MatCheckbox, MatFormFieldModule, MatInput, MatProgressBar, MatSelectModule, TranslocoDirective],
  templateUrl: './goal-steps.html',
  styleUrls: ['../../tabs/tab.scss', '../plan-editor.scss', './goal-steps.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalSteps {
  private readonly api = inject(PlanApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly store = inject(ClientFileStore);
  protected readonly locale = activeLocale(this.transloco);

  readonly goal = input.required<GoalResponse>();

  protected readonly assignees = STEP_ASSIGNEES;
  protected readonly maxLength = PLAN_TEXT_MAX_LENGTH;
  protected readonly adding = signal(false);
  protected readonly saving = signal(false);
  /** Steps being marked done or open (their checkbox is disabled meanwhile). */
  protected readonly toggling = signal<ReadonlySet<string>>(new Set());
  protected readonly failure = signal<PlanFailureCode | null>(null);
  protected readonly window = computed(() => {
    const support = this.store.file()?.support;
    return support ? { start: support.start, end: support.windowEnd } : null;
  });

  protected readonly form = this.fb.group({
    description: ['', [Validators.required, Validators.maxLength(PLAN_TEXT_MAX_LENGTH)]],
    assignee: this.fb.control<StepAssignee>('client'),
    dueOn: ['', withinWindow(() => this.window())],
  });

  protected errorKey = errorKey;

  constructor() {
    trackUnsaved(this.form);
  }

  /** Done today when checked, open again when unchecked. */
  protected toggle(step: GoalStepResponse, change: MatCheckboxChange): void {
    const clientId = this.store.file()?.client.id;
    if (!clientId) return;
    this.toggling.update((ids) => new Set([...ids, step.id]));
    const doneOn = change.checked ? localDate(new Date()) : null;
    // A failure (e.g. someone else changed the step) is shown by the global interceptor; the reload shows what is saved.
    this.api.updateStep(clientId, this.goal().id, step.id, { version: step.version, doneOn }, { handlesErrorsLocally: false }).subscribe({
      next: () => this.toggled(step),
      error: () => this.toggled(step),
    });
  }

  private toggled(step: GoalStepResponse): void {
    this.toggling.update((ids) => new Set([...ids].filter((id) => id !== step.id)));
    this.store.reload();
  }

  protected open(): void {
    this.failure.set(null);
    this.form.reset({ description: '', assignee: 'client', dueOn: '' });
    this.adding.set(true);
  }

  protected cancel(): void {
    this.form.markAsPristine();
    this.adding.set(false);
  }

  protected save(): void {
    const clientId = this.store.file()?.client.id;
    if (this.saving() || !clientId) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const body: CreateGoalStepRequest = { description: value.description.trim(), assignee: value.assignee };
    if (value.dueOn) body.dueOn = value.dueOn;
    this.saving.set(true);
    this.failure.set(null);
    this.api.createStep(clientId, this.goal().id, body).subscribe({
      next: () => {
        this.saving.set(false);
        this.form.markAsPristine();
        this.adding.set(false);
        this.snackBar.open(this.transloco.translate('clientFile.planEditor.stepAdded'), undefined, { duration: 4000 });
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
