import { isolate } from '@wegweiser/api/documents';
import type {
  EvaluationReportResponse,
  EvaluationSectionResponse,
  EvaluationTableResponse,
} from '@wegweiser/shared/contracts';
import { TOTAL_LABEL } from '../report-labels';
import {
  cohortRange,
  KEY_FIGURES_TITLE,
  keyFigureColumns,
  NO_PREVIOUS,
} from './report-key-figures';
import { drawChartFigure } from './report-chart-figure';
import {
  barChart,
  type ChartData,
  cohortBarChartData,
  cumulativeLineChartData,
  lineChart,
} from './report-charts';
import { METHOD_TITLE, methodParagraphs } from './report-method';
import {
  createTaggedDocument,
  pdfBytes,
  type StructElement,
} from './tagged-pdf';
import { drawTable, tableStartRoom } from './tagged-table';
import { TaggedWriter } from './tagged-writer';

export interface EvaluationReportPdfOptions {
  /** Date of creation for the title block and the metadata, `YYYY-MM-DD` (passed in: the same report renders the same bytes). */
  createdOn: string;
}

const PAGE = {
  width: 595.28,
  height: 841.89,
  x: 50,
  top: 56,
  bottom: 60,
} as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.x;
const MUTED = '#555555';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** `2026-03-15` → `15.03.2026`. */
export function germanDate(date: string): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError('date must be YYYY-MM-DD');
  return `${match[3]}.${match[2]}.${match[1]}`;
}

/** `3` → `³`, `12` → `¹²`. */
export function superscript(n: number): string {
  return [...String(n)].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');
}

/**
 * The distinct footnotes of a section's tables, numbered in order of first use, and per table the numbers of its
 * notes: each note is printed once at the end of the section, the tables point to it with superscript numbers.
 */
export function sectionFootnotes(section: EvaluationSectionResponse): {
  notes: string[];
  marks: number[][];
} {
  const notes: string[] = [];
  const marks = section.tables.map((table) =>
    table.footnotes.map((note) => {
      const known = notes.indexOf(note);
      if (known >= 0) return known + 1;
      notes.push(note);
      return notes.length;
    }),
  );
  return { notes, marks };
}

/**
 * The evaluation report as an accessible German PDF (tagged, PDF/UA identifier): a short title block, "Kennzahlen
 * auf einen Blick" with the previous year, the sections with their charts (figures with alternative text stating
 * every value) and tables (real header cells), the footnotes once per section, and the method appendix. Running
 * footers ("Seite n von m") are artifacts; the outline has an entry per section. Only what the published report
 * holds is printed.
 *
 * Written with pdfkit directly rather than pdfmake (see `tagged-pdf.ts`): pdfmake creates no structure elements.
 */
export async function renderEvaluationReportPdf(
  report: EvaluationReportResponse,
  options: EvaluationReportPdfOptions,
): Promise<Buffer> {
  germanDate(options.createdOn); // validates the date
  const createdAt = new Date(`${options.createdOn}T00:00:00Z`);
  const doc = createTaggedDocument({
    title: report.title,
    createdAt,
    margins: {
      top: PAGE.top,
      bottom: PAGE.bottom,
      left: PAGE.x,
      right: PAGE.x,
    },
  });
  const writer = new TaggedWriter(doc, {
    left: PAGE.x,
    width: CONTENT_WIDTH,
    top: PAGE.top,
    bottom: PAGE.height - PAGE.bottom,
  });
  const root = doc.struct('Document');
  doc.addStructure(root);

  titleBlock(writer, root, report, options);
  keyFigures(writer, root, report);
  report.sections.forEach((section, i) => {
    writer.newPage();
    sectionContent(writer, root, report, section, i);
  });
  writer.newPage();
  methodAppendix(writer, root, report);
  root.end();
  footers(writer, report);
  return pdfBytes(doc);
}

