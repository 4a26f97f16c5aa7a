import type { FundingReportResponse } from '@wegweiser/shared/contracts';
import type * as WriteExcelFile from 'write-excel-file/node' with { 'resolution-mode': 'import' };
import { columnLabel, fundingRows, germanDate, methodParagraphs, qualityRows, reportColumns, sharePercent } from './funding-report-rows';

// write-excel-file ships CommonJS (node/index.cjs, the `require` condition) but types for its ES module only, which a
// CommonJS file may import as types alone (the API compiles as node16 CommonJS); like read-excel-file in partners.
const writeXlsxFile = (require('write-excel-file/node') as { default: typeof WriteExcelFile.default }).default;

type Cell = WriteExcelFile.Cell;
type Row = WriteExcelFile.Row;

/** The worksheet names of the state's uniform template. */
export const FUNDING_SHEETS = { figures: 'Auswertung Zeitraum', quality: 'Qualität', method: 'Methode' } as const;
/** The heading of the first column; the data table starts at the row that holds it. */
export const INDICATOR_HEADER = 'Kennzahl';

const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });

function frame(report: FundingReportResponse, title: string): Row[] {
  return [
    [bold(title)],
    ['Kommune', report.municipalityName],
    ['Zeitraum', `${germanDate(report.from)} bis ${germanDate(report.to)}`],
    ['Hinweis', 'Enthält Beschäftigtendaten (Zahlen je Integrationsmanager:in) – nur für den Zuwendungsgeber, nicht zur Veröffentlichung.'],
    [],
    [bold(INDICATOR_HEADER), ...reportColumns(report).map((c) => bold(columnLabel(c)))],
  ];
}

const columnWidths = (report: FundingReportResponse) => [{ width: 62 }, ...reportColumns(report).map(() => ({ width: 18 }))];

/**
 * The Verwendungsnachweis as a spreadsheet in the layout of the state's template: worksheet "Auswertung Zeitraum"
 * (rows = indicators, columns = managers + "Insgesamt"), "Qualität" (per indicator the count that meets it, the
 * population and the share in per cent) and "Methode". Numbers are number cells.
 */
export async function renderFundingReportXlsx(report: FundingReportResponse): Promise<Buffer> {
  const figures: Row[] = [
    ...frame(report, 'Verwendungsnachweis Integrationsmanagement – Auswertung Zeitraum'),
    ...fundingRows(report).map((row): Row => (row.kind === 'section' ? [bold(row.label)] : [row.label, ...row.values.map((n): Cell => ({ value: n, type: Number }))])),
  ];
  const quality: Row[] = [...frame(report, 'Verwendungsnachweis Integrationsmanagement – Qualität')];
  for (const row of qualityRows(report)) {
    quality.push([bold(row.label)]);
    quality.push(['erfüllt (Anzahl)', ...row.values.map((s): Cell => ({ value: s.numerator, type: Number }))]);
    quality.push(['Grundgesamtheit (Anzahl)', ...row.values.map((s): Cell => ({ value: s.denominator, type: Number }))]);
    quality.push(['Anteil in %', ...row.values.map((s): Cell => {
      const percent = sharePercent(s);
      return percent === null ? '–' : { value: Math.round((s.numerator / s.denominator) * 1000) / 10, type: Number, format: '0.0' };
    })]);
  }
  const method: Row[] = [[bold('Methode')], ...methodParagraphs(report).map((text): Row => [{ value: text, wrap: true }])];
  return writeXlsxFile([
    { data: figures, sheet: FUNDING_SHEETS.figures, columns: columnWidths(report), stickyRowsCount: 6 },
    { data: quality, sheet: FUNDING_SHEETS.quality, columns: columnWidths(report), stickyRowsCount: 6 },
    { data: method, sheet: FUNDING_SHEETS.method, columns: [{ width: 120 }] },
  ]).toBuffer();
}
