import type { PdfNode } from '@wegweiser/api/documents';
import {
  pdfImageCount,
  pdfText,
  renderPage,
  RgbImage,
} from '@wegweiser/shared/pdf-testing';
import { sampleReport } from '../testing/report-fixture';
import {
  evaluationReportDocument,
  germanDate,
  renderEvaluationReportPdf,
} from './evaluation-report-pdf';
import {
  barChart,
  lineChart,
  SERIES_COLORS,
  type ChartData,
} from './report-charts';

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

describe('evaluation report PDF', () => {
  const report = sampleReport();
  let pdf: Buffer;
  let pages: string[];

  beforeAll(async () => {
    pdf = await renderEvaluationReportPdf(report, { createdOn: '2026-03-15' });
    // Physical lines: a table row is one line, its cells separated by spaces.
    pages = pdfText(pdf)
      .split('\f')
      .filter((page) => page.trim() !== '');
  }, 30_000);

  it('has a title page with title, municipality, period and date of creation', () => {
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

  it('explains the method with this report’s k, the share rule and complementary suppression', () => {
    const method = pages[1].replace(/\s+/g, ' ');
    expect(method).toContain('Methode');
    expect(method).toContain('mindestens k = 5 Personen');
    expect(method).toContain(
      'mindestens 5 es nicht haben und die Gruppe mindestens 10 Personen umfasst',
    );
    expect(method).toContain('Sekundärsperrung');
    expect(method).toContain('Median');
    expect(method).toContain('„·“');
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
    expect(chartPage).toBeGreaterThan(1);
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
});

describe('report charts (document definition)', () => {
  const data: ChartData = {
    title: 'Test',
    categories: ['2024-Q1', '2024-Q2', '2024-Q3'],
    series: [
      {
        label: 'B1',
        color: '#123456',
        values: [40, null, 60],
        text: ['40,0 %', '·', '60,0 %'],
      },
    ],
    yAxisLabel: '%',
  };
  const vectors = (chart: PdfNode) => {
    const found: PdfNode[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const n = node as PdfNode;
        if (Array.isArray(n['canvas']))
          found.push(...(n['canvas'] as PdfNode[]));
        Object.values(n).forEach(walk);
      }
    };
    walk(chart);
    return found;
  };
  const texts = (chart: PdfNode) =>
    JSON.stringify(chart).match(/"text":"[^"]*"/g) ?? [];

  it('draws a bar per published value and leaves a suppressed one as a gap marked "·"', () => {
    const chart = barChart(data, 400, 150);
    const bars = vectors(chart).filter(
      (v) =>
        v['type'] === 'rect' &&
        v['color'] === '#123456' &&
        (v['w'] as number) > 10,
    );
    expect(bars).toHaveLength(2);
    // 40 % and 60 % of a 118 pt high plot area
    expect(bars.map((b) => Math.round(b['h'] as number))).toEqual([47, 71]);
    expect(texts(chart)).toEqual(
      expect.arrayContaining([
        '"text":"·"',
        '"text":"40,0 %"',
        '"text":"60,0 %"',
        '"text":"2024-Q2"',
      ]),
    );
  });

  it('breaks the line at a suppressed point', () => {
    const chart = lineChart(data, 400, 150);
    expect(vectors(chart).filter((v) => v['type'] === 'polyline')).toHaveLength(
      0,
    );
    const full = lineChart(
      { ...data, series: [{ ...data.series[0], values: [40, 50, 60] }] },
      400,
      150,
    );
    const lines = vectors(full).filter((v) => v['type'] === 'polyline');
    expect(lines).toHaveLength(1);
    expect((lines[0]['points'] as unknown[]).length).toBe(3);
  });

  it('keeps the document free of images and formats dates the German way', () => {
    const doc = evaluationReportDocument(sampleReport(), {
      createdOn: '2026-01-02',
    });
    expect(JSON.stringify(doc)).not.toContain('"image"');
    expect(germanDate('2026-01-02')).toBe('02.01.2026');
    expect(() => germanDate('2.1.2026')).toThrow(RangeError);
  });
});
