import { PARTNER_TOPICS, PartnerOfferResponse, PartnerResponse } from '@wegweiser/shared/contracts';
import { PartnerEntity, PartnerOfferEntity } from './partner.entity';

export function toOfferResponse(o: PartnerOfferEntity): PartnerOfferResponse {
  return {
    id: o.id,
    partnerId: o.partnerId,
    topic: o.topic,
    title: o.title,
    description: o.description,
    languages: o.languages,
    targetGroup: o.targetGroup,
    accessRoute: o.accessRoute,
    active: o.active,
    version: o.version,
  };
}

/** A partner with the given offers; `topics` are those of its active offers, in the vocabulary's order. */
export function toPartnerResponse(p: PartnerEntity, offers: PartnerOfferEntity[], workingGroupIds: string[] = []): PartnerResponse {
  const topics = new Set(offers.filter((o) => o.active).map((o) => o.topic));
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    description: p.description,
    email: p.email,
    phone: p.phone,
    website: p.website,
    address: p.address,
    contactPerson: p.contactPerson,
    languages: p.languages,
    workingGroupIds,
    active: p.active,
    version: p.version,
    topics: PARTNER_TOPICS.filter((t) => topics.has(t)),
    offers: offers.map(toOfferResponse),
  };
}

/** `%q%` for ILIKE with the wildcards of `q` itself escaped. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
