import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { PlanApi } from '@wegweiser/client/data-access';
import { activeLocale } from '@wegweiser/client/ui';
import { CEFR_LEVELS, CefrLevel, CreateGoalRequest, FIELDS_OF_ACTION, FieldOfAction, GOAL_STATES, GoalState } from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../../client-file-store';
import { PLAN_TEXT_MAX_LENGTH, PlanFailureCode, errorKey, planWriteFailure, showFieldErrors, trackUnsaved, withinWindow } from '../plan-forms';

/**
 * "Ziel hinzufügen": field of action, target, target level (language goals
 * only, then required), due date (default: end of the support window, and
 * inside it) and the state to start with.
 */
@Component({
  selector: 'ww-goal-create-form',
  imports: [DatePipe, ReactiveFormsModule, MatButton, MatFormFieldModule, MatInput, MatProgressBar, MatSelectModule, TranslocoDirective],
  templateUrl: './goal-create-form.html',
  styleUrl: '../plan-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalCreateForm {
  private readonly api = inject(PlanApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly store = inject(ClientFileStore);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly locale = activeLocale(this.transloco);

  /** Emitted after saving or when the user cancels. */
  readonly closed = output<void>();

  protected readonly fields = FIELDS_OF_ACTION;
  protected readonly levels = CEFR_LEVELS;
  protected readonly states = GOAL_STATES;
  protected readonly maxLength = PLAN_TEXT_MAX_LENGTH;
  protected readonly saving = signal(false);
  protected readonly failure = signal<PlanFailureCode | null>(null);
  protected readonly window = computed(() => {
    const support = this.store.file()?.support;
    return support ? { start: support.start, end: support.windowEnd } : null;
  });

  protected readonly form = this.fb.group({
    fieldOfAction: this.fb.control<FieldOfAction | null>(null, Validators.required),
    target: ['', [Validators.required, Validators.maxLength(PLAN_TEXT_MAX_LENGTH)]],
    targetLevel: this.fb.control<CefrLevel | null>(null),
    dueOn: [this.window()?.end ?? '', [Validators.required, withinWindow(() => this.window())]],
    state: this.fb.control<GoalState>('open'),
  });

  private readonly field = toSignal(this.form.controls.fieldOfAction.valueChanges, { initialValue: null });
  /** The target level is asked for (and required) only for language goals. */
  protected readonly isLanguage = computed(() => this.field() === 'language');

  protected errorKey = errorKey;

  constructor() {
    trackUnsaved(this.form);
    this.form.controls.fieldOfAction.valueChanges.pipe(takeUntilDestroyed()).subscribe((field) => {
      const level = this.form.controls.targetLevel;
      level.setValidators(field === 'language' ? Validators.required : null);
      if (field !== 'language') level.setValue(null);
      level.updateValueAndValidity();
    });
  }

  protected save(): void {
    const clientId = this.store.file()?.client.id;
    if (this.saving() || !clientId) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const body: CreateGoalRequest = {
      fieldOfAction: value.fieldOfAction as FieldOfAction,
      target: value.target.trim(),
      dueOn: value.dueOn,
      state: value.state,
    };
    if (value.fieldOfAction === 'language' && value.targetLevel) body.targetLevel = value.targetLevel;
    this.saving.set(true);
    this.failure.set(null);
    this.api.createGoal(clientId, body).subscribe({
      next: () => {
        this.saving.set(false);
        this.form.markAsPristine();
        this.snackBar.open(this.transloco.translate('clientFile.planEditor.goalAdded'), undefined, { duration: 4000 });
        this.closed.emit();
        this.store.reload();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const failure = planWriteFailure(error);
        if (!showFieldErrors(this.form, failure.fields) || Object.keys(failure.fields).length === 0) this.failure.set(failure.code);
      },
    });
  }

  protected cancel(): void {
    this.form.markAsPristine();
    this.closed.emit();
  }
}
