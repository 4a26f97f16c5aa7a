import type {
  EvaluationReportResponse,
  EvaluationTableKind,
} from '@wegweiser/shared/contracts';

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

/**
 * The report's tables as CSV for German Excel: UTF-8 with byte order mark, `;` separated, CRLF line ends, long
 * format (`Abschnitt;Tabelle;Kennung;Art;Zeile;Spalte;Wert;Text`): one line per printed figure, totals included.
 * `Wert` is the number (empty = suppressed), `Text` the printed form ("1.234", "41,7 %", "·").
 */
export function evaluationReportCsv(report: EvaluationReportResponse): string {
  const lines = [CSV_HEADER.join(';')];
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
