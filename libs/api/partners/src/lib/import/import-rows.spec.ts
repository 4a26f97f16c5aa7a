import { UnprocessableEntityException } from '@nestjs/common';
import { mapHeaders, validateSheet } from './import-rows';

const HEADER = ['Name', 'Art', 'E-Mail', 'Telefon', 'Webseite', 'Sprachen', 'Arbeitskreise', 'Ansprechperson'];
const groups = new Map([
  ['sprache', 'g-sprache'],
  ['beratung', 'g-beratung'],
]);

describe('partner import rows', () => {
  it('maps German headers regardless of case, spaces and hyphens, and lists the others as ignored', () => {
    const { columns, ignoredColumns } = mapHeaders(['name', 'E-MAIL', 'Arbeits kreise', 'Farbe']);
    expect([...columns.entries()]).toEqual([
      [0, 'name'],
      [1, 'email'],
      [2, 'workingGroups'],
    ]);
    expect(ignoredColumns).toEqual(['Farbe']);
  });

  it('refuses a file without a Name column', () => {
    expect(() => mapHeaders(['E-Mail'])).toThrow(UnprocessableEntityException);
  });

  it('turns a valid row into the values it sets (empty cells set nothing), with working groups by name', () => {
    const { rows, errors } = validateSheet(
      [HEADER, ['Verein A', 'Arbeitskreis', 'info@verein-a.example', '+49 251 1', 'verein-a.example', 'DE, ar', 'Sprache; beratung', '']],
      groups,
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        values: {
          name: 'Verein A',
          kind: 'working_group',
          email: 'info@verein-a.example',
          phone: '+49 251 1',
          website: 'https://verein-a.example',
          languages: ['de', 'ar'],
          workingGroupIds: ['g-sprache', 'g-beratung'],
        },
      },
    ]);
  });

  it('reports each wrong row with its line and every reason; a later row of the same name is a duplicate', () => {
    const { rows, errors } = validateSheet(
      [
        HEADER,
        ['Verein A', '', 'kein-mail', '', '', '', '', ''],
        ['', '', 'a@b.example', '', '', '', '', ''],
        ['Verein B', 'Firma', '', 'abc', 'http://', 'deutsch', 'Kultur', ''],
        [''],
        ['verein c', '', '', '', '', '', '', ''],
        ['Verein C', '', '', '', '', '', '', ''],
        ['x'.repeat(201), '', '', '', '', '', '', ''],
      ],
      groups,
    );
    expect(rows.map((r) => r.line)).toEqual([6]);
    expect(errors).toEqual([
      { line: 2, name: 'Verein A', problems: [{ code: 'emailInvalid', field: 'email' }] },
      { line: 3, name: null, problems: [{ code: 'nameMissing', field: 'name' }] },
      {
        line: 4,
        name: 'Verein B',
        problems: [
          { code: 'kindUnknown', field: 'kind' },
          { code: 'phoneInvalid', field: 'phone' },
          { code: 'websiteInvalid', field: 'website' },
          { code: 'languageInvalid', field: 'languages' },
          { code: 'workingGroupUnknown', field: 'workingGroups', value: 'Kultur' },
        ],
      },
      { line: 7, name: 'Verein C', problems: [{ code: 'duplicateRow', field: 'name', duplicateOf: 6 }] },
      { line: 8, name: null, problems: [{ code: 'tooLong', field: 'name' }] },
    ]);
  });

  it('refuses a cell with a control, bidi or (outside the description) invisible character, naming it; line breaks stay in the description', () => {
    const header = ['Name', 'Ansprechperson', 'Beschreibung', 'Adresse'];
    const { rows, errors } = validateSheet(
      [
        header,
        ['Ali\u202Egnp.exe', '', '', ''],
        ['Verein\u200B B', '', '', ''],
        ['Verein C', 'Erika\u0007', 'Zeile 1\nZeile 2 \u2066x', 'Hauptstr. 1\n48143 Münster'],
        ['انجمن\u200Cها', 'Олена', 'Kurse\r\nBeratung\u200B', ''],
      ],
      groups,
    );
    expect(errors).toEqual([
      { line: 2, name: null, problems: [{ code: 'forbiddenCharacters', field: 'name', value: 'U+202E' }] },
      { line: 3, name: null, problems: [{ code: 'forbiddenCharacters', field: 'name', value: 'U+200B' }] },
      {
        line: 4,
        name: 'Verein C',
        problems: [
          { code: 'forbiddenCharacters', field: 'contactPerson', value: 'U+0007' },
          { code: 'forbiddenCharacters', field: 'description', value: 'U+2066' },
          { code: 'forbiddenCharacters', field: 'address', value: 'U+000A' },
        ],
      },
    ]);
    expect(rows).toEqual([{ line: 5, values: { name: 'انجمن\u200Cها', contactPerson: 'Олена', description: 'Kurse\r\nBeratung\u200B' } }]);
  });

  it('a bad row still claims its name: a later row of that name is a duplicate', () => {
    const { errors } = validateSheet([HEADER, ['Verein A', '', 'falsch'], ['VEREIN A', '', 'ok@verein.example']], groups);
    expect(errors.map((e) => [e.line, e.problems[0]?.code])).toEqual([
      [2, 'emailInvalid'],
      [3, 'duplicateRow'],
    ]);
  });
});
