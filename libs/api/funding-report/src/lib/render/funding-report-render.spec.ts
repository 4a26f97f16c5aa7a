import { pdfPageCount, pdfText } from '@wegweiser/shared/pdf-testing';
import type * as ReadExcelFile from 'read-excel-file/node' with { 'resolution-mode': 'import' };
import { toFundingReport } from '../funding-report.mapping';
import { FundingCountRow } from '../funding-report.sql';
import { fundingReportDocument, renderFundingReportPdf } from './funding-report-pdf';
import { FUNDING_SHEETS, renderFundingReportXlsx } from './funding-report-xlsx';

const { readSheet } = require('read-excel-file/node') as typeof ReadExcelFile;

const row = (manager_id: string | null, indicator: FundingCountRow['indicator'], key: string, n: number): FundingCountRow => ({ manager_id, indicator, key, n });
const report = toFundingReport({
  from: '2025-01-01',
  to: '2025-03-31',
  createdOn: '2025-04-02',
  municipalityName: 'Musterstadt',
  workingGroups: [{ id: 'g1', name: 'Sprache' }],
  managers: [{ id: 'm1', name: 'Anna Alt' }],
  rows: [row('m1', 'persons', 'new', 7), row('m1', 'conversations', 'video', 11), row('m1', 'planReviewed6', 'yes', 2), row('m1', 'planReviewed6', 'no', 1)],
});

describe('funding report files', () => {
  it('writes the state layout: rows = indicators, columns = managers + Insgesamt, number cells', async () => {
    const file = await renderFundingReportXlsx(report);
    const sheet = await readSheet(file, FUNDING_SHEETS.figures);
    const header = sheet.findIndex((r) => r[0] === 'Kennzahl');
    expect(sheet[header]).toEqual(['Kennzahl', 'Anna Alt', 'Insgesamt']);
    const find = (label: string) => sheet.find((r) => r[0] === label)?.slice(1);
    expect(find('davon neu aufgenommen (Beginn im Zeitraum)')).toEqual([7, 7]);
    expect(find('davon Video')).toEqual([11, 11]);
    const quality = await readSheet(file, FUNDING_SHEETS.quality);
    const at = quality.findIndex((r) => String(r[0]).startsWith('Integrationsplan in den letzten 6 Monaten'));
    expect(quality.slice(at + 1, at + 4).map((r) => r.slice(1))).toEqual([[2, 2], [3, 3], [66.7, 66.7]]);
  });

  it('makes a tagged German PDF with the figures and the staff-data notice', async () => {
    const doc = fundingReportDocument(report);
    expect(doc).toMatchObject({ tagged: true, language: 'de-DE' });
    const pdf = await renderFundingReportPdf(report);
    // The catalog says tagged (structure tree) and German.
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(de-DE\)/);
    expect(pdf.toString('latin1')).toMatch(/\/StructTreeRoot \d+ 0 R/);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Zeitraum: 01.01.2025 bis 31.03.2025');
    expect(text).toContain('Beschäftigtendaten');
    expect(text).toContain('2 von 3 (66,7 %)');
  });

  it('fits on three pages (the funder’s limit for the Sachbericht) for a team of eight managers and eight working groups', async () => {
    const managers = Array.from({ length: 8 }, (_, i) => ({ id: `m${i}`, name: `Managerin Nummer ${i + 1}` }));
    const workingGroups = Array.from({ length: 8 }, (_, i) => ({ id: `g${i}`, name: `Arbeitskreis Thema ${i + 1}` }));
    const large = toFundingReport({
      from: '2025-01-01',
      to: '2025-12-31',
      createdOn: '2026-01-05',
      municipalityName: 'Musterstadt',
      workingGroups,
      managers,
      rows: managers.flatMap((m, i) => [row(m.id, 'persons', 'new', 40 + i), row(m.id, 'persons', 'ongoing', 90 + i), row(m.id, 'conversations', 'in_person', 300 + i)]),
    });
    expect(pdfPageCount(await renderFundingReportPdf(large))).toBeLessThanOrEqual(3);
  });
});
