import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDe from '@angular/common/locales/de';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ClientFileResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientFileStore } from '../../client-file-store';
import { PlanReferrals } from './plan-referrals';
import { stubStore, testConsent, testFile, testReferral } from './testing';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../../apps/client/public/i18n/client-file/de.json'), 'utf8'));

describe('PlanReferrals', () => {
  let backend: HttpTestingController;
  const snackBar = { open: jest.fn() };

  function render(file: ClientFileResponse, canEdit = true) {
    registerLocaleData(localeDe, 'de');
    const store = stubStore(file, canEdit);
    TestBed.configureTestingModule({
      imports: [
        PlanReferrals,
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
        { provide: MatSnackBar, useValue: snackBar },
        { provide: ClientFileStore, useValue: store },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PlanReferrals);
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    const buttons = () => Array.from(page.querySelectorAll('button')).map((b) => ({ name: b.textContent?.trim(), disabled: b.disabled, el: b }));
    const button = (name: string) => buttons().find((b) => b.name === name);
    return { fixture, page, store, buttons, button, text: () => (page.textContent ?? '').replace(/\s+/g, ' ') };
  }

  afterEach(() => {
    backend.verify();
    snackBar.open.mockReset();
  });

  it('lists each referral with offer, partner, topic, state and sent date, names with dir="auto"', () => {
    const { page, text } = render(testFile({ referrals: [testReferral({ goalId: 'g-1' })] }));

    expect(text()).toContain('Sprachcafé – Volkshochschule');
    expect(page.querySelector('.chip')?.textContent?.trim()).toBe('gesendet');
    expect(text()).toContain('Sprache · gesendet am 02.03.2026 · Ziel: Deutsch B1');
    expect(Array.from(page.querySelectorAll('li [dir="auto"]')).map((n) => n.textContent?.trim())).toEqual(['Sprachcafé', 'Volkshochschule', 'Deutsch B1']);
  });

  it('offers exactly the forward moves of the state, in a group named after the offer', () => {
    const { page, buttons } = render(testFile({ referrals: [testReferral()] }));

    expect(buttons().map((b) => b.name)).toEqual(['Vermittlung anlegen', 'Angenommen', 'Abgelehnt', 'Zurückziehen']);
    expect(page.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Aktionen zu Sprachcafé');
  });

  it('moves a referral on one click with its version and reloads the file', () => {
    const { fixture, store, button } = render(testFile({ referrals: [testReferral()] }));

    button('Angenommen')?.el.click();
    fixture.detectChanges();

    const request = backend.expectOne('/api/clients/c-1/plan/referrals/r-1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 2, state: 'accepted' });
    expect(button('Abgelehnt')?.disabled).toBe(true);
    request.flush(testReferral({ state: 'accepted', version: 3 }));

    expect(snackBar.open).toHaveBeenCalledWith('Vermittlung geändert: angenommen', undefined, expect.anything());
    expect(store.reloads).toBe(1);
  });

  it('sends a proposed referral with today as sent date only when the partner has a valid consent', () => {
    const withoutConsent = render(testFile({ referrals: [testReferral({ state: 'proposed', sentOn: null })] }));
    expect(withoutConsent.button('Als gesendet markieren')?.disabled).toBe(true);
    expect(withoutConsent.text()).toContain('Zum Senden fehlt eine gültige Einwilligung für Volkshochschule.');
    TestBed.resetTestingModule();

    const { fixture, button, text } = render(testFile({ referrals: [testReferral({ state: 'proposed', sentOn: null })], consents: [testConsent()] }));
    expect(text()).not.toContain('Zum Senden fehlt');
    button('Als gesendet markieren')?.el.click();
    fixture.detectChanges();

    const request = backend.expectOne('/api/clients/c-1/plan/referrals/r-1');
    expect(request.request.body).toEqual({ version: 2, state: 'sent', sentOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    request.flush(testReferral());
  });

  it('shows no write actions when the file may not be changed', () => {
    const { buttons, text } = render(testFile({ referrals: [testReferral()] }), false);

    expect(buttons()).toEqual([]);
    expect(text()).toContain('Sprachcafé');
  });

  it('says when there are no referrals', () => {
    const { text } = render(testFile());

    expect(text()).toContain('Keine Vermittlungen.');
  });
});
