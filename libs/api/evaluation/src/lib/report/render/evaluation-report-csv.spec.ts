import type { EvaluationReportResponse } from '@wegweiser/shared/contracts';
import { sampleReport } from '../testing/report-fixture';
import {
  CSV_HEADER,
  csvField,
  evaluationReportCsv,
} from './evaluation-report-csv';
import { evaluationReportJson } from './evaluation-report-json';
import { councilReport, KEY_FIGURES } from './key-figures.fixture';

/** A small RFC 4180 reader (`;`, CRLF) — independent of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) throw new Error('no final line break');
  return rows;
}

const KEY_FIGURE_SECTION = 'Kennzahlen';

describe('evaluation report CSV', () => {
  const report = sampleReport();
  const csv = evaluationReportCsv(report);

  it('is UTF-8 with a byte order mark, ";"-separated with CRLF, with a header', () => {
    expect(
      csv.startsWith(
        '\uFEFFAbschnitt;Tabelle;Kennung;Art;Zeile;Spalte;Wert;Text\r\n',
      ),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('quotes fields with separators, quotes or line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    const tricky: EvaluationReportResponse = {
      ...report,
      sections: [{ ...report.sections[0], title: 'A; "B"' }],
    };
    const [, ...lines] = parseCsv(evaluationReportCsv(tricky).slice(1));
    expect(lines.find((line) => line[0] !== KEY_FIGURE_SECTION)?.[0]).toBe('A; "B"');
  });

  it('holds every printed figure once, with its number (German decimal comma) and its text', () => {
    const [header, ...all] = parseCsv(csv.slice(1));
    expect(header).toEqual([...CSV_HEADER]);
    // The key figures come first (their own describe block below); then every table's figures.
    const lines = all.filter((line) => line[0] !== KEY_FIGURE_SECTION);
    expect(all.length - lines.length).toBe(report.keyFigures.length * (report.previousPeriod ? 2 : 1));
    const expected = report.sections.flatMap((section) =>
      section.tables.flatMap((table) =>
        table.rows.flatMap((row) =>
          table.columnLabels.map((column, c) => [
            section.title,
            table.title,
            table.id,
            {
              count: 'Anzahl',
              share: 'Anteil in %',
              median: 'Median in Monaten',
            }[table.kind],
            row.label,
            column,
            row.values[c] === null
              ? ''
              : String(row.values[c]).replace('.', ','),
            row.text[c],
          ]),
        ),
      ),
    );
    expect(lines).toEqual(expected);
    const share = lines.find(
      (l) =>
        l[2] === 'outcomes.b1.shares' &&
        l[4] === 'Insgesamt' &&
        l[5] === 'innerhalb von 24 Monaten',
    );
    expect(share?.[6]).toMatch(/^\d+,\d$/);
    expect(share?.[7]).toBe(`${share?.[6]}\u00a0%`);
    expect(lines.some((l) => l[6] === '' && l[7] === '·')).toBe(true);
  });
});

describe('evaluation report CSV: key figures', () => {
  it('starts with a block "Kennzahlen": each figure for this period and the previous year, then the tables', () => {
    const report = councilReport();
    const [, ...lines] = parseCsv(evaluationReportCsv(report).slice(1));
    const block = KEY_FIGURES.flatMap((figure) => [
      [
        'Kennzahlen',
        'Kennzahlen auf einen Blick',
        `keyFigures.${figure.id}`,
        'Kennzahl',
        figure.label,
        'Berichtszeitraum 2024-Q1 bis 2024-Q4',
        figure.value === null ? '' : String(figure.value).replace('.', ','),
        figure.text,
      ],
      [
        'Kennzahlen',
        'Kennzahlen auf einen Blick',
        `keyFigures.${figure.id}`,
        'Kennzahl',
        figure.label,
        'Vorjahr 2023-Q1 bis 2023-Q4',
        figure.previous === null
          ? ''
          : String(figure.previous).replace('.', ','),
        figure.previousText,
      ],
    ]);
    expect(lines.slice(0, block.length)).toEqual(block);
    expect(lines[block.length][2]).toBe(report.sections[0].tables[0].id);
    expect(lines.find((l) => l[2] === 'keyFigures.b1Within24')?.[6]).toBe(
      '43,7',
    );
  });

  it('has no previous-year lines when there is no previous year', () => {
    const report = { ...councilReport(), previousPeriod: null };
    const [, ...lines] = parseCsv(evaluationReportCsv(report).slice(1));
    const keyLines = lines.filter((l) => l[0] === 'Kennzahlen');
    expect(keyLines).toHaveLength(KEY_FIGURES.length);
    expect(
      keyLines.every((l) => l[5] === 'Berichtszeitraum 2024-Q1 bis 2024-Q4'),
    ).toBe(true);
  });
});

describe('evaluation report JSON', () => {
  const report = sampleReport();
  const json = evaluationReportJson(report);

  it('round-trips the report exactly, 2-space indented with a final newline', () => {
    expect(JSON.parse(json)).toEqual(report);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "template": "annualCouncil",');
  });

  it('writes keys in the contract’s order whatever order the object has', () => {
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual([
      'template',
      'title',
      'municipality',
      'period',
      'granularity',
      'k',
      'keyFigures',
      'previousPeriod',
      'sections',
    ]);
    expect(Object.keys(parsed.sections[0].tables[0])).toEqual([
      'id',
      'kind',
      'title',
      'rowHeading',
      'columnLabels',
      'rows',
      'withTotals',
      'footnotes',
    ]);
    const reversed = JSON.parse(
      JSON.stringify(report),
      function (this: unknown, _key, value) {
        return value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value;
      },
    ) as EvaluationReportResponse;
    expect(Object.keys(reversed)[0]).toBe('sections');
    expect(evaluationReportJson(reversed)).toBe(json);
  });

  it('carries the key figures and the previous period', () => {
    const report = councilReport();
    const parsed = JSON.parse(evaluationReportJson(report));
    expect(parsed.keyFigures).toEqual(KEY_FIGURES);
    expect(parsed.previousPeriod).toEqual({
      firstCohort: '2023-Q1',
      lastCohort: '2023-Q4',
    });
  });

  it('is byte-identical for the same data', () => {
    expect(evaluationReportJson(sampleReport())).toBe(json);
  });
});
