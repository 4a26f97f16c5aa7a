import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { RetentionApi } from '@wegweiser/client/data-access';
import { RetentionDryRunResponse } from '@wegweiser/shared/contracts';
import { finalize } from 'rxjs';

/** Today in the browser's calendar as `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "Probelauf": the case numbers the retention job would erase on a reference date; changes nothing. */
@Component({
  selector: 'ww-dry-run',
  imports: [MatButton, MatFormField, MatInput, MatLabel, ReactiveFormsModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'retention.dryRun'">
      <h2 id="dry-run-title">{{ t('title') }}</h2>
      <p>{{ t('hint') }}</p>
      <form class="dry-run__form" novalidate aria-labelledby="dry-run-title" [attr.aria-busy]="busy()" (submit)="$event.preventDefault(); run()">
        <mat-form-field appearance="outline">
          <mat-label>{{ t('today') }}</mat-label>
          <input matInput type="date" required [formControl]="today" />
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ t('run') }}</button>
      </form>
      <div role="alert" class="dry-run__error">
        @if (failed()) {
          <p>{{ t('failed') }}</p>
        }
      </div>
      <div role="status">
        @if (result(); as r) {
          <p>{{ r.caseNumbers.length ? t('count', { count: r.caseNumbers.length }) : t('empty') }}</p>
          @if (r.onHold) {
            <p>{{ t('onHold', { count: r.onHold }) }}</p>
          }
        }
      </div>
      @if (result()?.caseNumbers?.length) {
        <table class="dry-run__table">
          <caption>{{ t('caption') }}</caption>
          <thead>
            <tr><th scope="col">{{ t('caseNumber') }}</th></tr>
          </thead>
          <tbody>
            @for (caseNumber of result()!.caseNumbers; track caseNumber) {
              <tr><td>{{ caseNumber }}</td></tr>
            }
          </tbody>
        </table>
      }
    </ng-container>
  `,
  styles: `
    .dry-run__form {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 1rem;
    }
    .dry-run__error {
      color: var(--mat-sys-error, #b3261e);
    }
    .dry-run__table {
      border-collapse: collapse;
    }
    .dry-run__table caption {
      text-align: start;
      font-weight: 500;
    }
    .dry-run__table th,
    .dry-run__table td {
      text-align: start;
      padding: 0.25rem 1rem 0.25rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant, #c4c7c5);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DryRun {
  private readonly api = inject(RetentionApi);

  protected readonly today = new FormControl(localToday(), { nonNullable: true, validators: [Validators.required] });
  protected readonly result = signal<RetentionDryRunResponse | null>(null);
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);

  protected run(): void {
    if (this.busy()) return;
    this.failed.set(false);
    this.result.set(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.today.value)) {
      this.failed.set(true);
      return;
    }
    this.busy.set(true);
    this.api
      .dryRun(this.today.value)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (result) => this.result.set(result),
        error: () => this.failed.set(true),
      });
  }
}
