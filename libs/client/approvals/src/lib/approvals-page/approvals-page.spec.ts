import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDe from '@angular/common/locales/de';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ClientSummaryResponse, PlanReviewListItemResponse, SupportExtensionListItemResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideIcuPlurals } from '@wegweiser/client/ui';
import { ApprovalsPage, monthsBetween } from './approvals-page';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/approvals/de.json'), 'utf8'));

const client = (overrides: Partial<ClientSummaryResponse> = {}): ClientSummaryResponse => ({
  id: 'c-1',
  caseNumber: 'BH-2026-0001',
  firstName: 'Amina',
  lastName: 'Haddad',
  firstNameOriginal: 'أمينة',
  lastNameOriginal: 'حداد',
  dateOfBirth: '1990-04-02',
  gender: 'female',
  countryOfOrigin: 'SY',
  teamId: 't-1',
  responsibleManagerId: 'm-1',
  supportStart: '2024-01-15',
  supportState: 'active',
  supportWindowEnd: '2027-01-14',
  version: 1,
  ...overrides,
});

const plan: PlanReviewListItemResponse = {
  client: client(),
  review: {
    id: 'r-1',
    clientId: 'c-1',
    agreementVersion: 2,
    state: 'submitted',
    comment: null,
    submittedById: 'm-1',
    submittedByName: 'Julia Neumann',
    submittedAt: '2026-03-03T09:00:00Z',
    decidedById: null,
    decidedByName: null,
    decidedAt: null,
    version: 1,
  },
  agreement: {
    agreedOn: '2026-03-02',
    goals: [
      {
        id: 'g-1',
        fieldOfAction: 'language',
        target: 'Deutsch bis B1',
        targetLevel: 'B1',
        dueOn: '2026-12-31',
        state: 'in_progress',
        stateChangedOn: '2026-03-02',
        steps: [{ id: 's-1', description: 'Zum Integrationskurs anmelden', assignee: 'client', dueOn: '2026-04-01', doneOn: null }],
      },
    ],
  },
};

const plan2: PlanReviewListItemResponse = {
  client: client({ id: 'c-3', caseNumber: 'BH-2026-0003', firstName: 'Lina', lastName: 'Petrenko', firstNameOriginal: null, lastNameOriginal: null }),
  review: { ...plan.review, id: 'r-2', clientId: 'c-3', agreementVersion: 1, version: 4 },
  agreement: { agreedOn: '2026-03-01', goals: [] },
};

const extension: SupportExtensionListItemResponse = {
  client: client({ id: 'c-2', caseNumber: 'BH-2026-0002', firstName: 'Omid', lastName: 'Karimi', firstNameOriginal: null, lastNameOriginal: null }),
  extension: {
    id: 'e-1',
    clientId: 'c-2',
    requestedUntil: '2027-07-14',
    justification: 'Die Ausbildung endet erst im Sommer 2027.',
    state: 'pending',
    requestedBy: 'm-1',
    requestedAt: '2026-03-01T09:00:00Z',
    decidedBy: null,
    decidedOn: null,
    comment: null,
    version: 3,
  },
  requestedByName: 'Julia Neumann',
};