function titleBlock(
  writer: TaggedWriter,
  root: StructElement,
  report: EvaluationReportResponse,
  options: EvaluationReportPdfOptions,
): void {
  const cohorts =
    report.granularity === 'year' ? 'Jahreskohorten' : 'Quartalskohorten';
  writer.block(
    root,
    'P',
    'Evaluationsbericht',
    { size: 11, color: MUTED },
    { after: 4 },
  );
  writer.block(
    root,
    'H1',
    report.title,
    { size: 20, bold: true },
    { after: 12 },
  );
  const facts: [string, string][] = [
    // The municipality's name comes from the data: isolated, so a right-to-left name cannot reorder the code after it.
    [
      'Kommune',
      `${isolate(report.municipality.name)} (${report.municipality.code})`,
    ],
    [
      'Berichtszeitraum',
      `Betreuungsbeginn vom ${germanDate(report.period.from)} bis ${germanDate(report.period.to)}`,
    ],
    ['Kohorten', `${cohortRange(report.period)} (${cohorts})`],
    ['Mindestfallzahl', `k = ${report.k} Personen je ausgewiesener Zahl`],
    ['Erstellt am', germanDate(options.createdOn)],
  ];
  for (const [label, value] of facts) {
    const style = { size: 9 };
    const height = writer.heightOf(value, CONTENT_WIDTH - 130, style);
    writer.tagged(root, 'P', () => {
      // The trailing space keeps label and value apart for text extraction and screen readers.
      writer.drawText(`${label} `, PAGE.x, writer.y, 125, {
        ...style,
        color: MUTED,
      });
      writer.drawText(
        value,
        PAGE.x + 130,
        writer.y,
        CONTENT_WIDTH - 130,
        style,
      );
    });
    writer.y += height + 3;
  }
  writer.block(
    root,
    'P',
    'Anonymisierte Auswertung: keine Namen, Fallnummern, Geburtsdaten oder freien Texte; kleine Zahlen sind gesperrt (siehe Methodik).',
    { size: 8, color: MUTED },
    { before: 8, after: 6 },
  );
}

function keyFigures(
  writer: TaggedWriter,
  root: StructElement,
  report: EvaluationReportResponse,
): void {
  writer.doc.outline.addItem(KEY_FIGURES_TITLE);
  const section = writer.element(root, 'Sect');
  writer.block(
    section,
    'H2',
    KEY_FIGURES_TITLE,
    { size: 14, bold: true },
    { before: 10, after: 6, keepWithNext: 40 },
  );
  if (report.keyFigures.length === 0) {
    writer.block(
      section,
      'P',
      'Für diesen Bericht liegen keine Kennzahlen vor.',
      { size: 9 },
    );
    section.end();
    return;
  }
  const previous = report.previousPeriod;
  const columns = keyFigureColumns(report);
  drawTable(writer, section, {
    header: ['Kennzahl', columns.current, columns.previous],
    rows: report.keyFigures.map((figure) => ({
      cells: [
        figure.label,
        figure.text,
        previous ? figure.previousText : NO_PREVIOUS,
      ],
      bold: [false, true, false],
    })),
    firstWidth: 215,
    headerSize: 8,
    cellSize: 9,
    padding: 4,
    keepTogether: true,
  });
  writer.y += 4;
  writer.block(
    section,
    'P',
    previous
      ? 'Vorjahr: dieselben Quartale ein Jahr früher, nach denselben Regeln gesperrt. Einzelheiten in den Abschnitten und in der Methodik.'
      : `${NO_PREVIOUS} = kein Vorjahr im Datenbestand. Einzelheiten in den Abschnitten und in der Methodik.`,
    { size: 7, color: MUTED },
  );
  section.end();
}

function sectionContent(
  writer: TaggedWriter,
  root: StructElement,
  report: EvaluationReportResponse,
  section: EvaluationSectionResponse,
  index: number,
): void {
  const title = `${index + 1}. ${section.title}`;
  writer.doc.outline.addItem(title);
  const sect = writer.element(root, 'Sect');
  writer.block(sect, 'H2', title, { size: 14, bold: true }, { after: 8 });
  if (section.id === 'outcomes') {
    const bars = cohortBarChartData(report);
    const lines = cumulativeLineChartData(report);
    if (bars)
      drawChartFigure(
        writer,
        sect,
        bars,
        barChart(bars, CONTENT_WIDTH, 170),
        'bar',
        tablesHint(section, bars),
      );
    if (lines)
      drawChartFigure(
        writer,
        sect,
        lines,
        lineChart(lines, CONTENT_WIDTH, 150),
        'line',
        tablesHint(section, lines),
      );
  }
  const { notes, marks } = sectionFootnotes(section);
  section.tables.forEach((table, t) =>
    tableContent(writer, sect, table, marks[t]),
  );
  if (notes.length > 0) {
    writer.ensureSpace(24);
    writer.y += 4;
    const rule = writer.y;
    writer.artifact(() =>
      writer.doc
        .lineWidth(0.4)
        .moveTo(PAGE.x, rule)
        .lineTo(PAGE.x + 120, rule)
        .stroke('#999999'),
    );
    writer.y += 3;
    notes.forEach((note, n) =>
      writer.block(
        sect,
        'P',
        `${superscript(n + 1)} ${note}`,
        { size: 7, color: MUTED },
        { after: 2 },
      ),
    );
  }
  sect.end();
}

