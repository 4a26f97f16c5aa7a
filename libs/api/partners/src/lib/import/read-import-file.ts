import { UnprocessableEntityException } from '@nestjs/common';
import { PARTNER_IMPORT_ERROR_CODES, PARTNER_IMPORT_LIMITS } from '@wegweiser/shared/contracts';
import { parse } from 'csv-parse/sync';
import type * as ReadExcelFile from 'read-excel-file/node' with { 'resolution-mode': 'import' };

// read-excel-file ships CommonJS (node/index.cjs, what the `require` condition resolves) but types for its ES module
// only, which a CommonJS file may import as types alone (the API compiles as node16 CommonJS).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readSheet } = require('read-excel-file/node') as typeof ReadExcelFile;

export type ImportFileType = 'csv' | 'xlsx';

/** The cells of a sheet as text: the header row first, then the rows in file order. */
export type ImportSheet = string[][];

const unreadable = () => new UnprocessableEntityException({ code: PARTNER_IMPORT_ERROR_CODES.importFileUnreadable, message: 'The file cannot be read.' });

const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
};

/** `;` (what German spreadsheets write) unless the header line has more commas than semicolons. */
export function csvDelimiter(text: string): ';' | ',' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => header.split(ch).length - 1;
  return count(',') > count(';') ? ',' : ';';
}

/** The type by the file name's extension (`null`: neither .csv nor .xlsx). */
export function importFileType(fileName: string): ImportFileType | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/**
 * CSV (UTF-8, with or without BOM; `;` or `,` between cells, see
 * csvDelimiter) or the first sheet of an XLSX workbook, as text cells.
 * Empty rows are kept (the caller skips them) so that row index + 1 is the
 * line in the file.
 */
export async function readImportFile(content: Buffer, type: ImportFileType): Promise<ImportSheet> {
  let rows: unknown[][];
  try {
    if (type === 'csv') {
      const text = content.toString('utf8');
      if (text.includes('\uFFFD')) throw unreadable();
      rows = parse(text, { bom: true, delimiter: csvDelimiter(text), relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
    } else {
      rows = (await readSheet(content)) as unknown[][];
    }
  } catch (error) {
    if (error instanceof UnprocessableEntityException) throw error;
    throw unreadable();
  }
  if (rows.length - 1 > PARTNER_IMPORT_LIMITS.rows) {
    throw new UnprocessableEntityException({ code: PARTNER_IMPORT_ERROR_CODES.importTooManyRows, message: `At most ${PARTNER_IMPORT_LIMITS.rows} rows.` });
  }
  return rows.map((row) => row.map(cellText));
}
