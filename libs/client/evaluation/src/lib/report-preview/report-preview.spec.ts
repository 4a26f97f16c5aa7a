import { TestBed } from '@angular/core/testing';
import { EvaluationReportResponse } from '@wegweiser/shared/contracts';
import { evaluationTranslations } from '../i18n.testing';
import { sampleReport } from '../testing';
import { ReportPreview } from './report-preview';

describe('ReportPreview', () => {
  function render(report: EvaluationReportResponse = sampleReport()) {
    TestBed.configureTestingModule({ imports: [ReportPreview, evaluationTranslations()] });
    const fixture = TestBed.createComponent(ReportPreview);
    fixture.componentRef.setInput('report', report);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows what the report covers', () => {
    const page = render();
    const text = (page.textContent ?? '').replace(/\s+/g, ' ');
    expect(page.querySelector('h2')?.textContent).toBe('Vorschau: Jahresbericht für den Rat');
    expect(text).toContain('Beispielheim');
    expect(text).toContain('01.01.2025 bis 31.12.2025 (Kohorten 2025 bis 2025)');
    expect(page.querySelector('h3')?.textContent).toBe('Ergebnisse nach Kohorte');
  });

  it('renders a table with caption, header cells with scope, totals in bold and "·" explained by its footnotes', () => {
    const page = render();
    const table = page.querySelector('table') as HTMLTableElement;

    expect(table.caption?.textContent?.trim()).toBe('Deutsch B1 erreicht, nach Geschlecht');
    expect(Array.from(table.querySelectorAll('thead th')).map((th) => [th.getAttribute('scope'), th.textContent?.trim()])).toEqual([
      ['col', 'Kohorte'],
      ['col', 'weiblich'],
      ['col', 'männlich'],
      ['col', 'Insgesamt'],
    ]);
    const rows = Array.from(table.querySelectorAll('tbody tr'));
    expect(rows.map((row) => row.querySelector('th[scope="row"]')?.textContent)).toEqual(['2025', 'Insgesamt']);
    expect(Array.from(rows[0].querySelectorAll('td')).map((td) => td.textContent)).toEqual(['12', '·', '15']);
    expect(rows[0].querySelector('td:last-child')?.classList).toContain('preview__total');
    expect(rows[0].querySelector('td')?.classList).not.toContain('preview__total');
    expect(rows[1].classList).toContain('preview__total');

    const notes = page.querySelector(`#${table.getAttribute('aria-describedby')}`);
    expect(notes?.textContent).toContain('· = weniger als 5 Personen');
  });

  it('lets wide tables scroll in a region reachable by keyboard and named by the caption', () => {
    const page = render();
    const region = page.querySelector('[role="region"]') as HTMLElement;
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(page.querySelector(`#${region.getAttribute('aria-labelledby')}`)?.tagName).toBe('CAPTION');
  });

  it('shows no key figures table when the report has none', () => {
    const page = render();
    expect(page.textContent).not.toContain('Kennzahlen auf einen Blick');
  });

  it('shows "Kennzahlen auf einen Blick" first, each figure beside the previous year', () => {
    const page = render({
      ...sampleReport(),
      period: { from: '2025-01-01', to: '2025-03-31', firstCohort: '2025-Q1', lastCohort: '2025-Q1' },
      previousPeriod: { firstCohort: '2024-Q1', lastCohort: '2024-Q1' },
      keyFigures: [
        { id: 'cohortSize', label: 'Personen in den Kohorten', value: 40, text: '40', previous: 31, previousText: '31' },
        { id: 'b1Within24', label: 'B1 innerhalb von 24 Monaten', value: null, text: 'noch nicht beobachtbar', previous: 41.7, previousText: '41,7 %' },
      ],
    });
    const table = page.querySelector('table') as HTMLTableElement;
    expect(page.querySelector('h3')?.textContent).toBe('Kennzahlen auf einen Blick');
    expect(Array.from(table.querySelectorAll('thead th')).map((th) => [th.getAttribute('scope'), th.textContent?.trim()])).toEqual([
      ['col', 'Kennzahl'],
      ['col', 'Kohorten 2025-Q1'],
      ['col', 'Vorjahr (2024-Q1)'],
    ]);
    expect(Array.from(table.querySelectorAll('tbody tr')).map((row) => Array.from(row.children).map((cell) => cell.textContent?.trim()))).toEqual([
      ['Personen in den Kohorten', '40', '31'],
      ['B1 innerhalb von 24 Monaten', 'noch nicht beobachtbar', '41,7 %'],
    ]);
    expect(table.querySelector('tbody tr th')?.getAttribute('scope')).toBe('row');
  });
});
