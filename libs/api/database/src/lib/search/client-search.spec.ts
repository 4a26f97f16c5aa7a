import { clientSearchText, clientSortKey, escapeLike, searchForms, searchTerms } from './client-search';

/** True if `query` finds a client with `text` the way the SQL does (every word, some alternative, as a substring). */
const finds = (text: string, query: string) => searchTerms(query).every((alternatives) => alternatives.some((a) => text.includes(a)));

describe('client search normalisation', () => {
  it('reads German umlauts both ways and ignores case and accents', () => {
    expect(searchForms('MÜLLER-Lüdenscheidt')).toEqual({ transliterated: 'mueller-luedenscheidt', plain: 'muller-ludenscheidt' });
    expect(searchForms('Straße')).toEqual({ transliterated: 'strasse', plain: 'strasse' });
    expect(searchForms('José Łukasz Ørsted Yıldız')).toEqual({ transliterated: 'jose lukasz orsted yildiz', plain: 'jose lukasz orsted yildiz' });
  });

  it('finds Müller by Mueller, Müller, Muller and parts of them, and Mueller by Müller', () => {
    const mueller = clientSearchText({ caseNumber: 'ES-2026-00001', firstName: 'Jörg', lastName: 'Müller' });
    for (const query of ['Mueller', 'müller', 'MULLER', 'Müll', 'muel', 'jörg müller', 'Joerg']) expect(finds(mueller, query)).toBe(true);
    const spelledOut = clientSearchText({ caseNumber: 'ES-2026-00002', firstName: 'Joerg', lastName: 'Mueller' });
    for (const query of ['Müller', 'Mueller', 'Jörg']) expect(finds(spelledOut, query)).toBe(true);
    expect(finds(mueller, 'Schmidt')).toBe(false);
  });

  it('folds Cyrillic case and Arabic hamza and diacritics', () => {
    const text = clientSearchText({ caseNumber: 'ES-2026-00003', firstName: 'Ahmed', lastName: 'Achmedow', firstNameOriginal: 'أَحْمَد', lastNameOriginal: 'АХМЕДОВ' });
    expect(text).toContain('احمد');
    expect(text).toContain('ахмедов');
    for (const query of ['Ахмед', 'ахмедов', 'أحمد', 'احمد', 'حمد', 'es-2026-00003', 'ES-2026']) expect(finds(text, query)).toBe(true);
  });

  it('keeps each word once and ignores punctuation and apostrophes', () => {
    expect(clientSearchText({ caseNumber: 'MS-2025-00010', firstName: "D'Angelo", lastName: 'Meier, Anna' })).toBe('ms-2025-00010 meier anna dangelo');
    expect(searchTerms('  Ma%_  ')).toEqual([['ma']]);
    expect(searchTerms('a b c d e f g h')).toHaveLength(6);
  });

  it('orders like a phone book (ä = ae) by last name, then first name', () => {
    const keys = [
      clientSortKey({ lastName: 'Müller', firstName: 'Zoe' }),
      clientSortKey({ lastName: 'Mueller', firstName: 'Anna' }),
      clientSortKey({ lastName: 'Muff', firstName: 'Anna' }),
      clientSortKey({ lastName: 'Abel', firstName: 'Ömer' }),
    ].sort();
    expect(keys).toEqual(['abel oemer', 'mueller anna', 'mueller zoe', 'muff anna']);
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
