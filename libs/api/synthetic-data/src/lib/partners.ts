import type { PartnerKind, PartnerTopic } from '@wegweiser/shared/contracts';
import { Rng, stableUuid } from './random';
import { PARTNER_TEMPLATES } from './texts/partner-texts';
import type { SyntheticOrganisation } from './types';

export interface SyntheticPartnerOffer {
  id: string;
  topic: PartnerTopic;
  title: string;
  description: string;
}

/** A cooperation partner or working group of one municipality, with its offers. */
export interface SyntheticPartner {
  id: string;
  municipalityId: string;
  name: string;
  kind: PartnerKind;
  description: string;
  email: string;
  phone: string;
  website: string;
  address: string;
  offers: SyntheticPartnerOffer[];
}

const STREETS: readonly string[] = ['Hauptstraße', 'Bahnhofstraße', 'Schillerplatz', 'Marktplatz', 'Am Rathaus', 'Gartenstraße', 'Lindenallee', 'Kirchgasse'];

/**
 * The partner directory of every municipality: the same network of
 * fictional organisations and working groups, named after the town.
 * Ids, phone numbers and addresses depend only on the seed.
 */
export function generatePartners(organisation: SyntheticOrganisation): SyntheticPartner[] {
  return organisation.municipalities.flatMap((municipality, m) => {
    const rng = Rng.for(organisation.seed, 'partners', m);
    const domain = municipality.code.toLowerCase();
    return PARTNER_TEMPLATES.map((template, p): SyntheticPartner => ({
      id: stableUuid(organisation.seed, 'partner', m, p),
      municipalityId: municipality.id,
      name: template.name.replace('{town}', municipality.name),
      kind: template.kind,
      description: template.description,
      email: `kontakt@${template.slug}.${domain}.example`,
      phone: `+49 ${rng.int(200, 999)} ${rng.int(100000, 999999)}`,
      website: `https://${template.slug}.${domain}.example`,
      address: `${rng.pick(STREETS)} ${rng.int(1, 80)}, ${municipality.name}`,
      offers: template.offers.map(([topic, title, description], o) => ({
        id: stableUuid(organisation.seed, 'partner_offer', m, p, o),
        topic,
        title,
        description,
      })),
    }));
  });
}
