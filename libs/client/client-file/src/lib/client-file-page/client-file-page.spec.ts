import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDe from '@angular/common/locales/de';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ClientFileResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { of } from 'rxjs';
import { testClient, testSupport } from '../testing/fixtures';
import { ClientFileStore } from '../client-file-store';
import { ClientFilePage } from './client-file-page';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/client-file/de.json'), 'utf8'));

function file(): ClientFileResponse {
  return {
    client: testClient(),
    support: testSupport(),
    qualifications: {
      clientId: 'c-1',
      schoolYears: null,
      schoolCountry: null,
      schoolCertificate: null,
      vocationalTraining: null,
      universityDegree: null,
      recognitionState: null,
      interests: [],
      workExperience: [],
      version: 0,
    },
    languages: [],
    consents: [],
    plan: {
      clientId: 'c-1',
      supportStart: '2025-01-15',
      supportWindowEnd: '2028-01-14',
      goals: [],
      referrals: [],
      latestAgreement: null,
      changedSinceAgreement: true,
      review: null,
    },
    conversations: [],
    outcomes: [],
    ratings: [],
    access: { canEdit: true, refusal: null },
  };
}

describe('ClientFilePage', () => {
  let backend: HttpTestingController;

  function render() {
    registerLocaleData(localeDe, 'de');
    TestBed.configureTestingModule({
      imports: [
        ClientFilePage,
        TranslocoTestingModule.forRoot({
          langs: { de: { clientFile: de, shell: { loading: 'Wird geladen …' } } },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: ActivatedRoute, useValue: { paramMap: of(convertToParamMap({ clientId: 'c-1' })) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ClientFilePage);
    fixture.detectChanges();
    const store = fixture.debugElement.injector.get(ClientFileStore);
    return { fixture, page: fixture.nativeElement as HTMLElement, store };
  }

  afterEach(() => backend.verify());

  it('shows a skeleton with a progress bar and nothing of the client while loading', () => {
    const { page } = render();

    expect(page.querySelector('[data-testid="file-loading"] mat-progress-bar')?.getAttribute('aria-label')).toBe('Wird geladen …');
    expect(page.querySelectorAll('.file__skeleton-block').length).toBeGreaterThan(0);
    expect(page.querySelector('h1')).toBeNull();
    backend.expectOne('/api/clients/c-1/file');
  });

  it('shows "nicht gefunden" and no client data on a 404', () => {
    const { fixture, page } = render();
    backend
      .expectOne('/api/clients/c-1/file')
      .flush({ statusCode: 404, code: 'notFound', message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    fixture.detectChanges();

    expect(page.querySelector('h1')?.textContent).toBe('Klient:in nicht gefunden');
    expect(page.querySelector('[role="alert"]')).not.toBeNull();
    expect(page.textContent).not.toContain('Amina');
    expect(page.querySelector('nav')).toBeNull();
  });

  it('shows the header and all tabs once the file loaded', () => {
    const { fixture, page } = render();
    backend.expectOne('/api/clients/c-1/file').flush(file());
    fixture.detectChanges();

    expect(page.querySelector('h1')?.textContent).toContain('Amina Haddad');
    expect(Array.from(page.querySelectorAll('nav a')).map((a) => a.textContent?.trim())).toEqual([
      'Überblick',
      'Integrationsplan',
      'Gespräche',
      'Qualifikationen & Sprachen',
      'Ergebnisse',
      'Einwilligungen',
      'Verlauf',
    ]);
  });

  it('keeps the file (and the open tab with its forms) on screen while a reload runs, then shows the fresh file', () => {
    const { fixture, page, store } = render();
    backend.expectOne('/api/clients/c-1/file').flush(file());
    fixture.detectChanges();
    const nav = page.querySelector('nav');

    store.reload();
    fixture.detectChanges();
    expect(store.refreshing()).toBe(true);
    expect(page.querySelector('nav')).toBe(nav);
    expect(page.querySelector('h1')?.textContent).toContain('Amina Haddad');
    expect(page.querySelector('.file__refreshing')?.getAttribute('aria-label')).toBe('Akte wird geladen …');

    const fresh = file();
    fresh.client = testClient({ lastName: 'Haddad-Neu' });
    backend.expectOne('/api/clients/c-1/file').flush(fresh);
    fixture.detectChanges();
    expect(store.refreshing()).toBe(false);
    expect(page.querySelector('nav')).toBe(nav);
    expect(page.querySelector('h1')?.textContent).toContain('Haddad-Neu');
    expect(page.querySelector('.file__refreshing')).toBeNull();
  });
});
