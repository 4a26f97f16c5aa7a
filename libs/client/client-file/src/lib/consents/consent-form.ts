import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { ConsentsApi, PartnersApi, isApiErrorResponse } from '@wegweiser/client/data-access';
import { CONSENT_LIMITS, CONSENT_RECORDINGS, ConsentRecording, ConsentResponse, CreateConsentRequest, DATA_CATEGORIES, DataCategory } from '@wegweiser/shared/contracts';
import { catchError, map, of } from 'rxjs';
import { errorKey, showFieldErrors } from '../plan/plan-forms';
import { today } from '../plan/referrals/referral-rules';
import { atLeastOne, notBeforeSibling, notInFuture, recipientGroups } from './consent-rules';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

/** Longest purpose the API accepts. */
export const PURPOSE_MAX_LENGTH = CONSENT_LIMITS.purposeMaxLength;
/** The select's value for the anonymised evaluation as recipient. */
export const EVALUATION_RECIPIENT = 'evaluation';

/** Failures the form explains itself (`consents.form.failure.<code>`). */
const FAILURE_CODES = ['caseClosed', 'notOwnCaseload', 'notFound', 'forbidden', 'validationFailed', 'network'] as const;
type FailureCode = (typeof FAILURE_CODES)[number] | 'unknown';

/** A recipient fixed by the caller (the partner of a referral): shown, not chosen. */
export interface FixedRecipient {
  id: string;
  name: string;
}

/**
 * "Einwilligung erfassen": purpose, recipient (partner, working group = all
 * its members, or the anonymised evaluation), data covered, given on, valid
 * until, how it was given. Used in the consents tab and, with the partner
 * fixed, inside the referral dialog. Focus moves into the form when it opens;
 * emits the recorded consent (or `cancelled`).
 */
@Component({
  selector: 'ww-consent-form',
  imports: [MatButton, MatCheckbox, MatFormFieldModule, MatInput, MatProgressBar, MatRadioModule, MatSelectModule, ReactiveFormsModule, TranslocoDirective, IsolatePipe, UserText],
  templateUrl: './consent-form.html',
  styleUrl: './consent-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsentForm {
  private readonly api = inject(ConsentsApi);

  readonly clientId = input.required<string>();
  /** Fixes the recipient (e.g. the partner of the referral being made). */
  readonly partner = input<FixedRecipient | null>(null);
  readonly purpose = input('');
  /** Heading level of the form's title (2 in a tab, 3 inside a dialog). */
  readonly headingLevel = input<2 | 3>(2);
  readonly saved = output<ConsentResponse>();
  readonly cancelled = output<void>();

  protected readonly categories = DATA_CATEGORIES;
  protected readonly recordings = CONSENT_RECORDINGS;
  protected readonly maxLength = PURPOSE_MAX_LENGTH;
  protected readonly evaluation = EVALUATION_RECIPIENT;
  protected readonly today = today();
  protected readonly errorKey = errorKey;

  protected readonly recipients = toSignal(
    inject(PartnersApi)
      .partners()
      .pipe(
        map((partners) => recipientGroups(partners)),
        catchError(() => of(recipientGroups([]))),
      ),
    { initialValue: null },
  );

  protected readonly form = new FormGroup({
    purpose: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(PURPOSE_MAX_LENGTH)],
    }),
    recipient: new FormControl('', {
      nonNullable: true,
      validators: Validators.required,
    }),
    dataCategories: new FormGroup(
      Object.fromEntries(DATA_CATEGORIES.map((category) => [category, new FormControl(category === 'personal', { nonNullable: true })])) as Record<
        DataCategory,
        FormControl<boolean>
      >,
      atLeastOne,
    ),
    givenOn: new FormControl(this.today, {
      nonNullable: true,
      validators: [Validators.required, notInFuture(today)],
    }),
    validUntil: new FormControl('', {
      nonNullable: true,
      validators: notBeforeSibling('givenOn'),
    }),
    recordedAs: new FormControl<ConsentRecording>('signed_paper', {
      nonNullable: true,
    }),
    filedAt: new FormControl('', { nonNullable: true, validators: Validators.maxLength(CONSENT_LIMITS.filedAtMaxLength) }),
  });

  protected readonly filedAtMaxLength = CONSENT_LIMITS.filedAtMaxLength;
  /** The filing place is asked for a consent signed on paper only. */
  protected readonly onPaper = toSignal(this.form.controls.recordedAs.valueChanges.pipe(map((recording) => recording === 'signed_paper')), {
    initialValue: true,
  });

  protected readonly saving = signal(false);
  protected readonly failure = signal<FailureCode | null>(null);
  protected readonly titleId = `consent-form-title-${nextId++}`;
  protected readonly fixed = computed(() => this.partner());

  private readonly firstField = viewChild.required<ElementRef<HTMLElement>>('first');

  constructor() {
    afterNextRender(() => {
      const fixed = this.partner();
      if (fixed) this.form.controls.recipient.setValue(fixed.id);
      if (this.purpose()) this.form.controls.purpose.setValue(this.purpose());
      this.firstField().nativeElement.focus();
    });
    this.form.controls.givenOn.valueChanges.subscribe(() =>
      this.form.controls.validUntil.updateValueAndValidity({
        emitEvent: false,
      }),
    );
  }

  protected save(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const recipient = this.partner()?.id ?? value.recipient;
    const body: CreateConsentRequest = {
      purpose: value.purpose.trim(),
      recipientKind: recipient === EVALUATION_RECIPIENT ? 'evaluation' : 'partner',
      ...(recipient === EVALUATION_RECIPIENT ? {} : { partnerId: recipient }),
      dataCategories: DATA_CATEGORIES.filter((category) => value.dataCategories[category]),
      givenOn: value.givenOn,
      ...(value.validUntil ? { validUntil: value.validUntil } : {}),
      recordedAs: value.recordedAs,
      ...(value.recordedAs === 'signed_paper' && value.filedAt.trim() ? { filedAt: value.filedAt.trim() } : {}),
    };
    this.saving.set(true);
    this.failure.set(null);
    this.api.create(this.clientId(), body).subscribe({
      next: (consent) => {
        this.saving.set(false);
        this.saved.emit(consent);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const body = error instanceof HttpErrorResponse && isApiErrorResponse(error.error) ? error.error : null;
        const fields = { ...(body?.errors ?? {}) };
        if (fields['partnerId']) fields['recipient'] = fields['partnerId'];
        delete fields['partnerId'];
        const allShown = Object.keys(fields).length > 0 && showFieldErrors(this.form, fields);
        if (allShown) return;
        const code = error instanceof HttpErrorResponse && error.status === 0 ? 'network' : (body?.code ?? '');
        this.failure.set((FAILURE_CODES as readonly string[]).includes(code) ? (code as FailureCode) : 'unknown');
      },
    });
  }
}

let nextId = 0;
