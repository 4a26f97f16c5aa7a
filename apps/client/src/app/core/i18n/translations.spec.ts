import { ERROR_CODES } from '@wegweiser/shared/contracts';
import { translations } from '../../../testing/i18n.testing';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      entries.set(path, value);
    } else {
      flatten(value, path).forEach((text, nested) => entries.set(nested, text));
    }
  }
  return entries;
}

describe('translation files', () => {
  const de = flatten(translations.de);
  const en = flatten(translations.en);

  it('have the same keys in German and English', () => {
    expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
  });

  it('have no empty texts', () => {
    for (const [key, text] of [...de, ...en]) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it.each(Object.values(ERROR_CODES))('translate the API error code %s', (code) => {
    expect(de.get(`errors.${code}`)).toBeTruthy();
    expect(en.get(`errors.${code}`)).toBeTruthy();
  });

  it('have generic fallbacks for unknown errors and lost connections', () => {
    for (const key of ['errors.unknown', 'errors.network']) {
      expect(de.has(key) && en.has(key)).toBe(true);
    }
  });
});
