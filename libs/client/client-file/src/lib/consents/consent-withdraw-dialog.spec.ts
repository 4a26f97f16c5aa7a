import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDe from '@angular/common/locales/de';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { today } from '../plan/referrals/referral-rules';
import { testConsent } from '../plan/referrals/testing';
import { ConsentWithdrawData, ConsentWithdrawDialog, ConsentWithdrawResult } from './consent-withdraw-dialog';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/client-file/de.json'), 'utf8'));

describe('ConsentWithdrawDialog', () => {
  let backend: HttpTestingController;

  async function open() {
    registerLocaleData(localeDe, 'de');
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { de: { clientFile: de } },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    backend = TestBed.inject(HttpTestingController);
    const data: ConsentWithdrawData = { clientId: 'c-1', consent: testConsent({ version: 3 }), recipient: 'Volkshochschule' };
    const ref = TestBed.inject(MatDialog).open<ConsentWithdrawDialog, ConsentWithdrawData, ConsentWithdrawResult>(ConsentWithdrawDialog, { data });
    let closedWith: ConsentWithdrawResult | undefined | null = null;
    ref.afterClosed().subscribe((value) => (closedWith = value));
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement;
    const button = (name: string) => Array.from(dialog().querySelectorAll('button')).find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
    return { dialog, button, closedWith: () => closedWith };
  }

  afterEach(() => {
    backend.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  it('says what follows and withdraws with the version read last and the day', async () => {
    const { dialog, button, closedWith } = await open();
    expect(dialog().textContent).toContain('Ab diesem Tag dürfen keine Daten mehr an Volkshochschule gehen');
    button('Widerruf speichern').click();
    TestBed.tick();

    const request = backend.expectOne('/api/clients/c-1/consents/k-1/withdraw');
    expect(request.request.body).toEqual({ version: 3, withdrawnOn: today() });
    const withdrawn = testConsent({ withdrawnOn: today(), valid: false, version: 4 });
    request.flush(withdrawn);
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    expect(closedWith()).toEqual(withdrawn);
  });

  it('after a conflict, explains it and closes as stale so the list reloads', async () => {
    const { dialog, button, closedWith } = await open();
    button('Widerruf speichern').click();
    TestBed.tick();
    backend
      .expectOne('/api/clients/c-1/consents/k-1/withdraw')
      .flush({ statusCode: 409, code: 'staleVersion', message: 'x', currentVersion: 4 }, { status: 409, statusText: 'Conflict' });
    TestBed.tick();
    expect(dialog().querySelector('[role="alert"]')?.textContent).toContain('Jemand anderes hat diese Einwilligung inzwischen geändert.');

    button('Abbrechen').click();
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    expect(closedWith()).toBe('stale');
  });
});
