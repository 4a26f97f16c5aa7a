import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { PartnerAdminApi, refusedForbiddenCharacters } from '@wegweiser/client/data-access';
import { PARTNER_ERROR_CODES, PARTNER_FIELD_LIMITS, PARTNER_TOPICS, PartnerOfferResponse, PartnerTopic } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { parseLanguages } from '../partner-filter';

export interface OfferDialogData {
  partnerId: string;
  /** `null`: a new offer. */
  offer: PartnerOfferResponse | null;
}

const optional = (value: string, forUpdate: boolean) => (value.trim() ? value.trim() : forUpdate ? null : undefined) as string | undefined;

/** "Angebot hinzufügen / bearbeiten": topic, title, description, languages, target group, Zugangsweg, active. Closes with the saved offer. */
@Component({
  selector: 'ww-offer-dialog',
  imports: [MatButton, MatCheckbox, MatDialogModule, MatError, MatFormField, MatHint, MatInput, MatLabel, ReactiveFormsModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'partnerAdmin'">
      <h2 mat-dialog-title>{{ data.offer ? t('offerDialog.editTitle') : t('offerDialog.createTitle') }}</h2>
      <form novalidate [formGroup]="form" (ngSubmit)="save()">
        <mat-dialog-content class="fields">
          <mat-form-field appearance="outline">
            <mat-label>{{ t('offerDialog.topic') }}</mat-label>
            <select matNativeControl formControlName="topic">
              @for (topic of topics; track topic) {
                <option [value]="topic">{{ t('topics.' + topic) }}</option>
              }
            </select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('offerDialog.title') }}</mat-label>
            <input matInput formControlName="title" dir="auto" required />
            <mat-error>{{ t('form.required') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('offerDialog.description') }}</mat-label>
            <textarea matInput formControlName="description" dir="auto" rows="2"></textarea>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('offerDialog.languages') }}</mat-label>
            <input matInput formControlName="languages" dir="auto" />
            <mat-hint>{{ t('form.languagesHint') }}</mat-hint>
            <mat-error>{{ t('form.invalidLanguages') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('offerDialog.targetGroup') }}</mat-label>
            <input matInput formControlName="targetGroup" dir="auto" />
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('offerDialog.accessRoute') }}</mat-label>
            <textarea matInput formControlName="accessRoute" dir="auto" rows="2"></textarea>
          </mat-form-field>
          @if (data.offer) {
            <mat-checkbox formControlName="active">{{ t('offerDialog.active') }}</mat-checkbox>
          }
          <div role="alert" class="error">
            @if (problem(); as key) {
              <p>{{ key === 'titleTaken' ? t('offerDialog.titleTaken') : key === 'stale' ? t('stale') : key === 'forbiddenCharacters' ? t('forbiddenCharacters') : t('saveFailed') }}</p>
            }
          </div>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('offerDialog.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()">{{ t('offerDialog.save') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .error {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfferDialog {
  private readonly api = inject(PartnerAdminApi);
  private readonly ref = inject<MatDialogRef<OfferDialog, PartnerOfferResponse>>(MatDialogRef);
  protected readonly data = inject<OfferDialogData>(MAT_DIALOG_DATA);

  protected readonly topics = PARTNER_TOPICS;
  protected readonly form = new FormGroup({
    topic: new FormControl<PartnerTopic>(this.data.offer?.topic ?? 'language', { nonNullable: true }),
    title: new FormControl(this.data.offer?.title ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(PARTNER_FIELD_LIMITS.title)] }),
    description: new FormControl(this.data.offer?.description ?? '', { nonNullable: true, validators: [Validators.maxLength(PARTNER_FIELD_LIMITS.description)] }),
    languages: new FormControl((this.data.offer?.languages ?? []).join(', '), {
      nonNullable: true,
      validators: [(c) => (parseLanguages(String(c.value)) ? null : { languages: true })],
    }),
    targetGroup: new FormControl(this.data.offer?.targetGroup ?? '', { nonNullable: true, validators: [Validators.maxLength(PARTNER_FIELD_LIMITS.targetGroup)] }),
    accessRoute: new FormControl(this.data.offer?.accessRoute ?? '', { nonNullable: true, validators: [Validators.maxLength(PARTNER_FIELD_LIMITS.accessRoute)] }),
    active: new FormControl(this.data.offer?.active ?? true, { nonNullable: true }),
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<'titleTaken' | 'stale' | 'forbiddenCharacters' | 'failed' | null>(null);

  static open(dialog: MatDialog, data: OfferDialogData): Observable<PartnerOfferResponse | undefined> {
    return dialog.open<OfferDialog, OfferDialogData, PartnerOfferResponse>(OfferDialog, { data, width: 'min(40rem, 95vw)' }).afterClosed();
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const offer = this.data.offer;
    const fields = {
      topic: v.topic,
      title: v.title.trim(),
      description: optional(v.description, offer !== null),
      languages: parseLanguages(v.languages) ?? [],
      targetGroup: optional(v.targetGroup, offer !== null),
      accessRoute: optional(v.accessRoute, offer !== null),
    };
    this.busy.set(true);
    this.problem.set(null);
    const call = offer
      ? this.api.updateOffer(this.data.partnerId, offer.id, { ...fields, active: v.active, version: offer.version })
      : this.api.createOffer(this.data.partnerId, fields);
    call.subscribe({
      next: (saved) => this.ref.close(saved),
      error: (error: unknown) => {
        this.busy.set(false);
        const code = error instanceof HttpErrorResponse ? (error.error as { code?: string } | null)?.code : undefined;
        this.problem.set(
          code === PARTNER_ERROR_CODES.offerTitleTaken ? 'titleTaken' : code === 'staleVersion' ? 'stale' : refusedForbiddenCharacters(error) ? 'forbiddenCharacters' : 'failed',
        );
      },
    });
  }
}
