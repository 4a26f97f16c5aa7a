import { escapeLike, searchTerms } from '@wegweiser/api/database';

/** A condition on `c.search_text` with its parameters (`$n` numbered from `firstParam`). */
export interface NameCondition {
  sql: string;
  params: string[];
}

/** Words of a name compared at most (as the search: first six). */
const MAX_WORDS = 6;

/**
 * The SQL that finds a client whose names match the typed ones the way the
 * client search does: every word of the Latin names (or every word of the
 * names in the original script) occurs in `search_text` in one of its
 * readings (ä → ae or a; Arabic letter variants folded). `search_text` holds
 * the words of first and last name unordered, so swapped names match too.
 * Null when there is nothing to compare (no words).
 */
export function nameCondition(names: { latin: string; original: string }, firstParam: number): NameCondition | null {
  const params: string[] = [];
  const allWords = (text: string): string | null => {
    const terms = searchTerms(text, MAX_WORDS);
    if (!terms.length) return null;
    return terms
      .map((alternatives) => {
        const ors = alternatives.map((term) => {
          params.push(`%${escapeLike(term)}%`);
          return `c.search_text LIKE $${firstParam + params.length - 1}`;
        });
        return `(${ors.join(' OR ')})`;
      })
      .join(' AND ');
  };
  const readings = [allWords(names.latin), allWords(names.original)].filter((sql): sql is string => sql !== null);
  return readings.length ? { sql: `(${readings.map((sql) => `(${sql})`).join(' OR ')})`, params } : null;
}
