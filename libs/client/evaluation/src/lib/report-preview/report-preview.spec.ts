import { TestBed } from '@angular/core/testing';
import { evaluationTranslations } from '../i18n.testing';
import { sampleReport } from '../testing';
import { ReportPreview } from './report-preview';

describe('ReportPreview', () => {
  function render() {
    TestBed.configureTestingModule({ imports: [ReportPreview, evaluationTranslations()] });
    const fixture = TestBed.createComponent(ReportPreview);
    fixture.componentRef.setInput('report', sampleReport());
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
});
