import { ROLES } from '@wegweiser/shared/contracts';
import { USER_ADMIN_TEXTS } from './i18n.testing';

type Texts = { [key: string]: string | Texts };

function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') flat.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

describe('user-admin texts', () => {
  const de = flatten(USER_ADMIN_TEXTS('de'));
  const en = flatten(USER_ADMIN_TEXTS('en'));

  it('have the same non-empty keys in German and English', () => {
    expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
    expect([...de, ...en].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('name every role and count with an ICU plural', () => {
    expect(ROLES.filter((role) => !de.has(`roles.${role}`) || !en.has(`roles.${role}`))).toEqual([]);
    expect(de.get('count')).toMatch(/^\{shown, plural, one \{# Konto\} other \{# Konten\}\}/);
  });
});
