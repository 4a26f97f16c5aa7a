import { clientSearchText } from '@wegweiser/api/database';
import { nameCondition } from './duplicate-match';

/** Evaluates the condition the way PostgreSQL does (LIKE '%term%' on search_text; no wildcards left after escaping). */
function matches(searchText: string, names: { latin: string; original: string }): boolean {
  const condition = nameCondition(names, 3);
  if (!condition) return false;
  const js = condition.sql
    .replace(/c\.search_text LIKE \$(\d+)/g, (_m, n: string) => `text.includes(${JSON.stringify(condition.params[Number(n) - 3]?.slice(1, -1))})`)
    .replace(/ AND /g, ' && ')
    .replace(/ OR /g, ' || ');
  return new Function('text', `return ${js};`)(searchText) as boolean;
}

describe('nameCondition (duplicate check)', () => {
  const mueller = clientSearchText({ caseNumber: 'BH-2026-00001', firstName: 'Jörg', lastName: 'Müller' });
  const arabic = clientSearchText({ caseNumber: 'BH-2026-00002', firstName: 'Yusuf', lastName: 'Ahmad', firstNameOriginal: 'يوسف', lastNameOriginal: 'أحمد' });

  it('folds umlauts both ways and finds swapped first and last names', () => {
    expect(matches(mueller, { latin: 'Joerg Mueller', original: '' })).toBe(true);
    expect(matches(mueller, { latin: 'Müller Jörg', original: '' })).toBe(true);
    expect(matches(mueller, { latin: 'Jorg Muller', original: '' })).toBe(true);
    expect(matches(mueller, { latin: 'Jörg Schmidt', original: '' })).toBe(false);
  });

  it('matches by the original script with Arabic letter variants, or by the Latin names', () => {
    expect(matches(arabic, { latin: 'Jusuf Achmad', original: 'احمد يوسف' })).toBe(true);
    expect(matches(arabic, { latin: 'Yusuf Ahmad', original: '' })).toBe(true);
    expect(matches(arabic, { latin: 'Jusuf Achmad', original: 'محمد' })).toBe(false);
  });

  it('numbers its parameters from the given position and escapes LIKE wildcards', () => {
    const condition = nameCondition({ latin: 'A% B_', original: '' }, 3);
    expect(condition?.sql).toBe('(((c.search_text LIKE $3) AND (c.search_text LIKE $4)))');
    expect(condition?.params).toEqual(['%a%', '%b%']);
    expect(nameCondition({ latin: ' ', original: '' }, 3)).toBeNull();
  });
});
