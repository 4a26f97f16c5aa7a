/**
 * The normalised forms behind client search and ordering (`client.search_text`,
 * `client.sort_key`). Computed here, not in SQL: PostgreSQL's lower() folds
 * only ASCII in a C-locale cluster (the embedded one), and unaccent knows
 * neither German transliteration nor Arabic hamza forms. Every writer of a
 * client's names (service, seeder, migration backfill) uses these functions,
 * and a query is normalised the same way.
 */

/** German transliteration (DIN 5007-2): Müller = Mueller. Applied after lower-casing. */
const GERMAN: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Letters without a Unicode decomposition, folded to their base letter(s); Arabic-script variants to one form. */
const FOLD: Readonly<Record<string, string>> = {
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ĸ: 'k',
  ſ: 's',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
  ة: 'ه',
  ـ: '',
};

const FOLD_PATTERN = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'gu');
const COMBINING_MARKS = /\p{M}/gu;
const APOSTROPHES = /['’ʼ`´]/gu;
const SEPARATORS = /[^\p{L}\p{N}-]+/gu;

function fold(text: string, german: boolean): string {
  let value = text.normalize('NFC').toLowerCase();
  if (german) value = value.replace(/[äöüß]/gu, (ch) => GERMAN[ch] ?? ch);
  return value
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(FOLD_PATTERN, (ch) => FOLD[ch] ?? ch)
    .replace(APOSTROPHES, '')
    .replace(SEPARATORS, ' ')
    .trim();
}

const words = (text: string): string[] => (text ? text.split(' ') : []);

/** Both readings of a text: German transliteration (ä → ae) and plain base letters (ä → a). */
export function searchForms(text: string): { transliterated: string; plain: string } {
  return { transliterated: fold(text, true), plain: fold(text, false) };
}

export interface ClientNames {
  caseNumber: string;
  firstName: string;
  lastName: string;
  firstNameOriginal?: string | null;
  lastNameOriginal?: string | null;
}

/** Every word of the names and the case number, in both readings, once each. */
export function clientSearchText(names: ClientNames): string {
  const result = new Set<string>();
  for (const value of [names.caseNumber, names.lastName, names.firstName, names.lastNameOriginal, names.firstNameOriginal]) {
    if (!value) continue;
    const forms = searchForms(value);
    for (const word of [...words(forms.transliterated), ...words(forms.plain)]) result.add(word);
  }
  return [...result].join(' ');
}

/** Phone-book order (DIN 5007-2): last name, then first name, transliterated; compared byte-wise (COLLATE "C"). */
export function clientSortKey(names: Pick<ClientNames, 'firstName' | 'lastName'>): string {
  return `${fold(names.lastName, true)} ${fold(names.firstName, true)}`;
}

/**
 * The words of a search, each with its alternatives (transliterated and
 * plain reading, one if they agree): a client matches when every word has
 * an alternative contained in its search text. At most `maxWords` words.
 */
export function searchTerms(query: string, maxWords = 6): string[][] {
  const forms = searchForms(query);
  const transliterated = words(forms.transliterated);
  const plain = words(forms.plain);
  return transliterated.slice(0, maxWords).map((word, i) => [...new Set([word, plain[i] ?? word])]);
}

/** Escapes LIKE wildcards (with the default escape character `\`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
