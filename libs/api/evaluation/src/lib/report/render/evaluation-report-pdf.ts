import { renderPdf, type PdfNode } from '@wegweiser/api/documents';
import type {
  EvaluationReportResponse,
  EvaluationSectionResponse,
  EvaluationTableResponse,
} from '@wegweiser/shared/contracts';
import { TOTAL_LABEL } from '../report-labels';
import {
  barChart,
  cohortBarChartData,
  cumulativeLineChartData,
  lineChart,
} from './report-charts';
import { methodParagraphs } from './report-method';

export interface EvaluationReportPdfOptions {
  /** Date of creation for the title page, `YYYY-MM-DD` (passed in, so the same report renders the same bytes). */
  createdOn: string;
}

const PAGE = { width: 595.28, x: 50, top: 56, bottom: 60 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.x;
const MUTED = '#555555';
const HEADER_FILL = '#e8edf3';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-03-15` → `15.03.2026`. */
export function germanDate(date: string): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError('date must be YYYY-MM-DD');
  return `${match[3]}.${match[2]}.${match[1]}`;
}

/**
 * The evaluation report as a German PDF: title page, method page, the sections with their tables (header row
 * repeated on page breaks, totals bold, footnotes) and vector charts, "Seite n von m" and "Erstellt mit Wegweiser"
 * on every page. Only what the published report holds is printed.
 */
export function evaluationReportDocument(
  report: EvaluationReportResponse,
  options: EvaluationReportPdfOptions,
): PdfNode {
  return {
    pageSize: 'A4',
    pageMargins: [PAGE.x, PAGE.top, PAGE.x, PAGE.bottom],
    info: { title: report.title, creator: 'Wegweiser', producer: 'Wegweiser' },
    defaultStyle: { font: 'NotoSans', fontSize: 9, lineHeight: 1.15 },
    content: [
      ...titlePage(report, options),
      ...methodPage(report),
      ...report.sections.flatMap((section, i) =>
        sectionContent(report, section, i),
      ),
    ],
    footer: (page: number, pages: number) => ({
      margin: [PAGE.x, 24, PAGE.x, 0],
      columns: [
        {
          text: `Erstellt mit Wegweiser · ${report.title}`,
          fontSize: 7,
          color: MUTED,
        },
        {
          text: `Seite ${page} von ${pages}`,
          fontSize: 7,
          color: MUTED,
          alignment: 'right',
          width: 'auto',
        },
      ],
    }),
  };
}

/** Renders {@link evaluationReportDocument} with the document fonts. */
export function renderEvaluationReportPdf(
  report: EvaluationReportResponse,
  options: EvaluationReportPdfOptions,
): Promise<Buffer> {
  return renderPdf(evaluationReportDocument(report, options));
}

function titlePage(
  report: EvaluationReportResponse,
  options: EvaluationReportPdfOptions,
): PdfNode[] {
  const cohorts =
    report.granularity === 'year' ? 'Jahreskohorten' : 'Quartalskohorten';
  const line = (label: string, value: string): PdfNode => ({
    columns: [
      { width: 150, text: label, color: MUTED },
      { width: '*', text: value },
    ],
    margin: [0, 0, 0, 6],
  });
  return [
    {
      text: 'Evaluationsbericht',
      fontSize: 12,
      color: MUTED,
      margin: [0, 140, 0, 8],
    },
    { text: report.title, fontSize: 22, bold: true, margin: [0, 0, 0, 28] },
    line(
      'Kommune',
      `${report.municipality.name} (${report.municipality.code})`,
    ),
    line(
      'Berichtszeitraum',
      `Betreuungsbeginn vom ${germanDate(report.period.from)} bis ${germanDate(report.period.to)}`,
    ),
    line(
      'Kohorten',
      `${report.period.firstCohort} bis ${report.period.lastCohort} (${cohorts})`,
    ),
    line('Mindestfallzahl', `k = ${report.k} Personen je ausgewiesener Zahl`),
    line('Erstellt am', germanDate(options.createdOn)),
    {
      text: 'Anonymisierte Auswertung: keine Namen, Fallnummern, Geburtsdaten oder freien Texte; kleine Zahlen sind gesperrt (siehe Methode).',
      fontSize: 8,
      color: MUTED,
      margin: [0, 24, 0, 0],
      pageBreak: 'after',
    },
  ];
}

function methodPage(report: EvaluationReportResponse): PdfNode[] {
  return [
    { text: 'Methode', fontSize: 15, bold: true, margin: [0, 0, 0, 10] },
    ...methodParagraphs(report).flatMap(({ heading, text }): PdfNode[] => [
      { text: heading, bold: true, fontSize: 10, margin: [0, 6, 0, 2] },
      { text, alignment: 'justify' },
    ]),
    { text: '', pageBreak: 'after' },
  ];
}

function sectionContent(
  report: EvaluationReportResponse,
  section: EvaluationSectionResponse,
  index: number,
): PdfNode[] {
  const charts: PdfNode[] = [];
  if (section.id === 'outcomes') {
    const bars = cohortBarChartData(report);
    const lines = cumulativeLineChartData(report);
    if (bars) charts.push(barChart(bars, CONTENT_WIDTH, 170));
    if (lines) charts.push(lineChart(lines, CONTENT_WIDTH, 150));
  }
  return [
    {
      text: `${index + 1}. ${section.title}`,
      fontSize: 14,
      bold: true,
      margin: [0, index === 0 ? 0 : 14, 0, 8],
      ...(index === 0 ? {} : { pageBreak: 'before' }),
    },
    ...charts,
    ...section.tables.map(tableContent),
  ];
}

function tableContent(table: EvaluationTableResponse): PdfNode {
  const columns = table.columnLabels.length;
  const wide = columns > 5;
  const veryWide = columns > 9;
  const headerSize = veryWide ? 5.5 : wide ? 6.5 : 7.5;
  const cellSize = veryWide ? 6 : wide ? 7 : 8;
  const padding = wide ? 2 : 4;
  const isTotal = (r: number, c: number) =>
    table.withTotals && (r === table.rows.length - 1 || c === columns - 1);
  const header = [table.rowHeading, ...table.columnLabels].map((text, c) => ({
    text,
    bold: true,
    fontSize: headerSize,
    fillColor: HEADER_FILL,
    alignment: c === 0 ? 'left' : 'right',
  }));
  const body = table.rows.map((row, r) => [
    { text: row.label, bold: row.label === TOTAL_LABEL, fontSize: cellSize },
    ...row.text.map((text, c) => ({
      text,
      alignment: 'right',
      fontSize: cellSize,
      bold: isTotal(r, c) || row.label === TOTAL_LABEL,
    })),
  ]);
  const firstWidth = veryWide ? 62 : wide ? 72 : 110;
  return {
    stack: [
      { text: table.title, bold: true, fontSize: 9.5, margin: [0, 10, 0, 4] },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [firstWidth, ...table.columnLabels.map(() => '*')],
          body: [header, ...body],
        },
        layout: {
          hLineWidth: (line: number) => (line <= 1 ? 0.6 : 0.3),
          vLineWidth: () => 0,
          hLineColor: () => '#999999',
          paddingLeft: () => padding,
          paddingRight: () => padding,
          paddingTop: () => 2,
          paddingBottom: () => 2,
        },
      },
      ...table.footnotes.map((note) => ({
        text: note,
        fontSize: 6.5,
        color: MUTED,
        margin: [0, 2, 0, 0],
      })),
    ],
    unbreakable: table.rows.length <= 12,
    margin: [0, 0, 0, 6],
  };
}