describe('ApprovalsPage', () => {
  let fixture: ComponentFixture<ApprovalsPage>;
  let backend: HttpTestingController;
  let messages: string[];
  const page = () => fixture.nativeElement as HTMLElement;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const button = (name: string) => Array.from(page().querySelectorAll('button')).find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
  const toggles = () => Array.from(page().querySelectorAll<HTMLButtonElement>('button[aria-expanded]'));
  const openToggle = () => toggles().find((b) => b.getAttribute('aria-expanded') === 'true');
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };

  beforeEach(async () => {
    registerLocaleData(localeDe, 'de');
    messages = [];
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({ langs: { de: { approvals: de } }, translocoConfig: { availableLangs: ['de'], defaultLang: 'de' }, preloadLangs: true }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
        provideIcuPlurals(),
        { provide: MatSnackBar, useValue: { open: (message: string) => messages.push(message) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApprovalsPage);
    document.body.appendChild(fixture.nativeElement);
    await settle();
  });

  afterEach(() => {
    backend.verify();
    (fixture.nativeElement as HTMLElement).remove();
  });

  function answer(plans: PlanReviewListItemResponse[], extensions: SupportExtensionListItemResponse[]) {
    backend.expectOne('/api/plan-reviews?state=submitted').flush(plans);
    backend.expectOne('/api/support-extensions?state=pending').flush(extensions);
  }

  it('opens the first waiting plan: the agreed version’s goals and steps, a link to the file, Freigeben and Zurückgeben', async () => {
    answer([plan], [extension]);
    await settle();

    const [plans, extensions] = Array.from(page().querySelectorAll('section'));
    const toggle = plans?.querySelector('button[aria-expanded]');
    expect(text(toggle)).toBe('Amina Haddad (أمينة حداد) BH-2026-0001');
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(toggle?.querySelectorAll('[dir="auto"]').length).toBe(2);
    const item = plans?.querySelector('li');
    expect(text(item)).toContain('Fassung 2, eingereicht am 03.03.2026 von Julia Neumann');
    expect(text(item)).toContain('Mit Klient:in vereinbart am 02.03.2026');
    expect(text(item)).toContain('Sprache: Deutsch bis B1 Zielniveau B1 · fällig am 31.12.2026 · in Arbeit');
    expect(text(item)).toContain('Zum Integrationskurs anmelden – Klient:in · bis 01.04.2026');
    expect(item?.querySelector('a')?.getAttribute('href')).toBe('/klienten/c-1/integrationsplan');
    expect(button('Freigeben').getAttribute('aria-describedby')).toBe(toggle?.id);
    expect(button('Zurückgeben')).toBeTruthy();

    // The extension (closed) still says what is asked: the new end and the justification.
    const request = extensions?.querySelector('li');
    expect(extensions?.querySelector('button[aria-expanded]')?.getAttribute('aria-expanded')).toBe('false');
    expect(text(request)).toContain('Verlängerung bis 14.07.2027 (bisher bis 14.01.2027, 6 Monate mehr)');
    expect(text(request)).toContain('Beantragt von Julia Neumann am 01.03.2026');
    expect(text(request)).toContain('Begründung: Die Ausbildung endet erst im Sommer 2027.');
  });

  it('counts what waits with German plurals', async () => {
    answer([plan], [extension, { ...extension, extension: { ...extension.extension, id: 'e-2' } }]);
    await settle();
    expect(text(page().querySelector('[role="status"]'))).toBe('1 Plan wartet · 2 Verlängerungen warten');
  });

  it('counts none and many', async () => {
    answer([plan, plan2], []);
    await settle();
    expect(text(page().querySelector('[role="status"]'))).toBe('2 Pläne warten · keine Verlängerung wartet');
  });

  it('says "1 Monat mehr" for a single month', async () => {
    answer([], [{ ...extension, extension: { ...extension.extension, requestedUntil: '2027-02-14' } }]);
    await settle();
    expect(text(page().querySelector('section:nth-of-type(2) li'))).toContain('(bisher bis 14.01.2027, 1 Monat mehr)');
  });

  it('"Freigeben" approves the open plan with its review’s version; then the next waiting item opens and has the focus', async () => {
    answer([plan, plan2], [extension]);
    await settle();

    button('Freigeben').click();
    await settle();
    const request = backend.expectOne('/api/clients/c-1/plan/review/approve');
    expect(request.request.body).toEqual({ version: 1 });
    request.flush({ ...plan.review, state: 'approved', version: 2 });
    await settle();
    // The name is isolated (FSI … PDI): an Arabic name cannot reorder the snack bar's sentence.
    expect(messages).toEqual(['Plan für \u2068Amina Haddad\u2069 freigegeben']);
    backend.expectOne('/api/plan-reviews?state=submitted').flush([plan2]);
    await settle();

    expect(text(openToggle())).toContain('Lina Petrenko');
    expect(document.activeElement).toBe(openToggle());
    expect(text(page())).toContain('Diese Fassung enthält keine Ziele.');
  });

  it('"Zurückgeben" needs a comment; the plan goes back with it and the extension opens next', async () => {
    answer([plan], [extension]);
    await settle();

    button('Zurückgeben').click();
    await settle();
    const form = page().querySelector('form[aria-label="Plan zurückgeben"]') as HTMLFormElement;
    const box = form.querySelector('textarea') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(box);
    box.value = '   ';
    box.dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit'));
    await settle();
    expect(text(form)).toContain('Bitte einen Kommentar schreiben.');
    backend.expectNone('/api/clients/c-1/plan/review/return');

    box.value = ' Bitte den Prüfungstermin ergänzen. ';
    box.dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit'));
    await settle();
    const request = backend.expectOne('/api/clients/c-1/plan/review/return');
    expect(request.request.body).toEqual({ version: 1, comment: 'Bitte den Prüfungstermin ergänzen.' });
    request.flush({ ...plan.review, state: 'returned', version: 2 });
    await settle();
    expect(messages).toEqual(['Plan für \u2068Amina Haddad\u2069 zurückgegeben']);
    backend.expectOne('/api/plan-reviews?state=submitted').flush([]);
    await settle();

    expect(text(openToggle())).toContain('Omid Karimi');
    expect(document.activeElement).toBe(openToggle());
    expect(text(page().querySelector('[role="status"]'))).toBe('Kein Plan wartet · 1 Verlängerung wartet');
  });

  it.each([
    ['Freigeben', 'approve', { version: 3 }, 'Verlängerung für \u2068Omid Karimi\u2069 freigegeben'],
    ['Zurückgeben', 'reject', { version: 3, comment: 'Bitte den Ausbildungsvertrag beilegen.' }, 'Verlängerung für \u2068Omid Karimi\u2069 zurückgegeben'],
  ])('"%s" decides an extension with its version (and the comment) and reloads the list', async (name, action, body, message) => {
    answer([], [extension]);
    await settle();

    button(name).click();
    await settle();
    if (action === 'reject') {
      const form = page().querySelector('form[aria-label="Verlängerung zurückgeben"]') as HTMLFormElement;
      const box = form.querySelector('textarea') as HTMLTextAreaElement;
      box.value = 'Bitte den Ausbildungsvertrag beilegen.';
      box.dispatchEvent(new Event('input'));
      form.dispatchEvent(new Event('submit'));
      await settle();
    }
    const request = backend.expectOne(`/api/support-extensions/e-1/${action}`);
    expect(request.request.body).toEqual(body);
    request.flush({ ...extension.extension, state: action === 'approve' ? 'approved' : 'rejected', version: 4 });
    await settle();

    expect(messages).toEqual([message]);
    backend.expectOne('/api/support-extensions?state=pending').flush([]);
    await settle();
    expect(text(page())).toContain('Keine Verlängerung wartet auf Ihre Entscheidung.');
    expect(document.activeElement?.tagName).toBe('H1');
  });

  it('says when nothing waits', async () => {
    answer([], []);
    await settle();
    expect(text(page())).toContain('Kein Plan wartet auf Ihre Freigabe.');
    expect(text(page())).toContain('Keine Verlängerung wartet auf Ihre Entscheidung.');
  });

  it('explains when someone decided meanwhile and reloads', async () => {
    answer([], [extension]);
    await settle();
    button('Freigeben').click();
    await settle();
    backend.expectOne('/api/support-extensions/e-1/approve').flush({ statusCode: 409, code: 'extensionDecided', message: 'x' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(messages).toEqual(['Über diesen Antrag wurde inzwischen entschieden. Die Liste wurde aktualisiert.']);
    backend.expectOne('/api/support-extensions?state=pending').flush([]);
  });

  it('opens and closes an item by its name (one open at a time)', async () => {
    answer([plan], [extension]);
    await settle();
    toggles()[1]?.click();
    await settle();
    expect(toggles().map((b) => b.getAttribute('aria-expanded'))).toEqual(['false', 'true']);
    toggles()[1]?.click();
    await settle();
    expect(toggles().map((b) => b.getAttribute('aria-expanded'))).toEqual(['false', 'false']);
  });
});

describe('monthsBetween', () => {
  it('counts whole months between window ends', () => {
    expect(monthsBetween('2027-01-14', '2027-07-14')).toBe(6);
    expect(monthsBetween('2027-01-14', '2027-07-13')).toBe(5);
    expect(monthsBetween('2027-01-31', '2028-01-31')).toBe(12);
  });
});
