import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { CurrentUser } from '@wegweiser/client/data-access';
import { ERASURE_REASONS, Permission } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testClient } from '../testing/fixtures';
import { ClientRetention } from './client-retention';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/client-file/de.json'), 'utf8'));
const en = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/client-file/en.json'), 'utf8'));

describe('ClientRetention', () => {
  let fixture: ComponentFixture<ClientRetention>;
  let backend: HttpTestingController;

  const buttons = (root: ParentNode = document.body) => Array.from(root.querySelectorAll('button'));
  const button = (label: string, root?: ParentNode) => buttons(root).find((b) => b.textContent?.trim() === label) as HTMLButtonElement | undefined;
  const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement | null;
  const status = () => (fixture.nativeElement as HTMLElement).querySelector('[role="status"]')?.textContent?.trim();
  const alert = () => dialog()?.querySelector('[role="alert"]')?.textContent?.trim();

  function render(permissions: Permission[]) {
    TestBed.configureTestingModule({
      imports: [
        ClientRetention,
        TranslocoTestingModule.forRoot({
          langs: { de: { clientFile: de } },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        { provide: CurrentUser, useValue: { can: (permission: Permission) => permissions.includes(permission) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClientRetention);
    fixture.componentRef.setInput('client', testClient());
    fixture.detectChanges();
  }

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => {
    backend.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((container) => (container.innerHTML = ''));
  });

  it.each([
    ['a team lead', ['client:legal-hold', 'client:erasure-request'], ['Sperrvermerk setzen/aufheben', 'Löschung beantragen (Art. 17)']],
    ['a manager', ['client:read'], []],
  ] as const)('offers %s only the actions the role may take', (_, permissions, labels) => {
    render([...permissions]);
    expect(buttons(fixture.nativeElement).map((b) => b.textContent?.trim())).toEqual(labels);
  });

  it('sets a legal hold with its reason and says so; a blank reason is refused without a call', async () => {
    render(['client:legal-hold']);
    button('Sperrvermerk setzen/aufheben', fixture.nativeElement)?.click();
    await settle();
    expect(dialog()?.querySelector('h2')?.textContent).toBe('Sperrvermerk');

    const reason = dialog()?.querySelector('textarea') as HTMLTextAreaElement;
    reason.value = '   ';
    reason.dispatchEvent(new Event('input'));
    button('Sperrvermerk setzen')?.click();
    await settle();
    backend.expectNone(() => true);
    expect(dialog()?.textContent).toContain('Bitte geben Sie einen Grund an.');

    reason.value = ' Gerichtsverfahren ';
    reason.dispatchEvent(new Event('input'));
    button('Sperrvermerk setzen')?.click();
    await settle();
    const request = backend.expectOne('/api/clients/c-1/legal-hold');
    expect([request.request.method, request.request.body]).toEqual(['PUT', { reason: 'Gerichtsverfahren' }]);
    request.flush({ clientId: 'c-1', reason: 'Gerichtsverfahren', setAt: '2026-11-21T10:00:00.000Z' });
    await settle();

    expect(dialog()).toBeNull();
    expect(status()).toBe(de.retention.holdSet);
  });

  it('lifts a legal hold, and keeps the dialog open with a message when that fails', async () => {
    render(['client:legal-hold']);
    button('Sperrvermerk setzen/aufheben', fixture.nativeElement)?.click();
    await settle();

    button('Sperrvermerk aufheben')?.click();
    await settle();
    backend.expectOne({ method: 'DELETE', url: '/api/clients/c-1/legal-hold' }).flush(null, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(alert()).toBe(de.retention.errors.failed);
    expect(status()).toBe('');

    button('Sperrvermerk aufheben')?.click();
    await settle();
    backend.expectOne({ method: 'DELETE', url: '/api/clients/c-1/legal-hold' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(dialog()).toBeNull();
    expect(status()).toBe('Der Sperrvermerk ist aufgehoben.');
  });

  it('requests erasure with a reason code from the fixed list and announces that an admin must confirm', async () => {
    render(['client:erasure-request']);
    button('Löschung beantragen (Art. 17)', fixture.nativeElement)?.click();
    await settle();

    button('Löschung beantragen')?.click();
    await settle();
    backend.expectNone(() => true);
    expect(dialog()?.textContent).toContain('Bitte wählen Sie einen Grund.');

    (dialog()?.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await settle();
    const options = Array.from(document.querySelectorAll('mat-option'));
    expect(options.map((o) => o.textContent?.trim())).toEqual(ERASURE_REASONS.map((code) => de.retention.reasons[code]));
    (options[1] as HTMLElement).click();
    await settle();

    button('Löschung beantragen')?.click();
    await settle();
    const request = backend.expectOne('/api/clients/c-1/erasure-requests');
    expect([request.request.method, request.request.body]).toEqual(['POST', { reason: 'consent_withdrawn' }]);
    request.flush({ id: 'r-1', clientId: 'c-1', caseNumber: 'BH-1', reason: 'consent_withdrawn', state: 'pending', requestedAt: '2026-11-21T10:00:00.000Z', confirmedAt: null });
    await settle();
    expect(dialog()).toBeNull();
    expect(status()).toBe(de.retention.erasureRequested);
  });

  it.each([
    ['legalHold', 'Für diese Person gilt ein Sperrvermerk. Die Löschung kann nicht beantragt werden.'],
    ['erasureRequestPending', 'Für diese Person ist bereits ein Löschantrag offen.'],
  ])('explains a refused request (%s) in the dialog', async (code, text) => {
    render(['client:erasure-request']);
    button('Löschung beantragen (Art. 17)', fixture.nativeElement)?.click();
    await settle();
    (dialog()?.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await settle();
    (document.querySelector('mat-option') as HTMLElement).click();
    await settle();
    button('Löschung beantragen')?.click();
    await settle();
    backend.expectOne('/api/clients/c-1/erasure-requests').flush({ statusCode: 409, code, message: 'refused' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(alert()).toBe(text);
    expect(status()).toBe('');
  });

  it('has the same retention texts in English', () => {
    const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [p + k] : keys(v, `${p}${k}.`)));
    expect(keys(en.retention).sort()).toEqual(keys(de.retention).sort());
  });
});
