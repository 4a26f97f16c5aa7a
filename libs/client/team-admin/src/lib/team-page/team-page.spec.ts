import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuPlurals } from '@wegweiser/client/ui';
import { TeamDetailResponse, UserResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leadCandidates } from '../dialogs/lead-dialog';
import { recommendedNotAboveMaximum } from '../dialogs/caseload-limit-dialog';
import { FormControl, FormGroup } from '@angular/forms';
import { TeamPage } from './team-page';

const i18n = (lang: string) => JSON.parse(readFileSync(join(__dirname, `../../../../../../apps/client/public/i18n/team-admin/${lang}.json`), 'utf8'));

const TEAM: TeamDetailResponse = {
  id: 't-1',
  name: 'Team Nord',
  leadIds: ['l-1'],
  memberCount: 4,
  members: [
    { id: 'l-1', firstName: 'Oliver', lastName: 'Zimmermann', role: 'team_lead', openClients: 0, caseloadRecommended: null, caseloadMaximum: null },
    { id: 'm-1', firstName: 'Julia', lastName: 'Neumann', role: 'manager', openClients: 3, caseloadRecommended: null, caseloadMaximum: 3 },
    { id: 'm-2', firstName: 'Nadine', lastName: 'Wagner', role: 'manager', openClients: 1, caseloadRecommended: null, caseloadMaximum: null },
    { id: 'm-3', firstName: 'Tamara', lastName: 'Dritte', role: 'manager', openClients: 71, caseloadRecommended: 70, caseloadMaximum: 80 },
  ],
};

describe('TeamPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        TeamPage,
        TranslocoTestingModule.forRoot({ langs: { de: { teamAdmin: i18n('de') } }, translocoConfig: { availableLangs: ['de'], defaultLang: 'de' }, preloadLangs: true }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideNoopAnimations(), provideIcuPlurals()],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('shows the leads and each member’s open caseload (German plurals) with the limits and where it stands', async () => {
    const fixture = TestBed.createComponent(TeamPage);
    fixture.componentRef.setInput('teamId', 't-1');
    fixture.detectChanges();
    await fixture.whenStable();
    backend.expectOne('/api/teams/t-1').flush(TEAM);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('h2')?.textContent).toContain('Team Nord');
    expect(element.querySelector('.team-admin__leads')?.textContent?.replace(/\s+/g, ' ')).toContain('Sachgebietsleitung: Oliver Zimmermann');
    const rows = Array.from(element.querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('th, td')).slice(0, 5).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['Oliver Zimmermann', 'Sachgebietsleitung', '0 offene Fälle', '–', '–'],
      ['Julia Neumann', 'Integrationsmanager:in', '3 offene Fälle Höchstzahl erreicht', '–', '3'],
      ['Nadine Wagner', 'Integrationsmanager:in', '1 offener Fall', '–', '–'],
      ['Tamara Dritte', 'Integrationsmanager:in', '71 offene Fälle über der empfohlenen Fallzahl', '70', '80'],
    ]);
    expect(element.querySelector('button[aria-label="Fallobergrenze von Julia Neumann ändern"]')).not.toBeNull();
  });
});

describe('team lead candidates', () => {
  const account = (id: string, role: UserResponse['role'], teamId: string | null, active = true, lastName = id) =>
    ({ id, role, teamId, active, firstName: 'A', lastName }) as UserResponse;

  it('are the active managers and team leads not leading this team yet, by name', () => {
    const accounts = [
      account('z', 'manager', 't-1', true, 'Zorn'),
      account('lead', 'team_lead', 't-1'),
      account('other-lead', 'team_lead', 't-2', true, 'Becker'),
      account('gone', 'manager', 't-1', false),
      account('admin', 'admin', null),
      account('a', 'manager', 't-2', true, 'Arslan'),
    ];
    expect(leadCandidates(accounts, { id: 't-1', name: 'Team Nord', leadIds: ['lead'], memberCount: 2 }).map((a) => a.id)).toEqual(['a', 'other-lead', 'z']);
  });
});

describe('caseload limit form', () => {
  const group = (recommended: number | null, maximum: number | null) =>
    new FormGroup({ recommended: new FormControl(recommended), maximum: new FormControl(maximum) });

  it('refuses a recommended size above the maximum, and allows either to be empty', () => {
    expect(recommendedNotAboveMaximum(group(90, 80))).toEqual({ order: true });
    expect(recommendedNotAboveMaximum(group(80, 80))).toBeNull();
    expect(recommendedNotAboveMaximum(group(null, 3))).toBeNull();
    expect(recommendedNotAboveMaximum(group(70, null))).toBeNull();
  });
});
