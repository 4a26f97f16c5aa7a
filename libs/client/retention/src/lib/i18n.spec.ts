import { ERASURE_REASONS } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Texts = { [key: string]: string | Texts };
const load = (lang: string): Texts => JSON.parse(readFileSync(join(__dirname, `../../../../../apps/client/public/i18n/retention/${lang}.json`), 'utf8'));

function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') flat.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

describe('retention texts', () => {
  const de = flatten(load('de'));
  const en = flatten(load('en'));

  it('have the same non-empty keys in German and English', () => {
    expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
    expect([...de, ...en].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('name every erasure reason of the contract', () => {
    expect(ERASURE_REASONS.filter((reason) => !de.has(`reasons.${reason}`))).toEqual([]);
  });
});
