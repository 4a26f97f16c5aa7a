import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { CurrentUser } from '@wegweiser/client/data-access';
import { CreateClientRequest, DuplicateCheckRequest } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { of } from 'rxjs';
import { INTAKE_DRAFT_KEY } from '../history-draft';
import { IntakePage } from './intake-page';

const i18n = (file: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n', file), 'utf8'));
const intake = i18n('intake/de.json');
const root = i18n('de.json');
const me = { id: 'me-1', firstName: 'Julia', lastName: 'Neumann', role: 'manager' };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('IntakePage', () => {
  let backend: HttpTestingController;
  const snackBar = { open: jest.fn() };
  const confirm = jest.fn();

  function render() {
    TestBed.configureTestingModule({
      imports: [
        IntakePage,
        TranslocoTestingModule.forRoot({
          langs: { de: { ...root, intake } },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: MatSnackBar, useValue: snackBar },
        { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(confirm()) }) } },
        { provide: CurrentUser, useValue: { can: () => false } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(IntakePage);
    fixture.detectChanges();
    backend.expectOne('/api/auth/me').flush({ me, csrfToken: 't', idleTimeoutSeconds: 900 });
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    const input = (name: string) => page.querySelector(`[formcontrolname="${name}"]`) as HTMLInputElement;
    const type = (name: string, value: string) => {
      input(name).value = value;
      input(name).dispatchEvent(new Event('input'));
      input(name).dispatchEvent(new Event('blur'));
      fixture.detectChanges();
    };
    const component = fixture.componentInstance as unknown as { form: { patchValue(v: object): void; markAsDirty(): void } };
    return { fixture, page, type, input, navigate, component };
  }

  jest.setTimeout(20_000);

  afterEach(() => {
    backend.verify();
    snackBar.open.mockReset();
    confirm.mockReset();
    window.history.replaceState(null, '');
  });

  it('shows possible matches after name and date of birth: the own team\'s with a link, another team\'s only by team', async () => {
    const { fixture, page, type } = render();
    expect(page.querySelector('h1')?.textContent).toContain('Neue:r Klient:in aufnehmen');
    expect(document.activeElement).toBe(page.querySelector('[formcontrolname="firstName"]'));
    type('firstName', 'Yusuf');
    type('lastName', 'Ahmad');
    await wait(450);
    backend.expectNone('/api/clients/duplicate-check');
    type('dateOfBirth', '03021979');
    await wait(450);
    const check = backend.expectOne('/api/clients/duplicate-check');
    expect(check.request.body).toEqual({ firstName: 'Yusuf', lastName: 'Ahmad', firstNameOriginal: null, lastNameOriginal: null, dateOfBirth: '1979-02-03' } satisfies DuplicateCheckRequest);
    check.flush({
      matches: [{ id: 'c-7', caseNumber: 'BH-2026-00007', firstName: 'Yusuf', lastName: 'Ahmad', firstNameOriginal: 'يوسف', lastNameOriginal: null, dateOfBirth: '1979-02-03' }],
      otherTeams: [{ teamName: 'Team Nord' }],
    });
    fixture.detectChanges();
    const panel = page.querySelector('ww-duplicate-panel [role="status"]') as HTMLElement;
    expect(panel.textContent).toContain('Mögliche Übereinstimmungen');
    expect(panel.querySelector('a')?.getAttribute('href')).toBe('/klienten/c-7');
    expect(panel.querySelector('a')?.textContent).toContain('BH-2026-00007');
    expect(panel.textContent).toContain('Mögliche Übereinstimmung im Team Nord – bitte Teamleitung fragen');
  });

  it('shows German messages at the fields and saves nothing while required fields are empty', () => {
    const { fixture, page } = render();
    (page.querySelector('form') as HTMLFormElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }));
    fixture.detectChanges();
    const errors = Array.from(page.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(errors.filter((e) => e === 'Bitte ausfüllen.')).toHaveLength(5);
    backend.expectNone('/api/clients');
  });

  it('asks for a reason when the support starts before today', () => {
    const { fixture, page, type } = render();
    expect(page.querySelector('[formcontrolname="supportStartReason"]')).toBeNull();
    type('supportStart', '2020-01-02');
    fixture.detectChanges();
    expect(page.querySelector('[formcontrolname="supportStartReason"]')).not.toBeNull();
  });

  it('with possible matches, creates only after the confirmation, then opens the new file and clears the draft', async () => {
    const { fixture, component, navigate } = render();
    component.form.patchValue({ firstName: 'Rania', lastName: 'Haddad', dateOfBirth: '15.03.1990', gender: 'female', countryOfOrigin: 'SY' });
    component.form.markAsDirty();
    await wait(300);
    expect(window.history.state?.[INTAKE_DRAFT_KEY]?.firstName).toBe('Rania');
    const save = async () => {
      (fixture.nativeElement.querySelector('form') as HTMLFormElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }));
      await wait(10);
      const checks = backend.match('/api/clients/duplicate-check');
      checks.forEach((request) => request.flush({ matches: [], otherTeams: [{ teamName: 'Team Nord' }] }));
    };

    confirm.mockReturnValue(false);
    await save();
    backend.expectNone('/api/clients');

    expect(confirm).toHaveBeenCalledTimes(1);
    confirm.mockReturnValue(true);
    await save();
    await wait(0);
    const create = backend.expectOne('/api/clients');
    expect(create.request.body).toEqual(expect.objectContaining({ firstName: 'Rania', dateOfBirth: '1990-03-15', responsibleManagerId: 'me-1' } satisfies Partial<CreateClientRequest>));
    create.flush({ id: 'c-new', caseNumber: 'BH-2026-00601' });
    await wait(0);
    expect(navigate).toHaveBeenCalledWith(['/klienten', 'c-new']);
    expect(snackBar.open).toHaveBeenCalledWith('Klient:in angelegt – Aktenzeichen BH-2026-00601', undefined, { duration: 4000 });
    expect(window.history.state?.[INTAKE_DRAFT_KEY]).toBeUndefined();
    expect((fixture.componentInstance as IntakePage).hasUnsavedChanges()).toBe(false);
    // The check while typing (debounced) may still be on its way.
    await wait(450);
    backend.match('/api/clients/duplicate-check');
  });

  it('restores a draft from the history entry', () => {
    window.history.replaceState({ navigationId: 1, [INTAKE_DRAFT_KEY]: { firstName: 'Rania', lastName: 'Haddad' } }, '');
    const { input, page } = render();
    expect(input('firstName').value).toBe('Rania');
    expect(page.textContent).toContain('Ihr Entwurf wurde wiederhergestellt.');
    backend.match('/api/clients/duplicate-check');
  });
});
