import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { PartnersApi, ReferralsApi, isApiErrorResponse } from '@wegweiser/client/data-access';
import { activeLocale, IsolatePipe, UserText } from '@wegweiser/client/ui';
import {
  CASE_ERROR_CODES,
  CreateReferralRequest,
  PARTNER_TOPICS,
  PartnerOfferListItemResponse,
  PartnerTopic,
  ConsentResponse,
  ReferralResponse,
} from '@wegweiser/shared/contracts';
import { catchError, combineLatest, debounceTime, distinctUntilChanged, map, of, skip, startWith, switchMap } from 'rxjs';
import { ClientFileStore } from '../../client-file-store';
import { ConsentForm } from '../../consents/consent-form';
import { consentCheck, today } from './referral-rules';

/** Milliseconds the search waits for the typing to pause. */
export const SEARCH_DEBOUNCE_MS = 300;

type OffersState = { status: 'loading' } | { status: 'loaded'; offers: PartnerOfferListItemResponse[] };

/** What went wrong when saving: no consent for the partner (any more), or anything else. */
type SaveError = { kind: 'consentRequired'; partner: string } | { kind: 'failed' };

/**
 * "Vermittlung anlegen": picks an offer of the partner directory (by topic and
 * text), optionally a goal, shows the consent check for the offer's partner
 * and only then lets the manager propose or send the referral. When the check
 * fails, "Einwilligung erfassen" records the consent as a step of this dialog
 * and comes back with everything chosen so far. Opened with the file's
 * injector (reads `ClientFileStore`); closes with the new referral.
 */
@Component({
  selector: 'ww-referral-dialog',
  imports: [
    DatePipe,
    MatButton,
    MatDialogModule,
    MatFormFieldModule,
    MatInput,
    MatProgressBar,
    MatRadioModule,
    MatSelectModule,
    ConsentForm,
    TranslocoDirective,
    IsolatePipe,
    UserText,
  ],
  templateUrl: './referral-dialog.html',
  styleUrl: './referral-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralDialog {
  private readonly store = inject(ClientFileStore);
  private readonly referrals = inject(ReferralsApi);
  private readonly partners = inject(PartnersApi);
  private readonly dialogRef = inject<MatDialogRef<ReferralDialog, ReferralResponse>>(MatDialogRef);

  protected readonly locale = activeLocale(inject(TranslocoService));
  protected readonly topics = PARTNER_TOPICS;

  protected readonly topic = signal<PartnerTopic | 'all'>('all');
  protected readonly query = signal('');
  protected readonly goalId = signal<string | null>(null);
  protected readonly mode = signal<'proposed' | 'sent'>('proposed');
  protected readonly saving = signal(false);
  protected readonly error = signal<SaveError | null>(null);
  /** `consent`: the consent form replaces the referral form until it is saved or cancelled. */
  protected readonly step = signal<'referral' | 'consent'>('referral');
  /** Consents recorded in this dialog (the file reloads behind it). */
  private readonly recorded = signal<ConsentResponse[]>([]);
  /** Set after a consent was recorded here: the check passed, the referral can go out. */
  protected readonly consentRecorded = signal(false);

  private readonly injector = inject(Injector);
  private readonly submitButton = viewChild('submitButton', { read: ElementRef<HTMLButtonElement> });
  private readonly recordButton = viewChild('recordButton', { read: ElementRef<HTMLButtonElement> });

  protected readonly goals = computed(() => this.store.file()?.plan.goals ?? []);
  protected readonly clientId = computed(() => this.store.file()?.client.id ?? '');

  /** The directory's offers for the filters: all at once, then the text after a typing pause. */
  protected readonly offers = toSignal(
    combineLatest([
      toObservable(this.topic),
      toObservable(this.query).pipe(
        skip(1),
        debounceTime(SEARCH_DEBOUNCE_MS),
        startWith(''),
        map((q) => q.trim()),
        distinctUntilChanged(),
      ),
    ]).pipe(
      switchMap(([topic, q]) =>
        this.partners
          .offers({ q: q || undefined, topic: topic === 'all' ? undefined : topic })
          .pipe(
            map((offers): OffersState => ({ status: 'loaded', offers })),
            catchError(() => of<OffersState>({ status: 'loaded', offers: [] })),
            startWith<OffersState>({ status: 'loading' }),
          ),
      ),
    ),
    { initialValue: { status: 'loading' } as OffersState },
  );

  /** The chosen offer, remembered (and still listed) when a later search no longer finds it. */
  protected readonly offer = signal<PartnerOfferListItemResponse | null>(null);
  protected readonly shownOffers = computed(() => {
    const state = this.offers();
    const chosen = this.offer();
    const offers = state.status === 'loaded' ? state.offers : [];
    return chosen && !offers.some((offer) => offer.id === chosen.id) ? [chosen, ...offers] : offers;
  });

  /** The consent check for the chosen offer's partner, with the file's consents. */
  protected readonly consent = computed(() => {
    const offer = this.offer();
    if (!offer) return null;
    const known = this.store.file()?.consents ?? [];
    const recorded = this.recorded().filter((consent) => !known.some((k) => k.id === consent.id));
    return consentCheck([...known, ...recorded], offer.partnerId);
  });

  protected readonly canSubmit = computed(() => !this.saving() && this.consent()?.status === 'valid');

  /** A new offer, a new check: an earlier save error no longer applies. */
  protected choose(offerId: string): void {
    this.offer.set(this.shownOffers().find((offer) => offer.id === offerId) ?? null);
    this.error.set(null);
  }

  /** "Einwilligung erfassen": the consent form for the chosen offer's partner, in this dialog. */
  protected recordConsent(): void {
    if (!this.offer()) return;
    this.error.set(null);
    this.step.set('consent');
  }

  /** Back from the consent form: with the new consent the check passes; focus goes to "Vermittlung anlegen". */
  protected consentSaved(consent: ConsentResponse): void {
    this.recorded.update((list) => [...list, consent]);
    this.consentRecorded.set(true);
    this.step.set('referral');
    this.store.reload();
    afterNextRender(() => this.submitButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected consentCancelled(): void {
    this.step.set('referral');
    afterNextRender(() => this.recordButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected save(): void {
    const offer = this.offer();
    if (!offer || !this.canSubmit()) return;
    const mode = this.mode();
    const goalId = this.goalId();
    const body: CreateReferralRequest = {
      partnerOfferId: offer.id,
      state: mode,
      ...(goalId ? { goalId } : {}),
      ...(mode === 'sent' ? { sentOn: today() } : {}),
    };
    this.saving.set(true);
    this.error.set(null);
    this.referrals.create(this.clientId(), body).subscribe({
      next: (referral) => this.dialogRef.close(referral),
      error: (error: unknown) => {
        this.saving.set(false);
        if (isConsentRequired(error)) {
          // The consent ended meanwhile (e.g. withdrawn in another tab): the check shows it, the form is offered again.
          this.recorded.set([]);
          this.consentRecorded.set(false);
          this.store.reload();
          this.error.set({ kind: 'consentRequired', partner: offer.partnerName });
        } else {
          this.error.set({ kind: 'failed' });
        }
      },
    });
  }
}

/** A 409 `consentRequired`: the API found no valid consent for the partner (e.g. withdrawn meanwhile). */
export function isConsentRequired(error: unknown): boolean {
  return error instanceof HttpErrorResponse && isApiErrorResponse(error.error) && error.error.code === CASE_ERROR_CODES.consentRequired;
}
