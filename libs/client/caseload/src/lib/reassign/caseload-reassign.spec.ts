import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDe from '@angular/common/locales/de';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { CurrentUser } from '@wegweiser/client/data-access';
import { ClientListItemResponse, Permission, TeamManagersResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseloadPage } from '../caseload-page/caseload-page';
import { provideIcuPlurals } from '@wegweiser/client/ui';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/caseload/de.json'), 'utf8'));

const MANAGERS: TeamManagersResponse = {
  items: [
    { id: 'm-1', firstName: 'Julia', lastName: 'Neumann', openClients: 61, caseloadRecommended: null, caseloadMaximum: null },
    { id: 'm-2', firstName: 'Nadine', lastName: 'Wagner', openClients: 58, caseloadRecommended: null, caseloadMaximum: null },
  ],
};

function client(id: string, firstName: string, lastName: string, responsibleManagerId: string | null): ClientListItemResponse {
  return {
    id,
    caseNumber: `BH-2026-${id}`,
    firstName,
    lastName,
    firstNameOriginal: null,
    lastNameOriginal: null,
    dateOfBirth: '1990-04-02',
    gender: 'female',
    countryOfOrigin: 'SY',
    teamId: 't-1',
    responsibleManagerId,
    supportStart: '2025-01-15',
    supportState: 'active',
    supportWindowEnd: '2028-01-14',
    version: 3,
    lastContactOn: null,
    openGoals: [],
    canEdit: true,
    responsibleManager: responsibleManagerId === 'm-1' ? { id: 'm-1', firstName: 'Julia', lastName: 'Neumann' } : responsibleManagerId ? { id: responsibleManagerId, firstName: 'Ulrike', lastName: 'Braun' } : null,
  };
}

const CLIENTS = [client('0001', 'Amina', 'Haddad', 'm-1'), client('0002', 'Olena', 'Kovalenko', 'm-1'), client('0003', 'Rahel', 'Tesfaye', 'm-9')];

