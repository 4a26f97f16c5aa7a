import { PartnerTopic } from '../domain/case-vocabulary';

/** Routes of the partner directory (under the API prefix). */
export const PARTNER_ROUTES = {
  partners: 'partners',
  partnerOffers: 'partner-offers',
} as const;

/** A cooperation partner (Netzwerkpartner) or one of the city's working groups (Arbeitskreise). */
export const PARTNER_KINDS = ['organisation', 'working_group'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** An offer (Angebot) of a partner, under one topic of the city network. */
export interface PartnerOfferResponse {
  id: string;
  partnerId: string;
  topic: PartnerTopic;
  title: string;
  description: string | null;
  active: boolean;
  version: number;
}

export interface PartnerResponse {
  id: string;
  name: string;
  kind: PartnerKind;
  description: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  address: string | null;
  active: boolean;
  version: number;
  /** Topics of its active offers, in the order of PARTNER_TOPICS. */
  topics: PartnerTopic[];
  offers: PartnerOfferResponse[];
}

/** `GET /api/partner-offers` item: an offer with the partner that makes it. */
export interface PartnerOfferListItemResponse extends PartnerOfferResponse {
  partnerName: string;
  partnerKind: PartnerKind;
}

/** `GET /api/partners?q=&topic=`: by (part of) the name and/or a topic of an active offer. */
export interface PartnerSearchQuery {
  q?: string;
  topic?: PartnerTopic;
  /** Administrators: also inactive partners and offers. */
  includeInactive?: boolean;
}

/** `GET /api/partner-offers?topic=&q=`: active offers of active partners; `q` matches offer title or partner name. */
export interface PartnerOfferSearchQuery {
  q?: string;
  topic?: PartnerTopic;
}

export interface CreatePartnerRequest {
  name: string;
  kind: PartnerKind;
  description?: string;
  email?: string;
  phone?: string;
  website?: string;
  address?: string;
}

/** Only what is sent changes; `null` clears an optional field; `active: false` hides the partner from searches. */
export interface UpdatePartnerRequest {
  version: number;
  name?: string;
  kind?: PartnerKind;
  description?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  address?: string | null;
  active?: boolean;
}

export interface CreatePartnerOfferRequest {
  topic: PartnerTopic;
  title: string;
  description?: string;
}

export interface UpdatePartnerOfferRequest {
  version: number;
  topic?: PartnerTopic;
  title?: string;
  description?: string | null;
  active?: boolean;
}

export const PARTNER_ERROR_CODES = {
  /** 409: the municipality has a partner of that name already. */
  partnerNameTaken: 'partnerNameTaken',
  /** 409: the partner has an offer of that title already. */
  offerTitleTaken: 'offerTitleTaken',
} as const;
