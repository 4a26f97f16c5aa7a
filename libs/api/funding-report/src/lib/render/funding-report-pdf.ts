import { renderPdf, type PdfNode } from '@wegweiser/api/documents';
import { FIELDS_OF_ACTION, GOAL_STATES, type FundingReportResponse } from '@wegweiser/shared/contracts';
import { GERMAN_VOCABULARY } from '@wegweiser/api/documents';
import { columnLabel, fundingRows, germanDate, methodParagraphs, qualityRows, reportColumns, shareText } from './funding-report-rows';

const MUTED = '#555555';
const HEADER_FILL = '#e8edf3';
const MARGIN = 40;
/** Width of the label column of every table (pt): the longest labels on one line. */
const FIRST_COLUMN = 290;
/** A4 landscape. */
const CONTENT_WIDTH = 841.89 - 2 * MARGIN;

export const FUNDING_PDF_TITLE = 'Sachbericht und Verwendungsnachweis Integrationsmanagement';

const headerCell = (text: string, alignment: 'left' | 'right' = 'right'): PdfNode => ({ text, bold: true, fillColor: HEADER_FILL, alignment });

function table(header: string[], body: PdfNode[][], firstWidth: number): PdfNode {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [firstWidth, ...header.slice(1).map(() => '*')],
      body: [header.map((h, i) => headerCell(h, i === 0 ? 'left' : 'right')), ...body],
    },
    layout: { hLineWidth: () => 0.3, vLineWidth: () => 0, hLineColor: () => '#999999', paddingTop: () => 0.5, paddingBottom: () => 0.5 },
    fontSize: 7,
    lineHeight: 1,
    margin: [0, 2, 0, 6],
  };
}

const heading = (text: string, level: 1 | 2 = 2): PdfNode => ({ text, fontSize: level === 1 ? 15 : 10.5, bold: true, margin: [0, level === 1 ? 0 : 6, 0, 3] });
/** Space between the lines to write on (pt). */
const LINE_SPACING = 20;
const writingLines = (count: number): PdfNode => ({
  canvas: Array.from({ length: count }, (_, i) => ({ type: 'line', x1: 0, y1: LINE_SPACING * (i + 1), x2: CONTENT_WIDTH, y2: LINE_SPACING * (i + 1), lineWidth: 0.4, lineColor: '#999999' })),
  margin: [0, 0, 0, 8],
});

/**
 * The Sachbericht frame as a tagged German PDF (A4 landscape): period and municipality, the staff-data notice, the
 * figures per manager (rows = indicators, columns = managers + "Insgesamt"), goals by field and state, the quality
 * indicators on two pages; on the third, blank lines for the narrative the administration adds and the method.
 */
export function fundingReportDocument(report: FundingReportResponse): PdfNode {
  const columns = reportColumns(report);
  const labels = ['Kennzahl', ...columns.map(columnLabel)];
  const figureBody = fundingRows(report, { goalDetail: false }).map((row): PdfNode[] =>
    row.kind === 'section'
      ? [{ text: row.label, bold: true, colSpan: labels.length }, ...labels.slice(1).map(() => ({}))]
      : [{ text: row.label }, ...row.values.map((n) => ({ text: String(n), alignment: 'right' }))],
  );
  const goals = report.total.figures.goals;
  const goalBody = FIELDS_OF_ACTION.map((field): PdfNode[] => [
    { text: GERMAN_VOCABULARY.fieldOfAction[field] },
    ...GOAL_STATES.map((state) => ({ text: String(goals[field][state]), alignment: 'right' })),
  ]);
  const qualityBody = qualityRows(report).map((row): PdfNode[] => [{ text: row.label }, ...row.values.map((s) => ({ text: shareText(s), alignment: 'right' }))]);
  const period = `${germanDate(report.from)} bis ${germanDate(report.to)}`;
  return {
    tagged: true,
    language: 'de-DE',
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [MARGIN, 40, MARGIN, 48],
    info: { title: `${FUNDING_PDF_TITLE} ${period}`, subject: `Kommune ${report.municipalityName}`, creator: 'Wegweiser', producer: 'Wegweiser' },
    defaultStyle: { font: 'NotoSans', fontSize: 9, lineHeight: 1.15 },
    content: [
      heading(FUNDING_PDF_TITLE, 1),
      { text: `Kommune: ${report.municipalityName}`, margin: [0, 0, 0, 2] },
      { text: `Zeitraum: ${period}`, margin: [0, 0, 0, 2] },
      { text: `Erstellt am ${germanDate(report.createdOn)}`, color: MUTED, margin: [0, 0, 0, 6] },
      {
        text: 'Enthält Beschäftigtendaten (Zahlen je Integrationsmanager:in): nur für den Zuwendungsgeber bestimmt, nicht zur Veröffentlichung.',
        bold: true,
        margin: [0, 0, 0, 8],
      },
      heading('1. Zahlen des Zeitraums je Integrationsmanager:in'),
      table(labels, figureBody, FIRST_COLUMN),
      heading('2. Ziele nach Handlungsfeld und Stand (Kommune insgesamt, Ende des Zeitraums)'),
      table(['Handlungsfeld', ...GOAL_STATES.map((s) => GERMAN_VOCABULARY.goalState[s])], goalBody, FIRST_COLUMN),
      heading('3. Qualität der Integrationsplanung'),
      table(labels, qualityBody, FIRST_COLUMN),
      // The narrative on a page of its own (printed and written on), the method in small print after it: the figures
      // take two pages, so the whole document keeps to the funder's three.
      { ...heading('4. Sachbericht (von der Administration zu ergänzen)'), pageBreak: 'before' },
      { text: 'Schwerpunkte, Entwicklungen und Besonderheiten im Zeitraum:', margin: [0, 2, 0, 0] },
      writingLines(6),
      { text: 'Zusammenarbeit mit Netzwerkpartnern und Arbeitskreisen:', margin: [0, 2, 0, 0] },
      writingLines(4),
      { text: 'Ort, Datum, Unterschrift:', margin: [0, 2, 0, 0] },
      writingLines(2),
      heading('5. Methode'),
      ...methodParagraphs(report).map((text) => ({ text, fontSize: 7, margin: [0, 0, 0, 2] })),
    ],
    footer: (page: number, pages: number) => ({
      margin: [MARGIN, 20, MARGIN, 0],
      columns: [
        { text: `Wegweiser · Verwendungsnachweis ${period} · Beschäftigtendaten, nur für den Zuwendungsgeber`, fontSize: 7, color: MUTED },
        { text: `Seite ${page} von ${pages}`, fontSize: 7, color: MUTED, alignment: 'right', width: 'auto' },
      ],
    }),
  };
}

/** Renders {@link fundingReportDocument} with the document fonts (embedded Noto Sans). */
export function renderFundingReportPdf(report: FundingReportResponse): Promise<Buffer> {
  return renderPdf(fundingReportDocument(report));
}
