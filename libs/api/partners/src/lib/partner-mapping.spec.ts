import { containsPattern, toPartnerResponse } from './partner-mapping';
import { PartnerEntity, PartnerOfferEntity } from './partner.entity';

const partner = Object.assign(new PartnerEntity(), {
  id: 'p1',
  municipalityId: 'm1',
  name: 'Volkshochschule Musterstadt',
  kind: 'organisation',
  description: null,
  email: null,
  phone: null,
  website: null,
  address: null,
  contactPerson: null,
  languages: [],
  active: true,
  version: 1,
});
const offer = (topic: PartnerOfferEntity['topic'], active: boolean) =>
  Object.assign(new PartnerOfferEntity(), { id: `o-${topic}`, partnerId: 'p1', topic, title: topic, description: null, languages: [], targetGroup: null, accessRoute: null, active, version: 1 });

describe('partner mapping', () => {
  it('lists the topics of active offers once, in vocabulary order, and never the municipality', () => {
    const response = toPartnerResponse(partner, [offer('language', true), offer('work', true), offer('language', true), offer('health', false)]);
    expect(response.topics).toEqual(['work', 'language']);
    expect(response.offers).toHaveLength(4);
    expect(response).not.toHaveProperty('municipalityId');
  });

  it('escapes LIKE wildcards in a search term', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
