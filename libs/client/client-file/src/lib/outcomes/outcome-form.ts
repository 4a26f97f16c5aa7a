import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { OutcomesApi } from '@wegweiser/client/data-access';
import {
  B1_OR_HIGHER,
  B1OrHigher,
  EMPLOYMENT_KINDS,
  EmploymentKind,
  OUTCOME_KINDS,
  OutcomeCreatedResponse,
  OutcomeEffectsResponse,
  OutcomeKind,
} from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../client-file-store';
import { localDate } from '../conversation-form/conversation-defaults';
import { notAfterToday, todayDate } from './outcome-dates';
import { saveProblem } from './outcome-problem';
import { OUTCOME_FIELDS, OutcomeDetailField, outcomeRequest } from './outcome-request';

/** Limits of the API's DTO. */
export const OUTCOME_TEXT_LIMITS = { certificate: 100, description: 200 } as const;

const DETAIL_FIELDS: readonly OutcomeDetailField[] = ['endedOn', 'completed', 'level', 'certificate', 'employmentKind', 'fullTime', 'matchesQualification', 'description'];

/** `endedOn` not before the outcome's start (`achievedOn` of the same form). */
export function notBeforeStart(control: AbstractControl<string>): ValidationErrors | null {
  const start = control.parent?.get('achievedOn')?.value as string | undefined;
  return control.value && start && control.value < start ? { endsBeforeStart: true } : null;
}

/**
 * A date before the client's support start only when "bei Beginn vorhanden" is ticked (`beforeSupportStart`), and
 * that box only for a date up to the start (`afterSupportStart`): the API's rules, checked before sending.
 */
export function supportStartRule(supportStart: () => string | null) {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const start = supportStart();
    const present = control.parent?.get('presentAtStart')?.value === true;
    if (!start || !control.value) return null;
    if (control.value < start && !present) return { beforeSupportStart: true };
    if (control.value > start && present) return { afterSupportStart: true };
    return null;
  };
}

/** The text key of a control's first error (`outcomeEditor.errors.<code>`). */
export function outcomeErrorKey(control: FormControl<unknown>): string | null {
  const errors = control.errors;
  if (!errors) return null;
  if (errors['required']) return 'required';
  return Object.keys(errors)[0] ?? null;
}

/**
 * Records an outcome: first the kind, then only the details that kind takes;
 * the date defaults to today. Field errors of the API appear at the fields.
 * Reloads the file after saving (a B1 also achieves language goals).
 */
