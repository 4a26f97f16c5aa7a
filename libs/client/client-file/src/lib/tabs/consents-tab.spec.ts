import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDe from '@angular/common/locales/de';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ClientFileResponse, ConsentResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientFileStore } from '../client-file-store';
import { testConsent } from '../plan/referrals/testing';
import { testClient } from '../testing/fixtures';
import { ConsentsTab } from './consents-tab';

const i18n = (path: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n', path), 'utf8'));

function render(consents: ConsentResponse[], access: ClientFileResponse['access'] = { canEdit: true, refusal: null }) {
  registerLocaleData(localeDe, 'de');
  const file = { client: testClient(), consents, access } as unknown as ClientFileResponse;
  const store = { file: signal(file), canEdit: signal(access.canEdit), refreshing: signal(false), reloads: 0, reload: () => store.reloads++ };
  TestBed.configureTestingModule({
    imports: [
      ConsentsTab,
      TranslocoTestingModule.forRoot({
        langs: { de: { ...i18n('de.json'), clientFile: i18n('client-file/de.json') } },
        translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      { provide: MatSnackBar, useValue: { open: () => undefined } },
      { provide: ClientFileStore, useValue: store },
    ],
  });
  const fixture = TestBed.createComponent(ConsentsTab);
  fixture.detectChanges();
  const page = fixture.nativeElement as HTMLElement;
  const buttons = (name: RegExp) => Array.from(page.querySelectorAll('button')).filter((b) => name.test(b.textContent ?? ''));
  return { fixture, page, buttons, store };
}

describe('ConsentsTab', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('keeps withdrawn and expired consents listed, greyed, with their state in words', () => {
    const { page, buttons } = render([
      testConsent({ id: 'k-valid', validUntil: null, filedAt: 'Handakte, Fach 3' }),
      testConsent({ id: 'k-withdrawn', withdrawnOn: '2026-02-01', valid: false }),
      testConsent({ id: 'k-expired', validUntil: '2026-01-31', valid: false }),
    ]);
    const row = (id: string) => page.querySelector(`tr[data-consent-id="${id}"]`) as HTMLElement;

    expect(row('k-valid').dataset['state']).toBe('valid');
    expect(row('k-valid').textContent).toContain('Ablage: Handakte, Fach 3');
    expect(row('k-withdrawn').dataset['state']).toBe('withdrawn');
    expect(row('k-withdrawn').textContent).toContain('widerrufen am 01.02.2026');
    expect(row('k-expired').dataset['state']).toBe('expired');
    expect(row('k-expired').textContent).toContain('abgelaufen am 31.01.2026');
    // Withdrawing is offered for what was not withdrawn yet.
    expect(buttons(/Widerrufen/)).toHaveLength(2);
  });

  it('opens the consent form with the focus in it, and gives the focus back on cancel', async () => {
    const { page, buttons, fixture } = render([]);
    buttons(/Einwilligung erfassen/)[0]?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    TestBed.inject(HttpTestingController).expectOne('/api/partners').flush([]);
    fixture.detectChanges();

    expect(document.activeElement).toBe(page.querySelector('input[formcontrolname="purpose"]'));
    buttons(/^\s*Abbrechen\s*$/)[0]?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    TestBed.tick();
    expect(document.activeElement?.textContent?.trim()).toBe('Einwilligung erfassen');
  });

  it('lets withdraw on a closed case but not record', () => {
    const { buttons } = render([testConsent()], { canEdit: false, refusal: 'caseClosed' });
    expect(buttons(/Einwilligung erfassen/)).toHaveLength(0);
    expect(buttons(/Widerrufen/)).toHaveLength(1);
  });

  it('is read-only for another manager', () => {
    const { buttons } = render([testConsent()], { canEdit: false, refusal: 'notOwnCaseload' });
    expect(buttons(/Einwilligung erfassen|Widerrufen/)).toHaveLength(0);
  });
});
