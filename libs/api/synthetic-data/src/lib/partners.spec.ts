import { PARTNER_TOPICS } from '@wegweiser/shared/contracts';
import { generateOrganisation } from './organisation';
import { generatePartners } from './partners';

describe('generatePartners', () => {
  const organisation = generateOrganisation({ municipalities: 2 });
  const partners = generatePartners(organisation);

  it('gives every municipality about twenty partners and the four working groups, named after the town', () => {
    for (const municipality of organisation.municipalities) {
      const own = partners.filter((p) => p.municipalityId === municipality.id);
      expect(own.filter((p) => p.kind === 'organisation').length).toBeGreaterThanOrEqual(18);
      expect(own.filter((p) => p.kind === 'working_group')).toHaveLength(4);
      expect(new Set(own.map((p) => p.name)).size).toBe(own.length);
      expect(own.some((p) => p.name.includes(municipality.name))).toBe(true);
    }
  });

  it('covers every topic with offers whose titles are unique per partner', () => {
    const offers = partners.flatMap((p) => p.offers);
    expect(new Set(offers.map((o) => o.topic))).toEqual(new Set(PARTNER_TOPICS));
    for (const partner of partners) expect(new Set(partner.offers.map((o) => o.title)).size).toBe(partner.offers.length);
    expect(new Set([...partners.map((p) => p.id), ...offers.map((o) => o.id)]).size).toBe(partners.length + offers.length);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generatePartners(generateOrganisation({ municipalities: 2 }))).toEqual(partners);
    expect(generatePartners(generateOrganisation({ municipalities: 2, seed: 7 }))[0]?.id).not.toBe(partners[0]?.id);
  });
});
