import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, signal, Injector } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { OutcomesApi } from '@wegweiser/client/data-access';
import { activeLocale } from '@wegweiser/client/ui';
import { OutcomeResponse } from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../client-file-store';
import { localDate } from '../conversation-form/conversation-defaults';
import { notAfterToday, todayDate } from './outcome-dates';
import { outcomeErrorKey } from './outcome-form';
import { saveProblem } from './outcome-problem';

/**
 * Records the end of an employment, apprenticeship or studies (`endedOn`, not
 * after today; for training also with or without the qualification), PATCH
 * with the version read. A stale version reloads the file.
 */
@Component({
  selector: 'ww-outcome-end',
  imports: [DatePipe, ReactiveFormsModule, MatButton, MatFormFieldModule, MatInput, MatRadioModule, TranslocoDirective, TranslocoPipe],
  templateUrl: './outcome-end.html',
  styleUrl: './outcome-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomeEnd {
  private readonly api = inject(OutcomesApi);
  private readonly store = inject(ClientFileStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly outcome = input.required<OutcomeResponse>();

  protected readonly locale = activeLocale(this.transloco);
  protected readonly open = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly today = todayDate();
  protected readonly end = inject(NonNullableFormBuilder).group({
    endedOn: [localDate(new Date()), [Validators.required, notAfterToday]],
    completed: [null as boolean | null],
  });
  private readonly endedOn = this.end.controls.endedOn;
  protected readonly completed = this.end.controls.completed;

  /** Apprenticeship and studies end with or without the qualification. */
  protected isTraining(): boolean {
    const kind = this.outcome().kind;
    return kind === 'apprenticeship' || kind === 'studies';
  }

  /** True while an end was entered and not saved. */
  hasUnsavedChanges(): boolean {
    return this.open() && this.end.dirty && !this.saving();
  }

  protected errorKey(control: 'endedOn' | 'completed' = 'endedOn'): string | null {
    return outcomeErrorKey(this.end.controls[control]);
  }

  protected show(): void {
    this.open.set(true);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLInputElement>('input')?.focus(), { injector: this.injector });
  }

  protected cancel(): void {
    this.end.reset();
    this.problem.set(null);
    this.open.set(false);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLButtonElement>('button')?.focus(), { injector: this.injector });
  }

  protected save(): void {
    const outcome = this.outcome();
    if (this.saving()) return;
    this.problem.set(null);
    if (this.endedOn.value && this.endedOn.value < outcome.achievedOn) this.endedOn.setErrors({ endsBeforeStart: true });
    if (this.endedOn.invalid) {
      this.endedOn.markAsTouched();
      return;
    }
    this.saving.set(true);
    const completed = this.isTraining() ? this.completed.value : null;
    this.api.updateOutcome(outcome.clientId, outcome.id, { version: outcome.version, endedOn: this.endedOn.value, ...(completed === null ? {} : { completed }) }).subscribe({
      next: () => {
        this.saving.set(false);
        this.end.markAsPristine();
        this.snackBar.open(this.transloco.translate('clientFile.outcomeEditor.end.saved'), undefined, { duration: 4000 });
        this.store.reload();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = saveProblem(error);
        for (const field of ['endedOn', 'completed'] as const) {
          const code = problem.fields[field];
          if (!code) continue;
          this.end.controls[field].setErrors({ [code]: true });
          this.end.controls[field].markAsTouched();
        }
        this.problem.set(problem.messageKey);
        // Someone else changed it meanwhile: show the current state (the message stays in the snack bar).
        if (problem.stale) {
          this.snackBar.open(this.transloco.translate(problem.messageKey), undefined, { duration: 6000 });
          this.store.reload();
        }
      },
    });
  }
}