@Component({
  selector: 'ww-outcome-form',
  imports: [ReactiveFormsModule, MatButton, MatCheckbox, MatFormFieldModule, MatInput, MatProgressBar, MatRadioModule, MatSelectModule, TranslocoDirective, TranslocoPipe],
  templateUrl: './outcome-form.html',
  styleUrl: './outcome-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomeForm {
  private readonly api = inject(OutcomesApi);
  private readonly store = inject(ClientFileStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  /** Cancelled or saved. */
  readonly closed = output<void>();

  protected readonly kinds = OUTCOME_KINDS;
  protected readonly levels = B1_OR_HIGHER;
  protected readonly employmentKinds = EMPLOYMENT_KINDS;
  protected readonly limits = OUTCOME_TEXT_LIMITS;
  protected readonly saving = signal(false);
  /** A root translation key (`errors.<code>`) of a failed save. */
  protected readonly problem = signal<string | null>(null);
  protected readonly kind = signal<OutcomeKind | null>(null);
  /** The latest date a picker offers: nothing that happened lies in the future. */
  protected readonly today = todayDate();

  protected readonly outcome = this.buildForm(inject(NonNullableFormBuilder));

  constructor() {
    // Opened on request: start at the first choice.
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => host.querySelector<HTMLElement>('input')?.focus());
    const c = this.outcome.controls;
    this.showFieldsOf(null);
    c.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => this.showFieldsOf(kind));
    c.achievedOn.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => c.endedOn.updateValueAndValidity());
    c.presentAtStart.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      c.achievedOn.updateValueAndValidity();
      c.achievedOn.markAsTouched();
    });
  }

  private buildForm(fb: NonNullableFormBuilder) {
    const supportStart = () => this.store.file()?.client.supportStart ?? null;
    return fb.group({
      kind: fb.control<OutcomeKind | null>(null, Validators.required),
      achievedOn: fb.control(localDate(new Date()), [Validators.required, notAfterToday, supportStartRule(supportStart)]),
      presentAtStart: fb.control(false),
      endedOn: fb.control('', [notBeforeStart, notAfterToday]),
      completed: fb.control<boolean | null>(null),
      level: fb.control<B1OrHigher | null>('B1', Validators.required),
      certificate: fb.control('', Validators.maxLength(OUTCOME_TEXT_LIMITS.certificate)),
      employmentKind: fb.control<EmploymentKind | null>(null, Validators.required),
      fullTime: fb.control<boolean | null>(null, Validators.required),
      matchesQualification: fb.control<boolean | null>(null, Validators.required),
      description: fb.control('', Validators.maxLength(OUTCOME_TEXT_LIMITS.description)),
    });
  }

  /** True while something was entered and not saved (for leaving the page). */
  hasUnsavedChanges(): boolean {
    return this.outcome.dirty && !this.saving();
  }

  /** Enables exactly the details of the kind (disabled controls are neither validated nor sent). */
  private showFieldsOf(kind: OutcomeKind | null): void {
    this.kind.set(kind);
    const fields = kind ? OUTCOME_FIELDS[kind] : [];
    for (const field of DETAIL_FIELDS) {
      const control = this.outcome.controls[field];
      if (fields.includes(field)) control.enable({ emitEvent: false });
      else control.disable({ emitEvent: false });
    }
  }

  protected errorKey(control: FormControl<unknown>): string | null {
    return outcomeErrorKey(control);
  }

  protected saveOnShortcut(event: Event): void {
    event.preventDefault();
    this.save();
  }

  protected cancel(): void {
    this.outcome.markAsPristine();
    this.closed.emit();
  }

  protected save(): void {
    const file = this.store.file();
    if (this.saving() || !file) return;
    this.problem.set(null);
    const value = this.outcome.getRawValue();
    if (this.outcome.invalid || !value.kind) {
      this.outcome.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.api.createOutcome(file.client.id, outcomeRequest({ ...value, kind: value.kind })).subscribe({
      next: (created) => {
        this.saving.set(false);
        this.outcome.markAsPristine();
        this.announce(created);
        this.closed.emit();
        this.store.reload();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = saveProblem(error);
        for (const [field, code] of Object.entries(problem.fields)) {
          const control = this.outcome.get(field);
          control?.setErrors({ [code]: true });
          control?.markAsTouched();
        }
        this.problem.set(problem.messageKey);
      },
    });
  }

  /**
   * "Ergebnis gespeichert"; when the certificate closed goals or raised the German level, the snackbar names them
   * and offers "Rückgängig" (the API restores both and keeps the trace in the timeline).
   */
  private announce(created: OutcomeCreatedResponse): void {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(`clientFile.outcomeEditor.${key}`, params);
    const message = outcomeEffectsMessage(created.effects, t);
    if (!message) {
      this.snackBar.open(t('saved'), undefined, { duration: 4000 });
      return;
    }
    const clientId = created.clientId;
    const ref = this.snackBar.open(message, t('undo'), { duration: 15000, politeness: 'polite' });
    ref.onAction().subscribe(() =>
      this.api.undoOutcome(clientId, created.id, created.version).subscribe(() => {
        this.snackBar.open(t('undone'), undefined, { duration: 4000 });
        this.store.reload();
      }),
    );
  }
}

/** The snackbar text for what a certificate changed (closed goals by name, the German level), or null when nothing. */
export function outcomeEffectsMessage(effects: OutcomeEffectsResponse, t: (key: string, params?: Record<string, unknown>) => string): string | null {
  const parts: string[] = [];
  if (effects.closedGoals.length > 0) {
    const goals = effects.closedGoals.map((goal) => `„${goal.target}“`).join(', ');
    parts.push(t('closedGoals', { count: effects.closedGoals.length, goals }));
  }
  if (effects.germanLevel) parts.push(t('germanLevelRaised', { level: effects.germanLevel.to }));
  return parts.length > 0 ? `${t('saved')}. ${parts.join(' ')}` : null;
}
