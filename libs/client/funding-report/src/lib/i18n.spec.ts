import { CLOSURE_REASONS, CONVERSATION_FORMS, FIELDS_OF_ACTION, GOAL_STATES } from '@wegweiser/shared/contracts';
import { fundingReportTexts } from './i18n.testing';

type Texts = { [key: string]: string | Texts };

function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') flat.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

describe('funding report texts', () => {
  const de = flatten(fundingReportTexts('de'));
  const en = flatten(fundingReportTexts('en'));

  it('have the same non-empty keys in German and English', () => {
    expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
    expect([...de, ...en].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('name every conversation form, field of action, goal state and closure reason of the contract', () => {
    const keys = [
      ...CONVERSATION_FORMS.map((k) => `forms.${k}`),
      ...FIELDS_OF_ACTION.map((k) => `fields.${k}`),
      ...GOAL_STATES.map((k) => `states.${k}`),
      ...CLOSURE_REASONS.map((k) => `reasons.${k}`),
    ];
    expect(keys.filter((key) => !de.has(key))).toEqual([]);
  });
});
