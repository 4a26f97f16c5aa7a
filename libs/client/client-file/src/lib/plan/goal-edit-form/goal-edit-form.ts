import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, OnInit, afterNextRender, computed, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { PlanApi } from '@wegweiser/client/data-access';
import { ConflictField, activeLocale, openConflictDialog } from '@wegweiser/client/ui';
import { CEFR_LEVELS, CefrLevel, GoalResponse, UpdateGoalRequest } from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../../client-file-store';
import { PLAN_TEXT_MAX_LENGTH, PlanFailureCode, errorKey, isStaleVersion, planWriteFailure, showFieldErrors, trackUnsaved, withinWindow } from '../plan-forms';

/** What the edit form changes of a goal. */
export interface GoalEdit {
  target: string;
  dueOn: string;
  targetLevel: CefrLevel | null;
}

/** The fields where the user's input and the goal as saved now differ (language goals compare the level too). */
export function conflictingFields(mine: GoalEdit, theirs: GoalResponse): (keyof GoalEdit)[] {
  const fields: (keyof GoalEdit)[] = [];
  if (mine.target.trim() !== theirs.target) fields.push('target');
  if (mine.dueOn !== theirs.dueOn) fields.push('dueOn');
  if (theirs.fieldOfAction === 'language' && mine.targetLevel !== theirs.targetLevel) fields.push('targetLevel');
  return fields;
}

/**
 * "Ziel bearbeiten": target, due date and (language goals) target level of
 * one goal. Saves with the version it was opened with; when someone else
 * saved meanwhile (409 `staleVersion`) it shows the conflict dialog: keep
 * mine saves again over the current version, take theirs fills the form
 * with what is saved now; closing the dialog keeps the user's input.
 */
@Component({
  selector: 'ww-goal-edit-form',
  imports: [DatePipe, ReactiveFormsModule, MatButton, MatFormFieldModule, MatInput, MatProgressBar, MatSelectModule, TranslocoDirective],
  templateUrl: './goal-edit-form.html',
  styleUrl: '../plan-editor.scss',
  providers: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalEditForm implements OnInit {
  private readonly api = inject(PlanApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly datePipe = inject(DatePipe);
  private readonly store = inject(ClientFileStore);
  protected readonly locale = activeLocale(this.transloco);

  readonly goal = input.required<GoalResponse>();
  /** Emitted after saving or when the user cancels. */
  readonly closed = output<void>();

  protected readonly levels = CEFR_LEVELS;
  protected readonly maxLength = PLAN_TEXT_MAX_LENGTH;
  protected readonly saving = signal(false);
  protected readonly failure = signal<PlanFailureCode | null>(null);
  protected readonly window = computed(() => {
    const support = this.store.file()?.support;
    return support ? { start: support.start, end: support.windowEnd } : null;
  });
  protected readonly isLanguage = computed(() => this.goal().fieldOfAction === 'language');

  /** The version the form's values are based on (the one opened, or the one taken over). */
  private version = 0;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    target: ['', [Validators.required, Validators.maxLength(PLAN_TEXT_MAX_LENGTH)]],
    dueOn: ['', [Validators.required, withinWindow(() => this.window())]],
    targetLevel: this.fb.control<CefrLevel | null>(null),
  });

  constructor() {
    trackUnsaved(this.form);
    // Opened in place: the focus moves into the form.
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => host.querySelector<HTMLElement>('textarea')?.focus());
  }

  ngOnInit(): void {
    this.fill(this.goal());
    if (this.isLanguage()) this.form.controls.targetLevel.addValidators(Validators.required);
  }

  protected errorKey = errorKey;

  protected save(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.send(this.version);
  }

  protected cancel(): void {
    this.form.markAsPristine();
    this.closed.emit();
  }

  private fill(goal: GoalResponse): void {
    this.version = goal.version;
    this.form.reset({ target: goal.target, dueOn: goal.dueOn, targetLevel: goal.targetLevel });
  }

  private mine(): GoalEdit {
    const value = this.form.getRawValue();
    return { target: value.target.trim(), dueOn: value.dueOn, targetLevel: this.isLanguage() ? value.targetLevel : null };
  }

  private send(version: number): void {
    const mine = this.mine();
    const body: UpdateGoalRequest = { version, target: mine.target, dueOn: mine.dueOn };
    if (this.isLanguage() && mine.targetLevel) body.targetLevel = mine.targetLevel;
    const clientId = this.clientId();
    this.saving.set(true);
    this.failure.set(null);
    this.api.updateGoal(clientId, this.goal().id, body).subscribe({
      next: () => {
        this.saving.set(false);
        this.form.markAsPristine();
        this.snackBar.open(this.transloco.translate('clientFile.planEditor.goalSaved'), undefined, { duration: 4000 });
        this.closed.emit();
        this.store.reload();
      },
      error: (error: unknown) => (isStaleVersion(error) ? this.resolveConflict(mine) : this.showFailure(error)),
    });
  }

  /** Reads the goal as saved now and lets the user choose; nothing typed is lost unless they take the saved version. */
  private resolveConflict(mine: GoalEdit): void {
    this.api.plan(this.clientId()).subscribe({
      next: (plan) => {
        const theirs = plan.goals.find((goal) => goal.id === this.goal().id);
        if (!theirs) {
          this.saving.set(false);
          this.failure.set('notFound');
          return;
        }
        const fields = conflictingFields(mine, theirs);
        if (fields.length === 0) {
          // Only what this form does not edit changed (e.g. the state): nothing to choose.
          this.send(theirs.version);
          return;
        }
        this.saving.set(false);
        openConflictDialog(this.dialog, fields.map((field) => this.conflictField(field, mine, theirs))).subscribe((choice) => {
          if (choice === 'keepMine') this.send(theirs.version);
          else if (choice === 'takeTheirs') this.fill(theirs);
        });
      },
      error: (error: unknown) => this.showFailure(error),
    });
  }

  private conflictField(field: keyof GoalEdit, mine: GoalEdit, theirs: GoalResponse): ConflictField {
    const display = (value: string | null) =>
      field === 'dueOn' && value ? (this.datePipe.transform(value, 'mediumDate', undefined, this.locale()) ?? value) : (value ?? '');
    return {
      label: this.transloco.translate(`clientFile.planEditor.${field}`),
      mine: display(mine[field]),
      theirs: display(theirs[field]),
    };
  }

  private showFailure(error: unknown): void {
    this.saving.set(false);
    const failure = planWriteFailure(error);
    const allShown = showFieldErrors(this.form, failure.fields);
    if (!allShown || Object.keys(failure.fields).length === 0) this.failure.set(failure.code);
  }

  private clientId(): string {
    return this.store.file()?.client.id ?? '';
  }
}
