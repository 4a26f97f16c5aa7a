import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDe from '@angular/common/locales/de';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { SupportResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { today } from '../plan/referrals/referral-rules';
import { SupportDialog, SupportDialogData, SupportDialogResult } from './support-dialog';
import { SupportAction } from './support-rules';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/client-file/de.json'), 'utf8'));

const SUPPORT: SupportResponse = {
  clientId: 'c-1',
  state: 'active',
  start: '2026-01-15',
  windowEnd: '2029-01-14',
  regularWindowEnd: '2029-01-14',
  maximumWindowEnd: '2030-01-14',
  pausedOn: null,
  closedOn: null,
  closureReason: null,
  history: [],
  extensions: [],
  version: 1,
};

const german = (day: string) => day.split('-').reverse().join('.');

describe('SupportDialog', () => {
  let backend: HttpTestingController;

  async function open(action: SupportAction) {
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
    const data: SupportDialogData = { clientId: 'c-1', action, support: SUPPORT };
    const ref = TestBed.inject(MatDialog).open<SupportDialog, SupportDialogData, SupportDialogResult>(SupportDialog, { data });
    let closedWith: SupportDialogResult | undefined | null = null;
    ref.afterClosed().subscribe((value) => (closedWith = value));
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement;
    const text = () => (dialog()?.textContent ?? '').replace(/\s+/g, ' ');
    const type = async (selector: string, value: string) => {
      const field = dialog().querySelector<HTMLInputElement | HTMLTextAreaElement>(selector) as HTMLInputElement;
      field.value = value;
      field.dispatchEvent(new Event('input'));
      await settle();
    };
    const submit = async () => {
      (dialog().querySelector('button[type="submit"]') as HTMLButtonElement).click();
      await settle();
    };
    return { text, type, submit, settle, closedWith: () => closedWith };
  }

  afterEach(() => {
    backend.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  it('pauses with a reason and says the window end stays', async () => {
    const { text, type, submit, closedWith } = await open('pause');
    expect(text()).toContain(`Die Betreuung ruht ab ${german(today())}. Der Betreuungszeitraum endet weiterhin am 14.01.2029`);
    await type('textarea[formcontrolname="note"]', '  Krankenhausaufenthalt  ');
    await submit();

    const request = backend.expectOne('/api/clients/c-1/support/pause');
    expect(request.request.body).toEqual({ on: today(), note: 'Krankenhausaufenthalt' });
    request.flush({ ...SUPPORT, state: 'paused' });
    await Promise.resolve();
    expect(closedWith()).toBe('done');
  });

  it('requests an extension up to the maximum, for the team lead to approve', async () => {
    const { text, type, submit } = await open('extend');
    expect(text()).toContain('Der Antrag geht an die Teamleitung zur Freigabe. Erst nach der Freigabe endet der Betreuungszeitraum am 14.01.2030 statt am 14.01.2029.');
    await type('textarea[formcontrolname="justification"]', 'zu kurz');
    await submit();
    expect(text()).toContain('Bitte mindestens 20 Zeichen.');
    backend.expectNone('/api/clients/c-1/support/extensions');

    await type('textarea[formcontrolname="justification"]', 'Die Ausbildung endet erst im vierten Jahr der Betreuung.');
    await submit();
    const request = backend.expectOne('/api/clients/c-1/support/extensions');
    expect(request.request.body).toEqual({ requestedUntil: '2030-01-14', justification: 'Die Ausbildung endet erst im vierten Jahr der Betreuung.' });
    request.flush({ id: 'e-1', state: 'pending' });
  });

  it('stays open and explains a conflict: the state changed meanwhile', async () => {
    const { text, submit, closedWith } = await open('resume');
    await submit();
    backend
      .expectOne('/api/clients/c-1/support/resume')
      .flush({ statusCode: 409, code: 'invalidSupportTransition', message: 'x' }, { status: 409, statusText: 'Conflict' });
    TestBed.tick();
    expect(text()).toContain('Der Stand der Betreuung hat sich inzwischen geändert.');
    expect(closedWith()).toBeNull();
  });

  it('explains a refused reopening: the responsible manager is at the caseload maximum', async () => {
    const { text, submit, closedWith } = await open('reopen');
    await submit();
    backend
      .expectOne('/api/clients/c-1/support/reopen')
      .flush({ statusCode: 409, code: 'caseloadFull', message: 'x', caseload: { managerId: 'u-1', maximum: 30, openClients: 30 } }, { status: 409, statusText: 'Conflict' });
    TestBed.tick();
    expect(text()).toContain('Die zuständige Fachkraft hat ihre Fallobergrenze erreicht.');
    expect(closedWith()).toBeNull();
  });

  it('shows the API field errors at the field', async () => {
    const { text, submit } = await open('reopen');
    await submit();
    backend
      .expectOne('/api/clients/c-1/support/reopen')
      .flush({ statusCode: 400, code: 'validationFailed', message: 'x', errors: { on: 'beforeLastChange' } }, { status: 400, statusText: 'Bad Request' });
    TestBed.tick();
    expect(text()).toContain('Das Datum darf nicht vor der letzten Änderung liegen.');
  });
});
