import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDe from '@angular/common/locales/de';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ClientFileResponse, CreateReferralRequest, ReferralResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientFileStore } from '../../client-file-store';
import { ReferralDialog, SEARCH_DEBOUNCE_MS } from './referral-dialog';
import { today } from './referral-rules';
import { stubStore, testConsent, testFile, testOffer, testReferral } from './testing';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../../apps/client/public/i18n/client-file/de.json'), 'utf8'));

const OFFERS = [
  testOffer(),
  testOffer({ id: 'o-jc', partnerId: 'p-jc', partnerName: 'Jobcenter', topic: 'work', title: 'Bewerbungstraining' }),
];

describe('ReferralDialog', () => {
  let backend: HttpTestingController;

  async function open(file: ClientFileResponse) {
    registerLocaleData(localeDe, 'de');
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { de: { clientFile: de } },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: ClientFileStore, useValue: stubStore(file) },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const ref = TestBed.inject(MatDialog).open<ReferralDialog, unknown, ReferralResponse>(ReferralDialog);
    let closedWith: ReferralResponse | undefined | null = null;
    ref.afterClosed().subscribe((value) => (closedWith = value));
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement;
    const text = () => (dialog()?.textContent ?? '').replace(/\s+/g, ' ');
    const radio = (name: string) =>
      Array.from(dialog().querySelectorAll<HTMLInputElement>('input[type="radio"]')).find((input) =>
        input.closest('mat-radio-button')?.textContent?.replace(/\s+/g, ' ').includes(name),
      );
    const submit = () => dialog().querySelector<HTMLButtonElement>('button[type="submit"]') as HTMLButtonElement;
    const choose = async (name: string) => {
      await settle();
      const input = radio(name);
      if (!input) throw new Error(`No offer ${name}`);
      input.click();
      await settle();
    };
    return { ref, dialog, text, radio, submit, choose, settle, closedWith: () => closedWith };
  }

  afterEach(() => {
    backend.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  it('lists the directory\'s offers with partner and topic, and asks for a choice first', async () => {
    const { text, submit, dialog } = await open(testFile());

    backend.expectOne('/api/partner-offers').flush(OFFERS);
    TestBed.tick();

    expect(text()).toContain('Sprachcafé – Volkshochschule (Sprache)');
    expect(text()).toContain('Bewerbungstraining – Jobcenter (Arbeit)');
    expect(dialog().querySelector('mat-radio-group')?.getAttribute('aria-labelledby')).toBe('referral-offers-label');
    expect(text()).toContain('Bitte ein Angebot wählen.');
    expect(submit().disabled).toBe(true);
  });

  it('searches by text after a typing pause', async () => {
    jest.useFakeTimers();
    try {
      const { dialog } = await openWithFakeTimers();
      backend.expectOne('/api/partner-offers').flush(OFFERS);

      const input = dialog().querySelector<HTMLInputElement>('input[type="search"]') as HTMLInputElement;
      for (const value of ['S', 'Sp', 'Sprach']) {
        input.value = value;
        input.dispatchEvent(new Event('input'));
        jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS / 3);
      }
      backend.expectNone(() => true);
      jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);

      const request = backend.expectOne((r) => r.url === '/api/partner-offers');
      expect(request.request.params.get('q')).toBe('Sprach');
      expect(request.request.params.has('topic')).toBe(false);
      request.flush([OFFERS[0]]);
    } finally {
      jest.useRealTimers();
    }

    async function openWithFakeTimers() {
      const opened = open(testFile());
      await jest.advanceTimersByTimeAsync(1);
      return opened;
    }
  });

  it('filters by topic at once', async () => {
    const { dialog, settle } = await open(testFile());
    backend.expectOne('/api/partner-offers').flush(OFFERS);
    await settle();

    (dialog().querySelector('mat-select') as HTMLElement).click();
    await settle();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((option) => option.textContent?.trim() === 'Arbeit')
      ?.click();
    await settle();

    const request = backend.expectOne((r) => r.url === '/api/partner-offers');
    expect(request.request.params.get('topic')).toBe('work');
    request.flush([OFFERS[1]]);
    await settle();
    expect(dialog().textContent).not.toContain('Sprachcafé');
  });

  it('shows the missing consent for the offer\'s partner and keeps the referral from being made', async () => {
    const { text, submit, choose } = await open(testFile({ consents: [testConsent({ partnerId: 'p-other', partnerName: 'Caritas' })] }));
    backend.expectOne('/api/partner-offers').flush(OFFERS);

    await choose('Sprachcafé');

    expect(text()).toContain('Keine gültige Einwilligung für Volkshochschule – bitte zuerst eine Einwilligung erfassen.');
    expect(text()).toContain('Einwilligung erfassen');
    expect(submit().disabled).toBe(true);
  });

  it('records the missing consent inside the dialog and comes back with the choices kept', async () => {
    const file = testFile();
    const { text, submit, choose, radio, settle, dialog } = await open(file);
    backend.expectOne('/api/partner-offers').flush(OFFERS);
    await choose('Sprachcafé');
    radio('jetzt senden')?.click();
    await settle();

    const record = Array.from(dialog().querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === 'Einwilligung erfassen');
    record?.click();
    await settle();
    backend.expectOne('/api/partners').flush([]);
    await settle();

    // The consent form, with the offer's partner fixed and the purpose filled in; focus is in it.
    expect(text()).toContain('Empfänger: Volkshochschule');
    const purpose = dialog().querySelector<HTMLInputElement>('input[formcontrolname="purpose"]') as HTMLInputElement;
    expect(purpose.value).toBe('Vermittlung: Sprachcafé');
    expect(document.activeElement).toBe(purpose);
    (dialog().querySelector('.consent-form button[type="submit"]') as HTMLButtonElement).click();
    await settle();

    const request = backend.expectOne('/api/clients/c-1/consents');
    expect(request.request.body).toEqual({
      purpose: 'Vermittlung: Sprachcafé',
      recipientKind: 'partner',
      partnerId: 'p-vhs',
      dataCategories: ['personal'],
      givenOn: today(),
      recordedAs: 'signed_paper',
    });
    request.flush(testConsent({ id: 'k-new', validUntil: null }));
    await settle();
    await settle();

    // Back at the referral: the offer and "jetzt senden" are still chosen, the check passes.
    expect(text()).toContain('Einwilligung liegt vor (gültig bis auf Widerruf)');
    expect(radio('Sprachcafé')?.checked).toBe(true);
    expect(radio('jetzt senden')?.checked).toBe(true);
    expect(submit().disabled).toBe(false);
    expect(document.activeElement).toBe(submit());
    expect((TestBed.inject(ClientFileStore) as unknown as { reloads: number }).reloads).toBe(1);
  });

  it('shows a valid consent with its end, then sends the referral dated today', async () => {
    const { text, submit, choose, radio, settle, closedWith } = await open(testFile({ consents: [testConsent()] }));
    backend.expectOne('/api/partner-offers').flush(OFFERS);

    await choose('Sprachcafé');
    expect(text()).toContain('Einwilligung liegt vor (gültig bis 31.12.2026)');
    radio('jetzt senden')?.click();
    await settle();
    expect(submit().disabled).toBe(false);

    submit().click();
    await settle();

    const request = backend.expectOne('/api/clients/c-1/plan/referrals');
    expect(request.request.method).toBe('POST');
    expect(request.request.body as CreateReferralRequest).toEqual({ partnerOfferId: 'o-vhs', state: 'sent', sentOn: today() });
    expect(submit().disabled).toBe(true);
    const created = testReferral();
    request.flush(created);
    await settle();

    expect(closedWith()).toEqual(created);
  });

  it('only proposes by default, with an optional goal', async () => {
    const { choose, submit, settle, dialog } = await open(testFile({ consents: [testConsent({ validUntil: null })] }));
    backend.expectOne('/api/partner-offers').flush(OFFERS);
    await choose('Sprachcafé');
    expect(dialog().textContent).toContain('Einwilligung liegt vor (gültig bis auf Widerruf)');

    // Choose the goal through the select's options.
    (dialog().querySelector('.referral__goal mat-select') as HTMLElement).click();
    await settle();
    const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((o) => o.textContent?.trim() === 'Deutsch B1');
    option?.click();
    await settle();
    submit().click();
    await settle();

    const request = backend.expectOne('/api/clients/c-1/plan/referrals');
    expect(request.request.body).toEqual({ partnerOfferId: 'o-vhs', state: 'proposed', goalId: 'g-1' });
    request.flush(testReferral({ state: 'proposed', sentOn: null }));
  });

  it('keeps the dialog open and says so when the API still finds no consent', async () => {
    const { choose, submit, settle, dialog, closedWith } = await open(testFile({ consents: [testConsent()] }));
    backend.expectOne('/api/partner-offers').flush(OFFERS);
    await choose('Sprachcafé');
    submit().click();
    await settle();

    backend
      .expectOne('/api/clients/c-1/plan/referrals')
      .flush({ statusCode: 409, code: 'consentRequired', message: 'x' }, { status: 409, statusText: 'Conflict' });
    await settle();

    expect(dialog().querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Keine gültige Einwilligung für Volkshochschule – bitte zuerst eine Einwilligung erfassen.',
    );
    expect(closedWith()).toBeNull();
    expect(submit().disabled).toBe(false);
  });

  it('says when saving failed otherwise', async () => {
    const { choose, submit, settle, dialog } = await open(testFile({ consents: [testConsent()] }));
    backend.expectOne('/api/partner-offers').flush(OFFERS);
    await choose('Sprachcafé');
    submit().click();
    await settle();

    backend.expectOne('/api/clients/c-1/plan/referrals').flush({ statusCode: 500, code: 'internalError', message: 'x' }, { status: 500, statusText: 'Error' });
    await settle();

    expect(dialog().querySelector('[role="alert"]')?.textContent?.trim()).toBe('Die Vermittlung konnte nicht angelegt werden. Bitte versuchen Sie es erneut.');
  });
});
