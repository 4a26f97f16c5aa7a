import type { EvaluationReportResponse } from '@wegweiser/shared/contracts';
import {
  pdfGlyphText,
  pdfImageCount,
  pdfStructure,
  pdfText,
  pdfWords,
  renderPage,
  RgbImage,
  structureElements,
  structureText,
  type PdfStructure,
  type PdfStructureElement,
} from '@wegweiser/shared/pdf-testing';
import {
  germanDate,
  renderEvaluationReportPdf,
  sectionFootnotes,
  superscript,
} from './evaluation-report-pdf';
import {
  cohortBarChartData,
  cumulativeLineChartData,
  SERIES_COLORS,
} from './report-charts';
import { KEY_FIGURES, councilReport } from './key-figures.fixture';
import { KEY_FIGURES_TITLE, NO_PREVIOUS } from './report-key-figures';
import { METHOD_TITLE } from './report-method';

const hex = (color: string) =>
  [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));

/** Pixels within a small distance of `color` in a rendered page. */
function pixelsOf(image: RgbImage, color: string): number {
  const [r, g, b] = hex(color);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 3) {
    const d =
      Math.abs(image.data[i] - r) +
      Math.abs(image.data[i + 1] - g) +
      Math.abs(image.data[i + 2] - b);
    if (d < 40) count++;
  }
  return count;
}

const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();
const byRole = (tree: readonly PdfStructureElement[], role: string) =>
  structureElements(tree).filter((element) => element.role === role);
const textOf = (element: PdfStructureElement) =>
  normalized(structureText(element));

/** Header texts and body rows of a `Table` element, with the roles and scopes of the cells. */
function tableCells(table: PdfStructureElement) {
  const rows = table.children.filter((child) => child.role === 'TR');
  return rows.map((row) =>
    row.children.map((cell) => ({
      role: cell.role,
      ...(cell.scope !== undefined && { scope: cell.scope }),
      text: normalized(textOf(cell)),
    })),
  );
}