/** The caseload as a team lead sees it: selection, "Verantwortlich", the reassign dialog. */
describe('CaseloadPage: reassignment', () => {
  let fixture: ComponentFixture<CaseloadPage>;
  let backend: HttpTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const settle = async () => {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  };
  const checkbox = (label: string) => page().querySelector<HTMLInputElement>(`input[type="checkbox"][aria-label="${label}"]`);
  const button = (text: string) =>
    Array.from(page().querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === text) as HTMLButtonElement;

  async function render(permissions: Permission[]) {
    registerLocaleData(localeDe, 'de');
    TestBed.configureTestingModule({
      imports: [
        CaseloadPage,
        TranslocoTestingModule.forRoot({
          langs: { de: { caseload: de } },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideIcuPlurals(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: CurrentUser, useValue: { can: (permission: Permission) => permissions.includes(permission) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseloadPage);
    fixture.detectChanges();
  }

  async function renderAsLead() {
    await render(['client:read', 'client:write', 'client:reassign']);
    backend.expectOne('/api/teams/mine/managers').flush(MANAGERS);
    backend.expectOne((r) => r.url === '/api/clients').flush({ items: CLIENTS, total: 3, nextCursor: null });
    await settle();
  }

  afterEach(() => {
    backend.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  it('shows managers neither the selection nor the reassign button, and asks for no team list', async () => {
    await render(['client:read', 'client:write']);
    backend.expectOne((r) => r.url === '/api/clients').flush({ items: CLIENTS, total: 3, nextCursor: null });
    await settle();
    expect(page().querySelectorAll('input[type="checkbox"][aria-label$="auswählen"]')).toHaveLength(0);
    expect(button('Neu zuweisen')).toBeUndefined();
    backend.expectNone('/api/teams/mine/managers');
  });

  it('"Nur meine" is on for managers and off for team leads; switching it asks again and goes into the link', async () => {
    await render(['client:read', 'client:write']);
    const first = backend.expectOne((r) => r.url === '/api/clients');
    expect(first.request.params.get('mine')).toBe('true');
    first.flush({ items: CLIENTS, total: 3, nextCursor: null });
    await settle();
    expect(page().querySelector('a[href="/aufnahme"]')?.textContent?.trim()).toBe('Neue:r Klient:in');
    const toggle = page().querySelector<HTMLButtonElement>('button[role="switch"]');
    expect(toggle?.getAttribute('aria-checked')).toBe('true');
    toggle?.click();
    await settle();
    const again = backend.expectOne((r) => r.url === '/api/clients');
    expect(again.request.params.has('mine')).toBe(false);
    again.flush({ items: CLIENTS, total: 3, nextCursor: null });
    await settle();
    expect(TestBed.inject(Router).url).toContain('mine=false');
    TestBed.resetTestingModule();

    await render(['client:read', 'client:write', 'client:reassign']);
    backend.expectOne('/api/teams/mine/managers').flush(MANAGERS);
    expect(backend.expectOne((r) => r.url === '/api/clients').request.params.has('mine')).toBe(false);
  });

  it('shows the responsible manager by name, also to managers', async () => {
    await render(['client:read', 'client:write']);
    backend.expectOne((r) => r.url === '/api/clients').flush({ items: CLIENTS, total: 3, nextCursor: null });
    await settle();
    const responsible = Array.from(page().querySelectorAll('td.caseload__responsible')).map((td) => td.textContent?.trim());
    expect(responsible).toEqual(['Julia Neumann', 'Julia Neumann', 'Ulrike Braun']);
  });

  it('gives team leads a labelled checkbox per row, "select all on this page" and who is responsible', async () => {
    await renderAsLead();
    expect(checkbox('Alle auf dieser Seite auswählen')).not.toBeNull();
    for (const name of ['Amina Haddad', 'Olena Kovalenko', 'Rahel Tesfaye']) expect(checkbox(`${name} auswählen`)).not.toBeNull();
    const responsible = Array.from(page().querySelectorAll('td.caseload__responsible')).map((td) => td.textContent?.trim());
    expect(responsible).toEqual(['Julia Neumann', 'Julia Neumann', 'Ulrike Braun']);
    expect(page().textContent).toContain('0 ausgewählt');
    expect(button('Neu zuweisen').disabled).toBe(true);

    checkbox('Olena Kovalenko auswählen')?.click();
    await settle();
    expect(page().textContent).toContain('1 ausgewählt');
    expect(button('Neu zuweisen').disabled).toBe(false);
    checkbox('Alle auf dieser Seite auswählen')?.click();
    await settle();
    expect(page().textContent).toContain('3 ausgewählt');
    checkbox('Alle auf dieser Seite auswählen')?.click();
    await settle();
    expect(page().textContent).toContain('0 ausgewählt');
  });

  it('filters by the responsible manager', async () => {
    await renderAsLead();
    const trigger = Array.from(page().querySelectorAll<HTMLElement>('mat-form-field')).find((f) => f.textContent?.includes('Verantwortlich'));
    trigger?.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await settle();
    const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((o) => o.textContent?.includes('Nadine Wagner'));
    option?.click();
    await settle();
    const request = backend.expectOne((r) => r.url === '/api/clients');
    expect(request.request.params.get('managerId')).toBe('m-2');
    request.flush({ items: [], total: 0, nextCursor: null });
  });

  it('reassigns the selected clients in the dialog, confirms with a snack bar and reloads the list', async () => {
    await renderAsLead();
    checkbox('Amina Haddad auswählen')?.click();
    checkbox('Rahel Tesfaye auswählen')?.click();
    await settle();
    button('Neu zuweisen').click();
    await settle();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(Array.from(dialog.querySelectorAll('li')).map((li) => li.textContent?.trim())).toEqual(['Amina Haddad', 'Rahel Tesfaye']);

    dialog.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await settle();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => o.textContent?.includes('Nadine Wagner'))
      ?.click();
    const reason = dialog.querySelector('textarea') as HTMLTextAreaElement;
    reason.value = 'Elternzeit';
    reason.dispatchEvent(new Event('input'));
    await settle();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();

    const request = backend.expectOne('/api/clients/reassign');
    expect(request.request.body).toEqual({ clientIds: ['0001', '0003'], toManagerId: 'm-2', reason: 'Elternzeit' });
    request.flush({ items: [CLIENTS[0], CLIENTS[2]].map((c) => ({ ...c, responsibleManagerId: 'm-2' })) });
    await settle();
    await settle();

    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain('2 Klient:innen neu zugewiesen');
    backend.expectOne('/api/teams/mine/managers').flush(MANAGERS);
    backend.expectOne((r) => r.url === '/api/clients').flush({ items: [CLIENTS[1]], total: 1, nextCursor: null });
    await settle();
    expect(page().textContent).toContain('0 ausgewählt');
    expect(page().textContent).not.toContain('Amina Haddad');
  });
});
