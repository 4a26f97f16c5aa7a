import { PARTNER_IMPORT_COLUMNS, PARTNER_IMPORT_PROBLEMS, PARTNER_KINDS, PARTNER_TOPICS } from '@wegweiser/shared/contracts';
import { loadPartnerAdminTexts } from './i18n.testing';

type Texts = { [key: string]: string | Texts };

function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') flat.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

describe('partner-admin texts', () => {
  const de = flatten(loadPartnerAdminTexts('de'));
  const en = flatten(loadPartnerAdminTexts('en'));

  it('have the same non-empty keys in German and English', () => {
    expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
    expect([...de, ...en].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('name every topic, kind, import field and import problem of the contract', () => {
    const keys = [
      ...PARTNER_TOPICS.map((t) => `topics.${t}`),
      ...PARTNER_KINDS.map((k) => `kinds.${k}`),
      ...Object.keys(PARTNER_IMPORT_COLUMNS).map((f) => `import.fields.${f}`),
      ...PARTNER_IMPORT_PROBLEMS.map((p) => `import.problems.${p}`),
    ];
    expect(keys.filter((key) => !de.has(key))).toEqual([]);
  });
});
