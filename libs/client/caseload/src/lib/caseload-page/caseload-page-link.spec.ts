import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseloadPage } from './caseload-page';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/caseload/de.json'), 'utf8'));

/** Opened from a figure of the team dashboard: the list starts filtered as the link says. */
describe('CaseloadPage opened by a link', () => {
  function open(params: Record<string, string>) {
    registerLocaleData(localeDe, 'de');
    TestBed.configureTestingModule({
      imports: [
        CaseloadPage,
        TranslocoTestingModule.forRoot({ langs: { de: { caseload: de } }, translocoConfig: { availableLangs: ['de'], defaultLang: 'de' }, preloadLangs: true }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: ActivatedRoute, useValue: { snapshot: { queryParamMap: convertToParamMap(params) } } },
      ],
    });
    const fixture = TestBed.createComponent(CaseloadPage);
    fixture.detectChanges();
    const backend = TestBed.inject(HttpTestingController);
    const [request] = backend.match((r) => r.url === '/api/clients');
    backend.match(() => true);
    fixture.detectChanges();
    return { fixture, request, page: fixture.nativeElement as HTMLElement };
  }

  it('asks for the month of window ends the link names, in order of window end, and says so', () => {
    const { request, page } = open({ windowEndsAfter: '2026-12-01', windowEndsBefore: '2027-01-01', openCases: 'true', sort: 'windowEnd' });
    const params = request?.request.params;
    expect(['windowEndsAfter', 'windowEndsBefore', 'openCases', 'sort'].map((key) => params?.get(key))).toEqual(['2026-12-01', '2027-01-01', 'true', 'windowEnd']);
    expect((page.querySelector('input[type="date"][formcontrolname="windowEndsBefore"]') as HTMLInputElement).value).toBe('2027-01-01');
    const notice = page.querySelector('.caseload__linked')?.textContent ?? '';
    expect(notice).toContain('Weitere Filter aus der Team-Übersicht');
    expect(notice).toContain('Betreuungszeitraum endet ab 01.12.2026');
    expect(notice).toContain('nur laufende Betreuungen');
  });

  it('asks for overdue goals and forgets the linked filters on reset', () => {
    const { fixture, request, page } = open({ goalsOverdue: 'true', openCases: 'true', state: 'active' });
    expect(request?.request.params.get('goalsOverdue')).toBe('true');
    expect(request?.request.params.get('state')).toBe('active');
    const backend = TestBed.inject(HttpTestingController);
    const reset = [...page.querySelectorAll('button')].find((b) => b.textContent?.includes('Filter zurücksetzen')) as HTMLButtonElement;
    reset.click();
    fixture.detectChanges();
    const [again] = backend.match((r) => r.url === '/api/clients');
    expect(again?.request.params.keys().filter((key) => key !== 'pageSize')).toEqual([]);
    backend.match(() => true);
    fixture.detectChanges();
    expect(page.querySelector('.caseload__linked')).toBeNull();
  });
});
