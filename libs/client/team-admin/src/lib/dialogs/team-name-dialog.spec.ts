import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { TeamResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TeamNameDialog, TeamNameDialogData } from './team-name-dialog';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/team-admin/de.json'), 'utf8'));
const TEAM: TeamResponse = { id: 't-1', name: 'Team Nord', leadIds: [], memberCount: 3 };

describe('TeamNameDialog', () => {
  let backend: HttpTestingController;

  async function open(team: TeamResponse | null) {
    TestBed.configureTestingModule({
      imports: [TranslocoTestingModule.forRoot({ langs: { de: { teamAdmin: de } }, translocoConfig: { availableLangs: ['de'], defaultLang: 'de' }, preloadLangs: true })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    backend = TestBed.inject(HttpTestingController);
    const ref = TestBed.inject(MatDialog).open<TeamNameDialog, TeamNameDialogData, TeamResponse>(TeamNameDialog, { data: { team } });
    let closedWith: TeamResponse | undefined | null = null;
    ref.afterClosed().subscribe((value) => (closedWith = value));
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement;
    const input = () => dialog().querySelector('input') as HTMLInputElement;
    const type = async (value: string) => {
      input().value = value;
      input().dispatchEvent(new Event('input'));
      await settle();
    };
    const submit = async () => {
      dialog().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await settle();
    };
    return { dialog, input, type, submit, settle, closedWith: () => closedWith };
  }

  afterEach(() => {
    backend.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  it('renames with the trimmed name and shows a taken name (409 teamNameTaken) at the field', async () => {
    const { dialog, input, type, submit, settle, closedWith } = await open(TEAM);
    expect(input().value).toBe('Team Nord');
    await type('  Team Süd ');
    await submit();
    const refused = backend.expectOne({ method: 'PATCH', url: '/api/teams/t-1' });
    expect(refused.request.body).toEqual({ name: 'Team Süd' });
    refused.flush({ statusCode: 409, code: 'teamNameTaken', message: 'taken' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(dialog().querySelector('mat-error')?.textContent).toContain('Ein Team mit diesem Namen gibt es schon.');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(closedWith()).toBeNull();

    await type('Team Ost');
    await submit();
    const renamed: TeamResponse = { ...TEAM, name: 'Team Ost' };
    backend.expectOne({ method: 'PATCH', url: '/api/teams/t-1' }).flush(renamed);
    await settle();
    expect(closedWith()).toEqual(renamed);
  });

  it('asks for a name before creating anything', async () => {
    const { dialog, type, submit } = await open(null);
    await type('   ');
    await submit();
    expect(dialog().querySelector('mat-error')?.textContent).toContain('Bitte einen Namen angeben.');
    backend.expectNone('/api/teams');
  });
});
