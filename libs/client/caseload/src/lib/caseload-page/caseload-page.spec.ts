import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ClientListItemResponse, ClientPageResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseloadPage, SEARCH_DEBOUNCE_MS } from './caseload-page';
import { provideIcuPlurals } from '@wegweiser/client/ui';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/caseload/de.json'), 'utf8'));

function client(overrides: Partial<ClientListItemResponse> = {}): ClientListItemResponse {
  return {
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
    supportStart: '2025-01-15',
    supportState: 'active',
    supportWindowEnd: '2028-01-14',
    version: 1,
    lastContactOn: '2026-03-02',
    openGoals: ['work', 'housing'],
    canEdit: true,
    responsibleManager: { id: 'm-1', firstName: 'Julia', lastName: 'Neumann' },
    ...overrides,
  };
}

describe('CaseloadPage', () => {
  let fixture: ComponentFixture<CaseloadPage>;
  let backend: HttpTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const listRequests = () => backend.match((request) => request.url === '/api/clients');

  function answer(request: TestRequest, body: ClientPageResponse) {
    request.flush(body);
    fixture.detectChanges();
  }

  beforeEach(() => {
    jest.useFakeTimers();
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
        provideIcuPlurals(),provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideNoopAnimations()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseloadPage);
    fixture.detectChanges();
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  function type(value: string) {
    const input = page().querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('no search field');
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('loads the first page at once and searches once after typing stops', async () => {
    const [initial] = listRequests();
    expect(initial.request.params.get('q')).toBeNull();
    expect(initial.request.params.get('pageSize')).toBe('50');
    answer(initial, { items: [client()], total: 1, nextCursor: null });

    type('Mu');
    jest.advanceTimersByTime(100);
    type('Mue');
    jest.advanceTimersByTime(100);
    type('Mueller ');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    expect(listRequests()).toHaveLength(0);

    jest.advanceTimersByTime(1);
    const requests = listRequests();
    expect(requests).toHaveLength(1);
    expect(requests[0].request.params.get('q')).toBe('Mueller');
    requests[0].flush({ items: [], total: 0, nextCursor: null });
  });

  it('shows names in both scripts with dir="auto", the case number and the total', async () => {
    answer(listRequests()[0], { items: [client()], total: 1, nextCursor: null });

    const names = Array.from(page().querySelectorAll('a[href="/klienten/c-1"] [dir="auto"]')).map((n) => n.textContent?.trim());
    expect(names).toEqual(['Amina Haddad', 'أمينة حداد']);
    expect(page().textContent).toContain('BH-2026-0001');
    expect(page().querySelector('[role="status"]')?.textContent).toContain('1 Klient:in gefunden');
    const action = page().querySelector<HTMLAnchorElement>('a[href="/klienten/c-1/gespraech-neu"]');
    expect(action?.textContent).toContain('Gespräch dokumentieren');
    expect(page().querySelector('mat-progress-bar')?.getAttribute('aria-label')).toContain('Betreuungszeitraum von Amina Haddad');
  });

  it('warns in words, not only by colour, when the window ends within six months', async () => {
    const soon = new Date();
    soon.setMonth(soon.getMonth() + 3);
    const end = soon.toISOString().slice(0, 10);
    answer(listRequests()[0], { items: [client({ supportStart: '2023-06-01', supportWindowEnd: end })], total: 1, nextCursor: null });

    expect(page().textContent).toContain('endet bald');
  });

  it('shows a clear empty state', async () => {
    answer(listRequests()[0], { items: [], total: 0, nextCursor: null });

    expect(page().textContent).toContain('Keine Klient:innen gefunden');
    expect(page().querySelector('table')).toBeNull();
  });

  it('loads more with the cursor and appends the rows', async () => {
    answer(listRequests()[0], { items: [client()], total: 2, nextCursor: 'next-1' });
    const more = Array.from(page().querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Weitere laden');
    more?.click();

    const [request] = listRequests();
    expect(request.request.params.get('cursor')).toBe('next-1');
    answer(request, { items: [client({ id: 'c-2', firstName: 'Jonas', lastName: 'Mueller', firstNameOriginal: null, lastNameOriginal: null })], total: 2, nextCursor: null });

    expect(page().querySelectorAll('tr.caseload__row')).toHaveLength(2);
    expect(Array.from(page().querySelectorAll('button')).some((b) => b.textContent?.trim() === 'Weitere laden')).toBe(false);
  });

  const rowOf = (caseNumber: string) =>
    Array.from(page().querySelectorAll<HTMLTableRowElement>('tr.caseload__row')).find((row) => row.textContent?.includes(caseNumber));
  const cellText = (row: HTMLTableRowElement | undefined, column: string) =>
    (row?.querySelector(`.mat-column-${column}`)?.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('shows the last contact in the locale format or "noch keiner", and open goals as a count with short labels', async () => {
    answer(listRequests()[0], {
      items: [
        client(),
        client({ id: 'c-2', caseNumber: 'BH-2026-0002', lastContactOn: null, openGoals: [] }),
        client({ id: 'c-3', caseNumber: 'BH-2026-0003', openGoals: ['social_participation'] }),
      ],
      total: 3,
      nextCursor: null,
    });

    const headers = Array.from(page().querySelectorAll('th')).map((th) => th.textContent?.trim());
    expect(headers).toEqual(expect.arrayContaining(['Letzter Kontakt', 'Offene Ziele']));
    expect(cellText(rowOf('BH-2026-0001'), 'lastContact')).toBe('02.03.2026');
    expect(cellText(rowOf('BH-2026-0002'), 'lastContact')).toBe('noch keiner');
    const goals = rowOf('BH-2026-0001')?.querySelectorAll('.mat-column-openGoals li');
    expect(Array.from(goals ?? []).map((li) => li.textContent?.trim())).toEqual(['Arbeit', 'Wohnen']);
    const count = (caseNumber: string) => rowOf(caseNumber)?.querySelector('.caseload__goal-count')?.textContent?.trim();
    expect(count('BH-2026-0001')).toBe('2 Ziele');
    expect(count('BH-2026-0003')).toBe('1 Ziel');
    expect(rowOf('BH-2026-0003')?.querySelector('.mat-column-openGoals li')?.textContent?.trim()).toBe('Teilhabe');
    expect(cellText(rowOf('BH-2026-0002'), 'openGoals')).toBe('keine');
  });

  it('offers "Gespräch dokumentieren" only on rows the user may change', async () => {
    answer(listRequests()[0], {
      items: [client(), client({ id: 'c-2', caseNumber: 'BH-2026-0002', canEdit: false })],
      total: 2,
      nextCursor: null,
    });

    expect(rowOf('BH-2026-0001')?.querySelector('a[href="/klienten/c-1/gespraech-neu"]')).not.toBeNull();
    expect(rowOf('BH-2026-0002')?.textContent).not.toContain('Gespräch dokumentieren');
    expect(rowOf('BH-2026-0002')?.querySelector('a[href="/klienten/c-2/gespraech-neu"]')).toBeNull();
  });

  it('sorts through the API: a new sort starts at the first page, loading more keeps the sort', async () => {
    answer(listRequests()[0], { items: [client()], total: 2, nextCursor: 'name-cursor' });
    const select = page().querySelector<HTMLElement>('.caseload__sort .mat-mdc-select-trigger');
    expect(page().querySelector('.caseload__sort mat-label')?.textContent?.trim()).toBe('Sortieren nach');
    select?.click();
    fixture.detectChanges();
    const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
    expect(options.map((o) => o.textContent?.trim())).toEqual([
      'Name',
      'Ende des Betreuungszeitraums (bald endend zuerst)',
      'Letzter Kontakt (am längsten her zuerst)',
    ]);
    options[1]?.click();
    fixture.detectChanges();

    const [sorted] = listRequests();
    expect(sorted.request.params.get('sort')).toBe('windowEnd');
    expect(sorted.request.params.get('cursor')).toBeNull();
    answer(sorted, { items: [client({ id: 'c-9', caseNumber: 'BH-2026-0009' })], total: 2, nextCursor: 'window-cursor' });
    expect(rowOf('BH-2026-0001')).toBeUndefined();

    Array.from(page().querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Weitere laden')
      ?.click();
    const [more] = listRequests();
    expect(more.request.params.get('sort')).toBe('windowEnd');
    expect(more.request.params.get('cursor')).toBe('window-cursor');
    answer(more, { items: [client({ id: 'c-2', caseNumber: 'BH-2026-0002' })], total: 2, nextCursor: null });
    expect(page().querySelectorAll('tr.caseload__row')).toHaveLength(2);
  });
});
