import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { RetentionApi } from '@wegweiser/client/data-access';
import { RETENTION_LIMITS, RetentionPolicyResponse } from '@wegweiser/shared/contracts';
import { finalize } from 'rxjs';

const limits = (range: { min: number; max: number }) => [Validators.required, Validators.min(range.min), Validators.max(range.max), Validators.pattern(/^\d+$/)];

/**
 * The municipality's retention periods (`GET/PUT /api/retention/policy`).
 * The policy has no version: the last save wins, and the saved values are shown.
 */
@Component({
  selector: 'ww-policy-form',
  imports: [MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, ReactiveFormsModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'retention.policy'">
      <h2 id="policy-title">{{ t('title') }}</h2>
      @if (loadFailed()) {
        <p role="alert" class="policy__error">{{ t('failed') }}</p>
      }
      <form class="policy" novalidate [formGroup]="form" aria-labelledby="policy-title" [attr.aria-busy]="busy()" (ngSubmit)="save()">
        <mat-form-field appearance="outline">
          <mat-label>{{ t('eraseAfterMonths') }}</mat-label>
          <input matInput type="number" formControlName="eraseAfterMonths" required [min]="limits.eraseAfterMonths.min" [max]="limits.eraseAfterMonths.max" />
          <mat-hint>{{ t('range', limits.eraseAfterMonths) }}</mat-hint>
          <mat-error>{{ t('range', limits.eraseAfterMonths) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('auditRetentionMonths') }}</mat-label>
          <input
            matInput
            type="number"
            formControlName="auditRetentionMonths"
            required
            [min]="limits.auditRetentionMonths.min"
            [max]="limits.auditRetentionMonths.max"
          />
          <mat-hint>{{ t('range', limits.auditRetentionMonths) }}</mat-hint>
          <mat-error>{{ t('range', limits.auditRetentionMonths) }}</mat-error>
        </mat-form-field>
        @if (policy(); as p) {
          <p>{{ p.custom ? t('custom') : t('defaults') }}</p>
        }
        <button mat-flat-button type="submit" [disabled]="busy()">{{ t('save') }}</button>
      </form>
      <div role="status">
        @if (saved()) {
          <p>{{ t('saved') }}</p>
        }
      </div>
      <div role="alert" class="policy__error">
        @if (saveFailed()) {
          <p>{{ t('failed') }}</p>
        }
      </div>
    </ng-container>
  `,
  styles: `
    .policy {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.5rem;
    }
    .policy mat-form-field {
      width: min(100%, 24rem);
    }
    .policy__error {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PolicyForm implements OnInit {
  private readonly api = inject(RetentionApi);

  protected readonly limits = RETENTION_LIMITS;
  protected readonly form = new FormGroup({
    eraseAfterMonths: new FormControl<number | null>(null, limits(RETENTION_LIMITS.eraseAfterMonths)),
    auditRetentionMonths: new FormControl<number | null>(null, limits(RETENTION_LIMITS.auditRetentionMonths)),
  });
  protected readonly policy = signal<RetentionPolicyResponse | null>(null);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly saveFailed = signal(false);
  protected readonly loadFailed = signal(false);

  ngOnInit(): void {
    this.api.policy().subscribe({
      next: (policy) => this.show(policy),
      error: () => this.loadFailed.set(true),
    });
  }

  protected save(): void {
    const { eraseAfterMonths, auditRetentionMonths } = this.form.getRawValue();
    this.saved.set(false);
    this.saveFailed.set(false);
    if (this.busy()) return;
    if (this.form.invalid || eraseAfterMonths === null || auditRetentionMonths === null) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.api
      .savePolicy({ eraseAfterMonths, auditRetentionMonths })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (policy) => {
          this.show(policy);
          this.saved.set(true);
        },
        error: () => this.saveFailed.set(true),
      });
  }

  private show(policy: RetentionPolicyResponse): void {
    this.policy.set(policy);
    this.form.setValue({ eraseAfterMonths: policy.eraseAfterMonths, auditRetentionMonths: policy.auditRetentionMonths });
  }
}
