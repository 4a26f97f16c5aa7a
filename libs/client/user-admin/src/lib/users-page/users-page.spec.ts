import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideIcuPlurals } from '@wegweiser/client/ui';
import { TeamResponse, UserResponse } from '@wegweiser/shared/contracts';
import { userAdminTranslations } from '../i18n.testing';
import { UsersPage } from './users-page';

const account = (overrides: Partial<UserResponse>): UserResponse => ({
  id: 'id',
  email: 'x@bh.example',
  firstName: 'X',
  lastName: 'Y',
  role: 'manager',
  teamId: 'team-1',
  active: true,
  totpEnabled: false,
  locked: false,
  version: 1,
  ...overrides,
});

const USERS = [
  account({ id: 'admin', firstName: 'Tanja', lastName: 'Müller', email: 'tanja.mueller@bh.example', role: 'admin', teamId: null, totpEnabled: true }),
  account({ id: 'julia', firstName: 'Julia', lastName: 'Neumann', email: 'julia.neumann@bh.example' }),
  account({ id: 'ulrike', firstName: 'Ulrike', lastName: 'Braun', email: 'ulrike.braun@bh.example', teamId: 'team-2', locked: true }),
];
const TEAMS: TeamResponse[] = [
  { id: 'team-1', name: 'Team Nord', leadIds: [], memberCount: 1 },
  { id: 'team-2', name: 'Team Süd', leadIds: [], memberCount: 1 },
];

describe('UsersPage', () => {
  let fixture: ComponentFixture<UsersPage>;
  let backend: HttpTestingController;
  const root = () => fixture.nativeElement as HTMLElement;
  const card = (name: string) => Array.from(root().querySelectorAll('li.user-card')).find((li) => li.querySelector('h3')?.textContent?.includes(name)) as HTMLElement;
  const buttons = (within: HTMLElement) => Array.from(within.querySelectorAll('button')).map((b) => b.textContent?.trim());
  const count = () => root().querySelector('.users__count')?.textContent?.trim();

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [UsersPage, userAdminTranslations()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), provideIcuPlurals()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UsersPage);
    await settle();
    backend.expectOne('/api/auth/me').flush({ me: { id: 'admin' }, csrfToken: 'x' });
    backend.expectOne('/api/users').flush(USERS);
    backend.expectOne('/api/teams').flush(TEAMS);
    await settle();
  });

  afterEach(() => backend.verify());

  it('shows every account as a card with team name, state and a German plural count', () => {
    expect(count()).toBe('3 Konten von 3');
    expect(card('Julia Neumann').textContent).toContain('Team Nord');
    expect(card('Ulrike Braun').textContent).toContain('Team Süd');
    expect(card('Ulrike Braun').textContent).toContain('gesperrt');
    expect(card('Tanja Müller').textContent).toContain('kein Team');
    expect(card('Tanja Müller').textContent).toContain('Zweiter Faktor eingerichtet');
  });

  it('offers only the actions that apply: unlock for a locked account, nothing but role and team for the own', () => {
    expect(buttons(card('Ulrike Braun'))).toEqual(['Rolle und Team', 'Entsperren', 'Passwort zurücksetzen', 'Deaktivieren']);
    expect(buttons(card('Julia Neumann'))).toEqual(['Rolle und Team', 'Passwort zurücksetzen', 'Deaktivieren']);
    expect(buttons(card('Tanja Müller'))).toEqual(['Rolle und Team']);
    expect(card('Tanja Müller').textContent).toContain('(Ihr Konto)');
  });

  it('filters in the browser by the search words, without another request; singular count', async () => {
    const search = root().querySelector('input[type="search"]') as HTMLInputElement;
    search.value = 'BRAUN';
    search.dispatchEvent(new Event('input'));
    await settle();
    expect(count()).toBe('1 Konto von 3');
    expect(root().querySelectorAll('li.user-card')).toHaveLength(1);
    search.value = 'niemand';
    search.dispatchEvent(new Event('input'));
    await settle();
    expect(count()).toBe('0 Konten von 3');
    expect(root().textContent).toContain('Keine Konten passen zu den Filtern.');
    backend.expectNone(() => true);
  });

  it('edits with the current version and explains a conflict in German, then loads the list again', async () => {
    (Array.from(card('Julia Neumann').querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Rolle und Team') as HTMLButtonElement).click();
    await settle();
    backend.expectOne('/api/users/julia').flush({ ...USERS[1], version: 4 });
    await settle();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(dialog.textContent).toContain('Rolle und Team von Julia Neumann');
    (Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Speichern') as HTMLButtonElement).click();
    await settle();
    const patch = backend.expectOne('/api/users/julia');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ role: 'manager', teamId: 'team-1', version: 4 });
    patch.flush({ statusCode: 409, code: 'staleVersion', message: 'x', currentVersion: 5 }, { status: 409, statusText: 'Conflict' });
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('Jemand anderes hat dieses Konto inzwischen geändert.');
    backend.expectOne('/api/users').flush(USERS);
    backend.expectOne('/api/teams').flush(TEAMS);
    document.querySelectorAll('.cdk-overlay-container').forEach((container) => (container.innerHTML = ''));
  });
});
