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
        { provide: MatSnackBar, useValue: { open: (message: string) => messages.push(message) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApprovalsPage);
    await settle();
  });

  afterEach(() => backend.verify());

  function answer(plans: PlanReviewListItemResponse[], extensions: SupportExtensionListItemResponse[]) {
    backend.expectOne('/api/plan-reviews?state=submitted').flush(plans);
    backend.expectOne('/api/support-extensions?state=pending').flush(extensions);
  }

  it('lists the waiting plans with a link to the client’s plan, and the extension requests with their justification', async () => {
    answer([plan], [extension]);
    await settle();

    const [plans, extensions] = Array.from(page().querySelectorAll('section'));
    const link = plans?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/klienten/c-1/integrationsplan');
    expect(text(link)).toBe('Amina Haddad (أمينة حداد)');
    expect(link?.querySelectorAll('[dir="auto"]').length).toBe(2);
    expect(text(plans?.querySelector('li'))).toContain('Fassung 2, eingereicht am 03.03.2026 von Julia Neumann');

    const item = extensions?.querySelector('li');
    expect(text(item)).toContain('Verlängerung bis 14.07.2027 (bisher bis 14.01.2027, 6 Monate mehr)');
    expect(text(item)).toContain('Beantragt von Julia Neumann am 01.03.2026');
    expect(text(item)).toContain('Begründung: Die Ausbildung endet erst im Sommer 2027.');
    expect(button('Genehmigen').getAttribute('aria-describedby')).toBe(item?.querySelector('a')?.id);
  });

  it('says when nothing waits', async () => {
    answer([], []);
    await settle();
    expect(text(page())).toContain('Kein Plan wartet auf Ihre Freigabe.');
    expect(text(page())).toContain('Keine Verlängerung wartet auf Ihre Entscheidung.');
  });

  it.each([
    ['Genehmigen', 'approve', 'Verlängerung für Omid Karimi genehmigt'],
    ['Ablehnen', 'reject', 'Verlängerung für Omid Karimi abgelehnt'],
  ])('"%s" decides with the request’s version and reloads the list', async (name, action, message) => {
    answer([plan], [extension]);
    await settle();

    button(name).click();
    await settle();
    const request = backend.expectOne(`/api/support-extensions/e-1/${action}`);
    expect(request.request.body).toEqual({ version: 3 });
    request.flush({ ...extension.extension, state: action === 'approve' ? 'approved' : 'rejected', version: 4 });
    await settle();

    expect(messages).toEqual([message]);
    backend.expectOne('/api/support-extensions?state=pending').flush([]);
    await settle();
    expect(text(page())).toContain('Keine Verlängerung wartet auf Ihre Entscheidung.');
  });

  it('explains when someone decided meanwhile and reloads', async () => {
    answer([], [extension]);
    await settle();
    button('Genehmigen').click();
    await settle();
    backend.expectOne('/api/support-extensions/e-1/approve').flush({ statusCode: 409, code: 'extensionDecided', message: 'x' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(messages).toEqual(['Über diesen Antrag wurde inzwischen entschieden. Die Liste wurde aktualisiert.']);
    backend.expectOne('/api/support-extensions?state=pending').flush([]);
  });
});

describe('monthsBetween', () => {
  it('counts whole months between window ends', () => {
    expect(monthsBetween('2027-01-14', '2027-07-14')).toBe(6);
    expect(monthsBetween('2027-01-14', '2027-07-13')).toBe(5);
    expect(monthsBetween('2027-01-31', '2028-01-31')).toBe(12);
  });
});