/** Where the chart's figures stand as tables ("figures as a table"). */
function tablesHint(
  section: EvaluationSectionResponse,
  data: ChartData,
): string {
  const titles = section.tables
    .filter((table) => data.tableIds.includes(table.id))
    .map((table) => `„${table.title}“`);
  return titles.length > 0
    ? `Dieselben Zahlen stehen in ${titles.length === 1 ? 'der Tabelle' : 'den Tabellen'} ${titles.join(', ')} dieses Abschnitts.`
    : 'Dieselben Zahlen stehen in den Tabellen dieses Abschnitts.';
}

function tableContent(
  writer: TaggedWriter,
  parent: StructElement,
  table: EvaluationTableResponse,
  noteMarks: number[],
): void {
  const columns = table.columnLabels.length;
  const wide = columns > 5;
  const veryWide = columns > 9;
  const isTotal = (r: number, c: number) =>
    table.withTotals && (r === table.rows.length - 1 || c === columns - 1);
  const marks =
    noteMarks.length > 0 ? ` ${noteMarks.map(superscript).join(' ')}` : '';
  const title = `${table.title}${marks}`;
  const titleStyle = { size: 9.5, bold: true };
  const titleHeight = writer.heightOf(title, CONTENT_WIDTH, titleStyle);
  const spec = {
    header: [table.rowHeading, ...table.columnLabels],
    rows: table.rows.map((row, r) => ({
      cells: [row.label, ...row.text],
      bold: [
        row.label === TOTAL_LABEL,
        ...row.text.map((_, c) => isTotal(r, c) || row.label === TOTAL_LABEL),
      ],
    })),
    firstWidth: veryWide ? 62 : wide ? 72 : 110,
    headerSize: veryWide ? 5.5 : wide ? 6.5 : 7.5,
    cellSize: veryWide ? 6 : wide ? 7 : 8,
    padding: wide ? 2 : 4,
    keepTogether: table.rows.length <= 12,
  };
  // The title stays with the table (all of it when short), like pdfmake's `unbreakable` did.
  writer.ensureSpace(10 + titleHeight + 4 + tableStartRoom(writer, spec));
  writer.block(parent, 'H3', title, titleStyle, { before: 10, after: 4 });
  drawTable(writer, parent, spec);
  writer.y += 6;
}

function methodAppendix(
  writer: TaggedWriter,
  root: StructElement,
  report: EvaluationReportResponse,
): void {
  writer.doc.outline.addItem(METHOD_TITLE);
  const sect = writer.element(root, 'Sect');
  writer.block(
    sect,
    'H2',
    METHOD_TITLE,
    { size: 14, bold: true },
    { after: 8 },
  );
  for (const { heading, text } of methodParagraphs(report)) {
    writer.block(
      sect,
      'H3',
      heading,
      { size: 10, bold: true },
      { before: 6, after: 2, keepWithNext: 30 },
    );
    // Left-aligned, not justified: pdfkit justifies by placing each word without its space glyph, and text
    // extraction without gap heuristics (poppler's structure text, some screen readers) then runs words together.
    writer.block(sect, 'P', text, { size: 9 }, { after: 2 });
  }
  sect.end();
}

/** "Erstellt mit Wegweiser · title" and "Seite n von m" on every page, as pagination artifacts. */
function footers(writer: TaggedWriter, report: EvaluationReportResponse): void {
  const { doc } = writer;
  const { start, count } = doc.bufferedPageRange();
  const y = PAGE.height - PAGE.bottom + 24;
  const style = { size: 7, color: MUTED };
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    // Text below the bottom margin would make pdfkit add a page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    writer.artifact(() => {
      writer.drawText(
        `Erstellt mit Wegweiser · ${report.title}`,
        PAGE.x,
        y,
        CONTENT_WIDTH - 80,
        style,
      );
      writer.drawText(
        `Seite ${page - start + 1} von ${count}`,
        PAGE.x,
        y,
        CONTENT_WIDTH,
        { ...style, align: 'right' },
      );
    }, 'Pagination');
    doc.page.margins.bottom = margin;
  }
}
