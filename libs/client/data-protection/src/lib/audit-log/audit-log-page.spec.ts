import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideIcuPlurals } from '@wegweiser/client/ui';
import { AuditTablePageResponse } from '@wegweiser/shared/contracts';
import { dataProtectionTranslations } from '../i18n.testing';
import { AuditLogPage } from './audit-log-page';

const PAGE: AuditTablePageResponse = {
  items: [
    {
      id: '7',
      occurredAt: '2026-12-06T17:42:17.000Z',
      userId: 'u1',
      personName: 'Ulrike Braun',
      role: 'manager',
      action: 'denied',
      outcome: 'denied',
      entityType: 'client_read',
      caseNumber: 'BH-2026-00012',
    },
  ],
  nextBefore: '7',
};

describe('AuditLogPage', () => {
  async function setUp() {
    TestBed.configureTestingModule({
      imports: [AuditLogPage, dataProtectionTranslations()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideIcuPlurals()],
    });
    const fixture = TestBed.createComponent(AuditLogPage);
    const http = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    http.expectOne('/api/audit/people').flush([{ id: 'u1', name: 'Ulrike Braun', role: 'manager', active: true }]);
    http.expectOne('/api/audit/search').flush(PAGE);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, http, element: fixture.nativeElement as HTMLElement };
  }

  it('shows rows with name, role, action, outcome and what in German words, counted with a plural', async () => {
    const { element } = await setUp();
    const cells = [...element.querySelectorAll('tbody td')].map((cell) => cell.textContent?.trim());
    expect(cells).toEqual(['06.12.2026, 18:42:17', 'Ulrike Braun', 'Integrationsmanager:in', 'Zugriff verweigert', 'verweigert', 'Akte (Lesen)', 'BH-2026-00012']);
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe('1 Eintrag angezeigt · weitere vorhanden');
  });

  it('sends the filters in the body: case number upper-cased, the German days with explicit offsets; pages with the cursor', async () => {
    const { fixture, http, element } = await setUp();
    const set = (name: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
      if (!input) throw new Error(name);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    set('caseNumber', ' bh-2026-00012 ');
    set('from', '2026-03-01');
    set('to', '2026-03-31');
    element.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    const search = http.expectOne('/api/audit/search');
    expect(search.request.method).toBe('POST');
    expect(search.request.body).toEqual({ caseNumber: 'BH-2026-00012', from: '2026-03-01T00:00:00+01:00', to: '2026-04-01T00:00:00+02:00' });
    search.flush(PAGE);
    await fixture.whenStable();
    fixture.detectChanges();

    const more = [...element.querySelectorAll('button')].find((b) => b.textContent?.includes('Ältere Einträge laden'));
    more?.click();
    expect(http.expectOne('/api/audit/search').request.body).toEqual({
      caseNumber: 'BH-2026-00012',
      from: '2026-03-01T00:00:00+01:00',
      to: '2026-04-01T00:00:00+02:00',
      before: '7',
    });
  });
});
