import { PartnerResponse } from '@wegweiser/shared/contracts';
import { NO_FILTER, filterPartners, parseLanguages } from './partner-filter';

const partner = (name: string, rest: Partial<PartnerResponse> = {}): PartnerResponse => ({
  id: name,
  name,
  kind: 'organisation',
  description: null,
  email: null,
  phone: null,
  website: null,
  address: null,
  contactPerson: null,
  languages: [],
  workingGroupIds: [],
  active: true,
  version: 1,
  topics: [],
  offers: [],
  ...rest,
});
const offer = (topic: 'work' | 'health', active: boolean) =>
  ({ id: topic, partnerId: 'x', topic, title: topic, description: null, languages: [], targetGroup: null, accessRoute: null, active, version: 1 }) as const;

describe('partner filter', () => {
  const partners = [
    partner('Caritas Musterstadt', { workingGroupIds: ['g1'], offers: [offer('work', true)] }),
    partner('Volkshochschule', { active: false, offers: [offer('health', false)] }),
    partner('Ärztehaus', { workingGroupIds: ['g1', 'g2'] }),
  ];
  const names = (filter: Partial<typeof NO_FILTER>) => filterPartners(partners, { ...NO_FILTER, ...filter }).map((p) => p.name);

  it('filters by part of the name regardless of case, by working group, topic and status, combined', () => {
    expect(names({})).toEqual(['Caritas Musterstadt', 'Volkshochschule', 'Ärztehaus']);
    expect(names({ text: '  ÄRZTE ' })).toEqual(['Ärztehaus']);
    expect(names({ workingGroupId: 'g1' })).toEqual(['Caritas Musterstadt', 'Ärztehaus']);
    expect(names({ topic: 'health' })).toEqual(['Volkshochschule']);
    expect(names({ status: 'inactive' })).toEqual(['Volkshochschule']);
    expect(names({ status: 'active', workingGroupId: 'g2' })).toEqual(['Ärztehaus']);
    expect(names({ text: 'haus', topic: 'work' })).toEqual([]);
  });

  it('reads language codes from a text field, refusing words', () => {
    expect(parseLanguages('de, EN;ar  de')).toEqual(['de', 'en', 'ar']);
    expect(parseLanguages('')).toEqual([]);
    expect(parseLanguages('Deutsch')).toBeNull();
  });
});
