import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ErasureRequestResponse } from '@wegweiser/shared/contracts';
import { retentionTranslations } from '../i18n.testing';
import { RetentionPage } from './retention-page';
import { provideIcuPlurals } from '@wegweiser/client/ui';

const pending = (overrides: Partial<ErasureRequestResponse> = {}): ErasureRequestResponse => ({
  id: 'r-1',
  clientId: 'c-1',
  caseNumber: 'BH-2026-0042',
  reason: 'consent_withdrawn',
  state: 'pending',
  requestedAt: '2026-11-20T09:30:00.000Z',
  confirmedAt: null,
  ...overrides,
});

describe('RetentionPage', () => {
  let fixture: ComponentFixture<RetentionPage>;
  let backend: HttpTestingController;
  const root = () => fixture.nativeElement as HTMLElement;
  const section = (index: number) => root().querySelectorAll('section')[index] as HTMLElement;
  const button = (label: string, within: ParentNode = document.body) =>
    Array.from(within.querySelectorAll('button')).find((b) => b.textContent?.trim() === label) as HTMLButtonElement | undefined;
  const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement | null;

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function type(input: HTMLInputElement, value: string): void {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function render(requests: ErasureRequestResponse[] = [pending()]): Promise<void> {
    TestBed.configureTestingModule({
      imports: [RetentionPage, retentionTranslations()],
      providers: [
        provideIcuPlurals(),provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RetentionPage);
    await settle();
    backend.expectOne('/api/retention/policy').flush({ eraseAfterMonths: 72, auditRetentionMonths: 120, custom: false });
    backend.expectOne('/api/erasure-requests?state=pending').flush(requests);
    await settle();
  }

  afterEach(() => {
    backend.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((container) => (container.innerHTML = ''));
  });

  it('shows the policy and saves new periods; out-of-range months are refused without a call', async () => {
    await render();
    const [erase, audit] = Array.from(section(0).querySelectorAll('input')) as HTMLInputElement[];
    expect([erase.value, audit.value]).toEqual(['72', '120']);
    expect(section(0).textContent).toContain('Es gelten die Standardfristen.');

    type(erase, '241');
    button('Fristen speichern', section(0))?.click();
    await settle();
    backend.expectNone('/api/retention/policy');
    expect(section(0).textContent).toContain('Zwischen 1 und 240 Monaten.');

    type(erase, '60');
    button('Fristen speichern', section(0))?.click();
    await settle();
    const put = backend.expectOne({ method: 'PUT', url: '/api/retention/policy' });
    expect(put.request.body).toEqual({ eraseAfterMonths: 60, auditRetentionMonths: 120 });
    put.flush({ eraseAfterMonths: 60, auditRetentionMonths: 120, custom: true });
    await settle();
    expect(section(0).querySelector('[role="status"]')?.textContent?.trim()).toBe('Die Fristen sind gespeichert.');
    expect(section(0).textContent).toContain('Es gelten die Fristen Ihrer Kommune.');
  });

  it('runs the dry run for the reference date and lists the case numbers with their count, or says none', async () => {
    await render();
    type(section(1).querySelector('input') as HTMLInputElement, '2031-01-01');
    button('Probelauf starten', section(1))?.click();
    await settle();
    backend.expectOne('/api/retention/dry-run?today=2031-01-01').flush({ today: '2031-01-01', caseNumbers: ['BH-1', 'BH-2'], onHold: 1 });
    await settle();
    expect(section(1).querySelector('[role="status"]')?.textContent).toContain('2 Akten würden gelöscht.');
    expect(section(1).querySelector('[role="status"]')?.textContent).toContain('1 weitere Akte ist fällig');
    expect(Array.from(section(1).querySelectorAll('tbody td')).map((td) => td.textContent?.trim())).toEqual(['BH-1', 'BH-2']);

    button('Probelauf starten', section(1))?.click();
    await settle();
    backend.expectOne('/api/retention/dry-run?today=2031-01-01').flush({ today: '2031-01-01', caseNumbers: [], onHold: 0 });
    await settle();
    expect(section(1).querySelector('[role="status"]')?.textContent?.trim()).toBe('Zum Stichtag würde keine Akte gelöscht.');
    expect(section(1).querySelector('table')).toBeNull();
  });

  it('lists pending requests with case number, translated reason and date, and erases only after the warning is confirmed', async () => {
    await render();
    const cells = Array.from(section(2).querySelectorAll('tbody td')).map((td) => td.textContent?.trim());
    expect(cells.slice(0, 3)).toEqual(['BH-2026-0042', 'Einwilligung widerrufen (lit. b)', '20.11.26, 09:30']);

    button('Löschung bestätigen', section(2))?.click();
    await settle();
    expect(dialog()?.textContent).toContain('Das kann nicht rückgängig gemacht werden.');
    button('Abbrechen')?.click();
    await settle();
    backend.expectNone(() => true);

    button('Löschung bestätigen', section(2))?.click();
    await settle();
    button('Endgültig löschen')?.click();
    await settle();
    backend.expectOne({ method: 'POST', url: '/api/erasure-requests/r-1/confirm' }).flush(pending({ state: 'confirmed', caseNumber: null }));
    await settle();
    expect(section(2).querySelector('[role="status"]')?.textContent?.trim()).toBe('Die Akte BH-2026-0042 ist gelöscht.');
    expect(section(2).textContent).toContain('Es gibt keine offenen Löschanträge.');
  });

  it('explains a refused confirmation and reloads the list', async () => {
    await render();
    button('Löschung bestätigen', section(2))?.click();
    await settle();
    button('Endgültig löschen')?.click();
    await settle();
    backend.expectOne('/api/erasure-requests/r-1/confirm').flush({ statusCode: 409, code: 'erasureRequestNotPending', message: 'no' }, { status: 409, statusText: 'Conflict' });
    backend.expectOne('/api/erasure-requests?state=pending').flush([]);
    await settle();
    expect(section(2).querySelector('[role="alert"]')?.textContent?.trim()).toBe('Dieser Antrag ist nicht mehr offen.');
    expect(section(2).textContent).toContain('Es gibt keine offenen Löschanträge.');
  });
});
