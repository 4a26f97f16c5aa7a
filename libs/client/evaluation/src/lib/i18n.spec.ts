import { EVALUATION_TEMPLATES, EVALUATION_REPORT_STATES, EVALUATION_REPORT_FORMATS } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Texts = { [key: string]: string | Texts };
const load = (lang: string): Texts => JSON.parse(readFileSync(join(__dirname, `../../../../../apps/client/public/i18n/evaluation/${lang}.json`), 'utf8'));

function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') flat.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

describe('evaluation texts', () => {
  const de = flatten(load('de'));
  const en = flatten(load('en'));

  it('have the same non-empty keys in German and English', () => {
    expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
    expect([...de, ...en].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('name every template, job state and download format of the contract', () => {
    const keys = [
      ...EVALUATION_TEMPLATES.map((template) => `templates.${template}`),
      ...EVALUATION_REPORT_STATES.flatMap((state) => [`job.${state}`, `reports.states.${state}`]),
      ...EVALUATION_REPORT_FORMATS.flatMap((format) => [`downloads.${format}`, `downloads.${format}Long`]),
    ];
    expect(keys.filter((key) => !de.has(key))).toEqual([]);
  });
});