describe('evaluation report PDF', () => {
  const report = councilReport();
  let pdf: Buffer;
  let pages: string[];
  let structure: PdfStructure;
  let tree: PdfStructureElement[];
  let renderMs: number;

  beforeAll(async () => {
    const started = Date.now();
    pdf = await renderEvaluationReportPdf(report, { createdOn: '2026-03-15' });
    renderMs = Date.now() - started;
    // Physical lines: a table row is one line, its cells separated by spaces.
    pages = pdfText(pdf)
      .split('\f')
      .filter((page) => page.trim() !== '');
    structure = pdfStructure(pdf);
    tree = structure.tree ?? [];
  }, 60_000);

  it('renders in reasonable time and size', () => {
    expect(renderMs).toBeLessThan(20_000);
    expect(pdf.length).toBeLessThan(600_000);
  });

  it('has a short title block with title, municipality, period and date of creation on page 1', () => {
    expect(pages[0]).toContain('Evaluationsbericht');
    expect(pages[0]).toContain('Jahresbericht Integrationsmanagement');
    expect(pages[0]).toContain('Beispielheim (BH)');
    expect(pages[0]).toContain(
      'Betreuungsbeginn vom 01.01.2024 bis 31.12.2024',
    );
    expect(pages[0]).toContain('2024-Q1 bis 2024-Q4');
    expect(pages[0]).toContain('Erstellt am');
    expect(pages[0]).toContain('15.03.2026');
  });

  it('shows "Kennzahlen auf einen Blick" on page 1: each key figure beside the previous year', () => {
    expect(pages[0]).toContain(KEY_FIGURES_TITLE);
    // (the column headers wrap; their cells are checked in the structure tree below)
    expect(pages[0]).toMatch(
      /^\s*Kennzahl\s+Berichtszeitraum .*Vorjahr 2023-Q1 bis 2023-Q4\s*$/m,
    );
    for (const figure of KEY_FIGURES) {
      const cells = [figure.label, figure.text, figure.previousText].map((t) =>
        t.replace(/[.()/]/g, '\\$&').replace(/\s+/g, '\\s+'),
      );
      expect(pages[0]).toMatch(
        new RegExp(`^\\s*${cells.join('\\s+')}\\s*$`, 'm'),
      );
    }
  });

  it('ends with the method appendix: cohorts, B1 and employment definitions, Kaplan–Meier, disclosure control with this k', () => {
    const start = pages.findIndex((page) => page.startsWith(METHOD_TITLE));
    expect(start).toBeGreaterThan(1);
    expect(pages[pages.length - 1]).not.toContain(KEY_FIGURES_TITLE);
    const method = normalized(pages.slice(start).join(' '));
    for (const expected of [
      'Quartal des Betreuungsbeginns',
      'zertifizierte Deutschkenntnis auf Niveau B1',
      '„bei Beginn vorhanden“ und zählt nie als Erfolg',
      'sozialversicherungspflichtig vor selbstständig vor Minijob',
      'abgeschlossen, laufend, abgebrochen oder nicht begonnen',
      'Kaplan–Meier',
      'Zensierung',
      'unter Risiko',
      '„noch nicht beobachtbar“',
      'je Kommune fest, mindestens 5; in diesem Bericht ist k = 5',
      'mindestens 5 es nicht haben und die Gruppe mindestens 10 Personen umfasst',
      'Sekundärsperrung',
      'linearer Optimierung',
      '„übrige“',
      'Veröffentlichungsregister',
      'zusammen mit allem zuvor Veröffentlichten geprüft',
      '„·“',
      'keine personenbezogenen Daten',
    ])
      expect(method).toContain(expected);
    expect(pages.slice(0, start).join('\n')).not.toContain('Kaplan–Meier');
  });

  it('holds real spaces between words (no justified lines whose words only gaps separate)', () => {
    const drawn = normalized(pdfGlyphText(pdf));
    expect(drawn).toContain(
      'Gezählt werden Personen, deren Betreuung im Berichtszeitraum begonnen hat',
    );
    expect(drawn).toContain('Deutsch B1 gilt als erreicht zum früheren');
    expect(drawn).toContain('Anonymisierte Auswertung: keine Namen');
  });

  it('numbers every page and names Wegweiser and the report in every footer', () => {
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((page, i) => {
      expect(page).toContain(`Seite ${i + 1} von ${pages.length}`);
      expect(page).toContain(
        'Erstellt mit Wegweiser · Jahresbericht Integrationsmanagement',
      );
    });
  });

  it('prints the published figures of the tables, totals and suppression marks included', () => {
    const text = pages.join('\n');
    const byGender = report.sections[0].tables[0];
    expect(byGender.id).toBe('cohorts.gender');
    for (const row of byGender.rows) {
      const line = new RegExp(
        `^\\s*${row.label}\\s+${row.text.map((t) => t.replace('.', '\\.')).join('\\s+')}\\s*$`,
        'm',
      );
      expect(text).toMatch(line);
    }
    expect(text).toContain(byGender.title);
    expect(text).toContain('weniger als 5 Personen');
  });

  it('draws the charts as vector graphics: coloured bars and lines, no embedded image', () => {
    const chartPage = pages.findIndex((page) =>
      page.includes(
        'Anteil mit Deutsch B1 bzw. Beschäftigung innerhalb von 24',
      ),
    );
    expect(chartPage).toBeGreaterThan(0);
    expect(pages[chartPage]).toContain(
      'Anteil aller Personen mit dem Ergebnis innerhalb von 12, 24 und 36 Monaten',
    );
    expect(pages[chartPage]).toContain('2024-Q1');
    expect(pages[chartPage]).toContain('50 %');
    const image = renderPage(pdf, chartPage + 1, 50);
    expect(pixelsOf(image, SERIES_COLORS[0])).toBeGreaterThan(100);
    expect(pixelsOf(image, SERIES_COLORS[1])).toBeGreaterThan(100);
    expect(pixelsOf(image, SERIES_COLORS[2])).toBeGreaterThan(10);
    expect(pdfImageCount(pdf)).toBe(0);
  });

  describe('tagged PDF (read back)', () => {
    it('is marked as tagged, in German, with its title shown as the window title', () => {
      expect(structure.marked).toBe(true);
      expect(structure.lang).toBe('de-DE');
      expect(structure.title).toBe(report.title);
      expect(structure.displayDocTitle).toBe(true);
      expect(tree.map((element) => element.role)).toEqual(['Document']);
    });

    it('has the headings in reading order: H1 the title, H2 per section, H3 per table', () => {
      const headings = structureElements(tree).filter((element) =>
        /^H\d$/.test(element.role),
      );
      expect(headings[0].role).toBe('H1');
      expect(textOf(headings[0])).toBe(report.title);
      expect(byRole(tree, 'H1')).toHaveLength(1);
      expect(byRole(tree, 'H2').map(textOf)).toEqual([
        KEY_FIGURES_TITLE,
        ...report.sections.map((section, i) => `${i + 1}. ${section.title}`),
        METHOD_TITLE,
      ]);
      // one bookmark per part, named like its heading
      expect(structure.outline).toEqual(byRole(tree, 'H2').map(textOf));
      const tableHeadings = byRole(tree, 'H3')
        .map(textOf)
        .slice(0, report.sections.flatMap((s) => s.tables).length);
      expect(
        tableHeadings.map((h) => h.replace(/[\s⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '')),
      ).toEqual(report.sections.flatMap((s) => s.tables.map((t) => t.title)));
    });

    it('has the key figures as the first table, with column headers and the previous year', () => {
      const [first] = byRole(tree, 'Table');
      const [header, ...rows] = tableCells(first);
      expect(header).toEqual(
        [
          'Kennzahl',
          'Berichtszeitraum 2024-Q1 bis 2024-Q4',
          'Vorjahr 2023-Q1 bis 2023-Q4',
        ].map((text) => ({ role: 'TH', scope: 'Column', text })),
      );
      expect(rows).toEqual(
        KEY_FIGURES.map((figure) => [
          { role: 'TH', scope: 'Row', text: figure.label },
          { role: 'TD', text: normalized(figure.text) },
          { role: 'TD', text: normalized(figure.previousText) },
        ]),
      );
    });

    it('has every table of the report as a Table: column header cells, row header cells, data cells', () => {
      const tables = byRole(tree, 'Table').slice(1);
      const expected = report.sections.flatMap((s) => s.tables);
      expect(tables).toHaveLength(expected.length);
      expected.forEach((table, t) => {
        const [header, ...rows] = tableCells(tables[t]);
        expect(header).toEqual(
          [table.rowHeading, ...table.columnLabels].map((text) => ({
            role: 'TH',
            scope: 'Column',
            text: normalized(text),
          })),
        );
        expect(rows).toEqual(
          table.rows.map((row) => [
            { role: 'TH', scope: 'Row', text: row.label },
            ...row.text.map((text) => ({ role: 'TD', text: normalized(text) })),
          ]),
        );
      });
    });

    it('gives every chart a Figure whose alternative text states its figures and points to the table', () => {
      const figures = byRole(tree, 'Figure');
      const charts = [
        cohortBarChartData(report),
        cumulativeLineChartData(report),
      ];
      expect(charts.every((chart) => chart !== null)).toBe(true);
      expect(figures).toHaveLength(charts.length);
      charts.forEach((chart, i) => {
        const alt = figures[i].alt ?? '';
        expect(alt).toContain(chart?.title);
        for (const category of chart?.categories ?? [])
          expect(alt).toContain(`${category}:`);
        for (const series of chart?.series ?? [])
          for (const text of series.text)
            expect(alt).toContain(text === '·' ? 'nicht ausgewiesen' : text);
        expect(alt).toContain('Dieselben Zahlen stehen in den Tabellen');
      });
    });

    it('prints each footnote once per section (at its end) and marks the tables with its number', () => {
      const sects = byRole(tree, 'Sect');
      const referenced = report.sections.flatMap((section) =>
        section.tables.flatMap((table) => table.footnotes),
      ).length;
      const printed = report.sections.flatMap(
        (section) => sectionFootnotes(section).notes,
      ).length;
      // the sample repeats notes under many tables: fewer printed than referenced
      expect(printed).toBeGreaterThan(0);
      expect(printed).toBeLessThan(referenced);
      report.sections.forEach((section, s) => {
        const sect = sects[s + 1];
        expect(textOf(sect.children[0])).toBe(`${s + 1}. ${section.title}`);
        const paragraphs = sect.children
          .filter((child) => child.role === 'P')
          .map((p) => normalized(textOf(p)));
        const { notes, marks } = sectionFootnotes(section);
        notes.forEach((note, n) => {
          const printed = `${superscript(n + 1)} ${normalized(note)}`;
          expect(paragraphs.filter((p) => p === printed)).toHaveLength(1);
          // and never as a plain repeat under a table
          expect(
            paragraphs.filter((p) => p.endsWith(normalized(note))),
          ).toHaveLength(1);
        });
        const headings = sect.children.filter((child) => child.role === 'H3');
        section.tables.forEach((table, t) =>
          expect(normalized(textOf(headings[t]))).toBe(
            normalized(`${table.title} ${marks[t].map(superscript).join(' ')}`),
          ),
        );
      });
    });

    it('keeps running footers out of the structure (artifacts)', () => {
      const all = structureElements(tree).map(textOf).join('\n');
      expect(all).not.toContain('Seite 1 von');
      expect(all).not.toContain('Erstellt mit Wegweiser');
    });

    it('reads in order: title, key figures, sections, method', () => {
      const reading = normalized(tree.map(textOf).join(' '));
      const order = [
        report.title,
        KEY_FIGURES_TITLE,
        KEY_FIGURES[0].label,
        `1. ${report.sections[0].title}`,
        report.sections[0].tables[0].title,
        `2. ${report.sections[1].title}`,
        `${METHOD_TITLE} Grundgesamtheit und Kohorten`,
      ].map((text) => reading.indexOf(text));
      expect(order.every((index) => index >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    });
  });
});

describe('evaluation report PDF without a previous year, municipality name in Arabic script', () => {
  it('prints "–" for the previous year and keeps the right-to-left name isolated from the code', async () => {
    const base = councilReport();
    const report: EvaluationReportResponse = {
      ...base,
      municipality: { code: 'BH', name: 'بلدية مثال' },
      previousPeriod: null,
    };
    const pdf = await renderEvaluationReportPdf(report, {
      createdOn: '2026-03-15',
    });
    const tree = pdfStructure(pdf).tree ?? [];
    const [keyFigures] = byRole(tree, 'Table');
    const [header, ...rows] = tableCells(keyFigures);
    expect(header.map((cell) => cell.text)).toEqual([
      'Kennzahl',
      'Berichtszeitraum 2024-Q1 bis 2024-Q4',
      'Vorjahr',
    ]);
    expect(rows.map((row) => row[2].text)).toEqual(
      KEY_FIGURES.map(() => NO_PREVIOUS),
    );
    // The name reads right to left (its first word rightmost) and the code stays after it, on its right.
    const words = pdfWords(pdf).filter((word) => word.page === 1);
    const at = (text: string) => {
      const word = words.find((w) => w.text === text);
      if (!word) throw new Error(`${text} not on page 1`);
      return word;
    };
    const [first, second, code] = [at('بلدية'), at('مثال'), at('(BH)')];
    expect(first.yMin).toBeCloseTo(code.yMin, 0);
    expect(first.xMin).toBeGreaterThan(second.xMax);
    expect(code.xMin).toBeGreaterThan(first.xMax);
    expect(second.xMin).toBeGreaterThan(at('Kommune').xMax);
  }, 60_000);
});

describe('report PDF helpers', () => {
  it('numbers footnotes per section in order of first use, each distinct note once', () => {
    const section = {
      id: 'x',
      title: 'X',
      tables: [
        { footnotes: ['a', 'b'] },
        { footnotes: ['b', 'c'] },
        { footnotes: ['a'] },
      ],
    } as unknown as EvaluationReportResponse['sections'][number];
    expect(sectionFootnotes(section)).toEqual({
      notes: ['a', 'b', 'c'],
      marks: [[1, 2], [2, 3], [1]],
    });
  });

  it('writes superscript numbers and German dates', () => {
    expect(superscript(3)).toBe('³');
    expect(superscript(12)).toBe('¹²');
    expect(germanDate('2026-01-02')).toBe('02.01.2026');
    expect(() => germanDate('2.1.2026')).toThrow(RangeError);
  });
});
