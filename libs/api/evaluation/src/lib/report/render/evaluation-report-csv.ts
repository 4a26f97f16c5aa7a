import type {
  EvaluationReportResponse,
  EvaluationTableKind,
} from '@wegweiser/shared/contracts';
import { KEY_FIGURES_TITLE, keyFigureColumns } from './report-key-figures';

/** Columns of the CSV export (long format: one line per figure). */
export const CSV_HEADER = [
  'Abschnitt',
  'Tabelle',
  'Kennung',
  'Art',
  'Zeile',
  'Spalte',
  'Wert',
  'Text',
] as const;

const KIND_LABELS: Record<EvaluationTableKind, string> = {
  count: 'Anzahl',
  share: 'Anteil in %',
  median: 'Median in Monaten',
};

/** RFC 4180 quoting: fields with the separator, a quote or a line break are quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A number as German Excel reads it: decimal comma, no thousands separator; empty when suppressed. */
function csvNumber(value: number | null): string {
  return value === null ? '' : String(value).replace('.', ',');
}

/** Section of the key-figure lines (the first block of the CSV). */
export const CSV_KEY_FIGURES_SECTION = 'Kennzahlen';

/**
 * The key figures, one line per figure and period: `Kennzahlen;Kennzahlen auf einen Blick;keyFigures.<id>;Kennzahl;
 * <label>;Berichtszeitraum …|Vorjahr …;<value>;<text>`; the previous year's line only when there is a previous year.
 */
function keyFigureLines(report: EvaluationReportResponse): string[][] {
  const columns = keyFigureColumns(report);
  return report.keyFigures.flatMap((figure) => {
    const line = (column: string, value: number | null, text: string) => [
      CSV_KEY_FIGURES_SECTION,
      KEY_FIGURES_TITLE,
      `keyFigures.${figure.id}`,
      'Kennzahl',
      figure.label,
      column,
      csvNumber(value),
      text,
    ];
    return [
      line(columns.current, figure.value, figure.text),
      ...(report.previousPeriod
        ? [line(columns.previous, figure.previous, figure.previousText)]
        : []),
    ];
  });
}

/**
 * The report's tables as CSV for German Excel: UTF-8 with byte order mark, `;` separated, CRLF line ends, long
 * format (`Abschnitt;Tabelle;Kennung;Art;Zeile;Spalte;Wert;Text`): one line per printed figure, totals included.
 * `Wert` is the number (empty = suppressed), `Text` the printed form ("1.234", "41,7 %", "·"). The key figures come
 * first (section "Kennzahlen", with the previous year's figures), then the tables.
 */
export function evaluationReportCsv(report: EvaluationReportResponse): string {
  const lines = [
    CSV_HEADER.join(';'),
    ...keyFigureLines(report).map((line) => line.map(csvField).join(';')),
  ];
  for (const section of report.sections) {
    for (const table of section.tables) {
      for (const row of table.rows) {
        table.columnLabels.forEach((column, c) => {
          lines.push(
            [
              section.title,
              table.title,
              table.id,
              KIND_LABELS[table.kind],
              row.label,
              column,
              csvNumber(row.values[c]),
              row.text[c],
            ]
              .map(csvField)
              .join(';'),
          );
        });
      }
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
