import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, output, signal } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { OutcomesApi } from '@wegweiser/client/data-access';
import { ClientFileResponse, CreateSoftRatingRequest, SOFT_RATING_SCALE } from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../client-file-store';
import { localDate } from '../conversation-form/conversation-defaults';
import { notAfterToday, todayDate } from './outcome-dates';
import { outcomeErrorKey } from './outcome-form';
import { saveProblem } from './outcome-problem';
import { RATING_SERIES } from './rating-chart-scale';

/** "Not employed": no quality of employment to rate. */
export const NOT_EMPLOYED = 'none';
type EmploymentQualityChoice = number | typeof NOT_EMPLOYED;

/** Whether the client has an employment that has not ended (then its quality is asked for, not preset to "not employed"). */
export function isEmployed(file: ClientFileResponse | null): boolean {
  return (file?.outcomes ?? []).some((o) => o.kind === 'employment' && o.endedOn === null);
}

/**
 * Records a soft rating: the date (today) and health, social environment and
 * quality of employment from 1 (poor) to 5 (good), the last one "not
 * employed" unless the client has a current employment.
 */
@Component({
  selector: 'ww-rating-form',
  imports: [ReactiveFormsModule, MatButton, MatButtonToggleModule, MatFormFieldModule, MatInput, MatProgressBar, TranslocoDirective],
  templateUrl: './rating-form.html',
  styleUrl: './outcome-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RatingForm {
  private readonly api = inject(OutcomesApi);
  private readonly store = inject(ClientFileStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  /** Cancelled or saved. */
  readonly closed = output<void>();

  protected readonly factors = RATING_SERIES;
  protected readonly values = Array.from({ length: SOFT_RATING_SCALE.max - SOFT_RATING_SCALE.min + 1 }, (_, i) => SOFT_RATING_SCALE.min + i);
  protected readonly notEmployed = NOT_EMPLOYED;
  protected readonly saving = signal(false);
  /** The latest date the picker offers (a rating is never dated ahead). */
  protected readonly today = todayDate();

  protected readonly rating = this.buildForm(inject(NonNullableFormBuilder));

  constructor() {
    // Opened on request: start at the first field.
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => host.querySelector<HTMLElement>('input')?.focus());
  }

  private buildForm(fb: NonNullableFormBuilder) {
    return fb.group({
      ratedOn: fb.control(localDate(new Date()), [Validators.required, notAfterToday]),
      health: fb.control<number | null>(null, Validators.required),
      socialEnvironment: fb.control<number | null>(null, Validators.required),
      employmentQuality: fb.control<EmploymentQualityChoice | null>(isEmployed(this.store.file()) ? null : NOT_EMPLOYED, Validators.required),
    });
  }

  /** True while something was entered and not saved (for leaving the page). */
  hasUnsavedChanges(): boolean {
    return this.rating.dirty && !this.saving();
  }

  protected control(factor: (typeof RATING_SERIES)[number]): FormControl<EmploymentQualityChoice | null> {
    return this.rating.controls[factor] as FormControl<EmploymentQualityChoice | null>;
  }

  protected dateErrorKey(): string | null {
    return outcomeErrorKey(this.rating.controls.ratedOn);
  }

  protected saveOnShortcut(event: Event): void {
    event.preventDefault();
    this.save();
  }

  protected cancel(): void {
    this.rating.markAsPristine();
    this.closed.emit();
  }

  protected save(): void {
    const file = this.store.file();
    if (this.saving() || !file) return;
    const value = this.rating.getRawValue();
    if (this.rating.invalid || value.health === null || value.socialEnvironment === null) {
      this.rating.markAllAsTouched();
      return;
    }
    const body: CreateSoftRatingRequest = {
      ratedOn: value.ratedOn,
      health: value.health,
      socialEnvironment: value.socialEnvironment,
      employmentQuality: value.employmentQuality === NOT_EMPLOYED ? null : value.employmentQuality,
    };
    this.saving.set(true);
    this.api.createRating(file.client.id, body).subscribe({
      next: () => {
        this.saving.set(false);
        this.rating.markAsPristine();
        this.snackBar.open(this.transloco.translate('clientFile.outcomeEditor.rating.saved'), undefined, { duration: 4000 });
        this.closed.emit();
        this.store.reload();
      },
      // The global interceptor shows the API's message; a field the API names shows its error there (what was typed stays).
      error: (error: unknown) => {
        this.saving.set(false);
        for (const [field, code] of Object.entries(saveProblem(error).fields)) {
          const control = this.rating.get(field);
          control?.setErrors({ [code]: true });
          control?.markAsTouched();
        }
      },
    });
  }
}
