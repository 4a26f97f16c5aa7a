import { formatDate } from '../plan/bilingual-plan';
import { paragraph, PdfContent, PdfNode } from '../pdf/paragraph';

/** A4 (595.28 pt) less 40 pt margins on both sides. */
export const CONTENT_WIDTH = 515;
const CELL_PADDING = 3;
const RULE = 0.5;
const MUTED = '#444444';
export const TABLE_FONT_SIZE = 8;

/** A document date `YYYY-MM-DD` as `DD.MM.YYYY`; '–' for none. */
export function germanDate(isoDate: string | null | undefined): string {
  return isoDate ? formatDate(isoDate) : '–';
}

const dateTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A point in time as German wall-clock time: `DD.MM.YYYY, HH:MM:SS` (Europe/Berlin); '–' for none. */
export function germanDateTime(instant: string | null | undefined): string {
  if (!instant) return '–';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new Error('Expected an ISO 8601 instant');
  return dateTime.format(date);
}

export const yesNo = (value: boolean | null | undefined): string => (value === null || value === undefined ? '–' : value ? 'ja' : 'nein');
export const orDash = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '–' : String(value);

/** Text of any script in a column `width` points wide (right-to-left values laid out with bidi). */
export function cellText(value: string, width: number, options: { bold?: boolean; fontSize?: number } = {}): PdfNode {
  return paragraph(value, { width, fontSize: options.fontSize ?? TABLE_FONT_SIZE, bold: options.bold });
}

export function heading(text: string): PdfNode {
  return { text, font: 'NotoSans', fontSize: 13, bold: true, margin: [0, 14, 0, 4], headlineLevel: 1 };
}

/** A subheading; may carry an isolated user value (e.g. who replaced a version), so it is laid out with bidi. */
export function subheading(text: string): PdfNode {
  return paragraph(text, { width: CONTENT_WIDTH, fontSize: 10, bold: true, margin: [0, 8, 0, 3] });
}

export function note(text: string): PdfNode {
  return { text, font: 'NotoSans', fontSize: 9, color: MUTED, margin: [0, 0, 0, 4] };
}

/** "Keine Einträge." for an empty list. */
export const none = () => note('Keine Einträge.');

const tableLayout = {
  hLineWidth: () => RULE,
  vLineWidth: () => RULE,
  hLineColor: () => '#999999',
  vLineColor: () => '#999999',
  paddingLeft: () => CELL_PADDING,
  paddingRight: () => CELL_PADDING,
  paddingTop: () => 2,
  paddingBottom: () => 2,
  fillColor: (row: number) => (row === 0 ? '#eeeeee' : null),
};

/** Column widths in points from relative weights, so that the table spans the content width. */
export function columnWidths(weights: number[]): number[] {
  const available = CONTENT_WIDTH - weights.length * 2 * CELL_PADDING - (weights.length + 1) * RULE;
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => Math.floor((available * weight) / total));
}

export interface TableColumn<T> {
  header: string;
  /** Relative width. */
  weight: number;
  value: (row: T) => string;
}

/** A table with a header row repeated on every page; every cell may hold any script. */
export function table<T>(rows: T[], columns: TableColumn<T>[]): PdfContent {
  if (!rows.length) return none();
  const widths = columnWidths(columns.map((column) => column.weight));
  const body = [
    columns.map((column, index) => cellText(column.header, widths[index] ?? 0, { bold: true })),
    ...rows.map((row) => columns.map((column, index) => cellText(column.value(row), widths[index] ?? 0))),
  ];
  return { table: { headerRows: 1, widths, body }, layout: tableLayout, margin: [0, 0, 0, 6] };
}

/** Label and value pairs as a two-column table. */
export function fieldTable(fields: [label: string, value: string][]): PdfContent {
  const widths = columnWidths([3, 7]);
  return {
    table: {
      widths,
      body: fields.map(([label, value]) => [
        cellText(label, widths[0] ?? 0, { bold: true, fontSize: 9 }),
        cellText(value, widths[1] ?? 0, { fontSize: 9 }),
      ]),
    },
    layout: { ...tableLayout, fillColor: () => null },
    margin: [0, 0, 0, 6],
  };
}

/** A long free text (a note), wrapped to the content width, in any script. */
export function longText(label: string, text: string): PdfContent[] {
  return [
    { text: label, font: 'NotoSans', fontSize: 8, bold: true, color: MUTED, margin: [0, 2, 0, 1] },
    paragraph(text, { width: CONTENT_WIDTH, fontSize: 9, margin: [0, 0, 0, 2] }),
  ];
}
