import { forbiddenCharacterIn } from '@wegweiser/api/core';
import { generateClients } from './client';
import { NAME_GROUPS } from './names';
import { generateOrganisation } from './organisation';
import { resolveOptions } from './options';
import { generatePartners } from './partners';

/** Paths of the strings in `value` the API would refuse, every string taken as single-line text (the strictest rule). */
function refusedStrings(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return forbiddenCharacterIn(value, false) ? [`${path}: ${JSON.stringify(value)}`] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => refusedStrings(child, path ? `${path}.${key}` : key));
}

describe('synthetic data and the API’s text rules', () => {
  it('names of every group hold no control, bidi or invisible character (what a manager could not type in)', () => {
    expect(refusedStrings(NAME_GROUPS)).toEqual([]);
  });

  it('the organisation, partners and clients with their files hold none either (demo data passes the API’s validation)', () => {
    const options = resolveOptions({ seed: 18, clients: 1_500, municipalities: 2 });
    const organisation = generateOrganisation(options);
    expect(refusedStrings(organisation)).toEqual([]);
    expect(refusedStrings(generatePartners(organisation))).toEqual([]);
    expect(refusedStrings([...generateClients(options, organisation)]).slice(0, 5)).toEqual([]);
  });
});
