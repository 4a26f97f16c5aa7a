import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { EvaluationApi, isApiErrorResponse } from '@wegweiser/client/data-access';
import { EVALUATION_K } from '@wegweiser/shared/contracts';
import { finalize } from 'rxjs';
import { errorKey, integer } from '../report-request';

type SaveState = { status: 'idle' } | { status: 'saved'; k: number } | { status: 'failed'; messageKey: 'policy.failed' | 'policy.forbidden' | 'policy.network' };

/**
 * "Geheimhaltung" (administrators): the municipality's disclosure threshold k, an integer from 5 to 100.
 * Saved with feedback (a live status); the API's field error shows at the field.
 */
@Component({
  selector: 'ww-policy-card',
  imports: [ReactiveFormsModule, MatButton, MatFormFieldModule, MatInput, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'evaluation'">
      <section class="policy" aria-labelledby="evaluation-policy-title">
        <h2 id="evaluation-policy-title">{{ t('policy.title') }}</h2>
        <p class="policy__intro">{{ t('policy.intro', limits) }}</p>
        <form class="policy__form" [formGroup]="form" [attr.aria-busy]="saving()" (ngSubmit)="save()">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ t('policy.k') }}</mat-label>
            <input matInput type="number" inputmode="numeric" formControlName="k" [min]="limits.min" [max]="limits.max" step="1" required />
            <mat-hint>{{ t('policy.hint', limits) }}</mat-hint>
            <mat-error>{{ t('form.errors.' + errorKey(control), limits) }}</mat-error>
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="saving()">{{ t('policy.save') }}</button>
        </form>
        <p class="policy__status" role="status">
          @switch (state().status) {
            @case ('saved') {
              {{ t('policy.saved', { k: savedK() }) }}
            }
          }
        </p>
        <p class="policy__problem" role="alert">
          @if (failure(); as key) {
            {{ t(key) }}
          }
        </p>
      </section>
    </ng-container>
  `,
  styles: `
    .policy {
      border: 1px solid var(--mat-sys-outline-variant, #c4c7c5);
      border-radius: 0.75rem;
      padding: 1rem 1.25rem;
      margin-block: 1rem;
      max-width: 40rem;
    }
    .policy h2 { margin-block-start: 0; }
    .policy__form { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0.75rem; }
    .policy__form mat-form-field { width: min(100%, 16rem); }
    .policy__form button { margin-block-start: 0.5rem; }
    .policy__status, .policy__problem { margin: 0.5rem 0 0; }
    .policy__problem { color: var(--mat-sys-error, #b3261e); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PolicyCard {
  private readonly api = inject(EvaluationApi);

  /** The k in force (from `GET /api/evaluation/policy`). */
  readonly k = input.required<number>();
  /** Emits the new k once saved. */
  readonly changed = output<number>();

  protected readonly limits = EVALUATION_K;
  protected readonly errorKey = errorKey;
  protected readonly control = new FormControl<number | null>(null, [Validators.required, Validators.min(EVALUATION_K.min), Validators.max(EVALUATION_K.max), integer]);
  protected readonly form = new FormGroup({ k: this.control });
  protected readonly saving = signal(false);
  protected readonly state = signal<SaveState>({ status: 'idle' });

  constructor() {
    effect(() => this.control.setValue(this.k()));
  }

  protected savedK(): number | null {
    const state = this.state();
    return state.status === 'saved' ? state.k : null;
  }

  protected failure(): string | null {
    const state = this.state();
    return state.status === 'failed' ? state.messageKey : null;
  }

  protected save(): void {
    if (this.saving()) return;
    this.state.set({ status: 'idle' });
    if (this.control.hasError('server')) this.control.updateValueAndValidity({ emitEvent: false });
    if (this.control.invalid) {
      this.control.markAsTouched();
      return;
    }
    this.saving.set(true);
    this.api
      .setPolicy({ k: Number(this.control.value) })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (policy) => {
          this.state.set({ status: 'saved', k: policy.k });
          this.changed.emit(policy.k);
        },
        error: (error: unknown) => this.refused(error),
      });
  }

  private refused(error: unknown): void {
    const status = error instanceof HttpErrorResponse ? error.status : -1;
    const body: unknown = error instanceof HttpErrorResponse ? error.error : null;
    const code = isApiErrorResponse(body) ? body.errors?.['k'] : undefined;
    if (status === 400 && code) {
      this.control.setErrors({ ...this.control.errors, server: code });
      this.control.markAsTouched();
      return;
    }
    this.state.set({ status: 'failed', messageKey: status === 403 ? 'policy.forbidden' : status === 0 ? 'policy.network' : 'policy.failed' });
  }
}
