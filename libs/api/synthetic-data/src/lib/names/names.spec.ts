import { NAME_GROUPS } from './index';

const SCRIPT_PATTERNS = {
  Latin: /^[\p{Script=Latin}' -]+$/u,
  Arabic: /^[\p{Script=Arabic} ]+$/u,
  Cyrillic: /^[\p{Script=Cyrillic}-]+$/u,
  Ethiopic: /^\p{Script=Ethiopic}+$/u,
} as const;
const LATIN = SCRIPT_PATTERNS.Latin;

describe.each(Object.values(NAME_GROUPS))('name group $code', (group) => {
  const all = [...group.female, ...group.male, ...group.family];

  it('has 20-40 names per gender and family names', () => {
    for (const list of [group.female, group.male, group.family]) {
      expect(list.length).toBeGreaterThanOrEqual(20);
      expect(list.length).toBeLessThanOrEqual(40);
    }
  });

  it(`writes every original name in ${group.script} script and every transliteration in Latin`, () => {
    for (const [latin, original] of all) {
      expect(latin).toMatch(LATIN);
      expect(original).toMatch(SCRIPT_PATTERNS[group.script]);
      if (group.script === 'Latin') expect(original).toBe(latin);
      else expect(original).not.toBe(latin);
    }
    if (group.femaleFamilySuffix) {
      expect(group.femaleFamilySuffix[0]).toMatch(LATIN);
      expect(group.femaleFamilySuffix[1]).toMatch(SCRIPT_PATTERNS[group.script]);
    }
  });

  it('has no duplicate first names within a gender', () => {
    for (const list of [group.female, group.male]) {
      const latin = list.map(([l]) => l);
      expect(new Set(latin).size).toBe(latin.length);
    }
  });
});
