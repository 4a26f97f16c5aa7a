import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideIcuPlurals } from '@wegweiser/client/ui';
import { FundingReportResponse } from '@wegweiser/shared/contracts';
import { fundingReportTranslations } from '../i18n.testing';
import { emptyColumn } from '../report.testing';
import { FundingReportPage } from './funding-report-page';

function report(): FundingReportResponse {
  const anna = emptyColumn('manager', 'Anna Adler', 'm1');
  anna.figures.personsNew = 2;
  anna.figures.personsOngoing = 3;
  anna.figures.conversations = 9;
  anna.figures.conversationsByForm.phone = 4;
  anna.quality.planWithinThreeMonths = { numerator: 2, denominator: 3 };
  const total = emptyColumn('total', '', null);
  total.figures.personsNew = 2;
  total.figures.personsOngoing = 3;
  total.figures.conversations = 9;
  total.figures.conversationsByForm.phone = 4;
  total.quality.planWithinThreeMonths = { numerator: 2, denominator: 3 };
  return { from: '2025-01-01', to: '2025-03-31', municipalityName: 'Förderstadt', createdOn: '2025-04-02', workingGroups: [{ id: 'g1', name: 'Sprache' }], managers: [anna], total };
}

describe('FundingReportPage', () => {
  let fixture: ComponentFixture<FundingReportPage>;
  let backend: HttpTestingController;
  const root = () => fixture.nativeElement as HTMLElement;
  const button = (label: string) => Array.from(root().querySelectorAll('button')).find((b) => b.textContent?.trim() === label) as HTMLButtonElement;
  const select = (label: string) => {
    const field = Array.from(root().querySelectorAll('mat-form-field')).find((f) => f.querySelector('mat-label')?.textContent?.trim() === label);
    return field?.querySelector('select, input') as HTMLSelectElement | HTMLInputElement;
  };

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [FundingReportPage, fundingReportTranslations()],
      providers: [provideIcuPlurals(), provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FundingReportPage);
    await settle();
  });

  afterEach(() => backend.verify());

  it('asks for the chosen quarter and shows the figures in tables with header cells', async () => {
    const year = select('Jahr') as HTMLInputElement;
    year.value = '2025';
    year.dispatchEvent(new Event('input'));
    const quarter = select('Quartal') as HTMLSelectElement;
    quarter.selectedIndex = 0;
    quarter.dispatchEvent(new Event('change'));
    button('Zahlen anzeigen').click();
    await settle();
    expect(root().querySelector('[role="status"]')?.textContent).toContain('Zahlen werden berechnet');
    backend.expectOne('/api/funding-report?from=2025-01-01&to=2025-03-31').flush(report());
    await settle();

    expect(root().querySelector('h2')?.textContent).toContain('Zahlen vom 01.01.2025 bis 31.03.2025, Förderstadt');
    const persons = root().querySelector('table') as HTMLTableElement;
    expect(persons.querySelector('caption')?.textContent?.trim()).toBe('Beratene Personen');
    expect(Array.from(persons.querySelectorAll('thead th')).map((th) => [th.getAttribute('scope'), th.textContent?.trim()])).toEqual([
      ['col', 'Kennzahl'],
      ['col', 'Anna Adler'],
      ['col', 'Insgesamt'],
    ]);
    const first = persons.querySelector('tbody tr') as HTMLTableRowElement;
    expect(first.querySelector('th[scope="row"]')?.textContent?.trim()).toBe('Beratene Personen insgesamt');
    expect(Array.from(first.querySelectorAll('td')).map((td) => td.textContent?.trim())).toEqual(['5', '5']);
    const text = root().textContent ?? '';
    expect(text).toContain('davon am Telefon');
    expect(text).toContain('Arbeitskreis Sprache');
    expect(text).toContain('Sprache: erreicht');
    expect(text).toContain('2 von 3 (67 %)');
  });

  it('refuses a free period that ends before it starts without asking the API', async () => {
    const kind = select('Art des Zeitraums') as HTMLSelectElement;
    kind.value = 'free';
    kind.dispatchEvent(new Event('change'));
    await settle();
    const from = select('Von') as HTMLInputElement;
    from.value = '2025-03-31';
    from.dispatchEvent(new Event('input'));
    const to = select('Bis') as HTMLInputElement;
    to.value = '2025-01-01';
    to.dispatchEvent(new Event('input'));
    button('Zahlen anzeigen').click();
    await settle();
    backend.expectNone(() => true);
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('Das Ende des Zeitraums liegt vor seinem Beginn.');
  });

  it('says so when the API refuses, and downloads the XLSX of the shown period', async () => {
    button('Zahlen anzeigen').click();
    backend.expectOne((r) => r.url === '/api/funding-report').flush({ code: 'forbidden' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('nur die Administration');

    button('Zahlen anzeigen').click();
    backend.expectOne((r) => r.url === '/api/funding-report').flush(report());
    await settle();
    const created = jest.fn(() => 'blob:funding');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    button('Tabelle herunterladen (XLSX)').click();
    const file = backend.expectOne('/api/funding-report/xlsx?from=2025-01-01&to=2025-03-31');
    expect(file.request.responseType).toBe('blob');
    file.flush(new Blob(['x']), { headers: { 'Content-Disposition': 'attachment; filename="verwendungsnachweis-2025-Q1.xlsx"' } });
    await settle();
    expect(created).toHaveBeenCalledTimes(1);
  });
});
