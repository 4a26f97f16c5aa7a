import { PartnerTopic } from '../domain/case-vocabulary';

/** Routes of the partner directory (under the API prefix). */
export const PARTNER_ROUTES = {
  partners: 'partners',
  partnerOffers: 'partner-offers',
  workingGroups: 'working-groups',
  /** `POST partners/import/preview` and `partners/import/confirm` (multipart, field `file`). */
  importPreview: 'partners/import/preview',
  importConfirm: 'partners/import/confirm',
} as const;

/** Lengths the API accepts (the database checks the same). */
export const PARTNER_FIELD_LIMITS = {
  name: 200,
  contactPerson: 200,
  title: 200,
  description: 2000,
  email: 254,
  phone: 40,
  website: 300,
  address: 300,
  targetGroup: 300,
  accessRoute: 500,
  workingGroupName: 100,
  languages: 30,
  workingGroups: 50,
} as const;

/** A phone number as the directory keeps it: digits, spaces, `+ ( ) / -`. */
export const PARTNER_PHONE_PATTERN = /^\+?[0-9 ()/-]{3,40}$/;

/** A working group (Arbeitskreis) of the city; partners take part in any number of them. */
export interface WorkingGroupResponse {
  id: string;
  name: string;
  version: number;
}

export interface CreateWorkingGroupRequest {
  name: string;
}

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
  /** ISO 639 codes of the languages the offer is held in. */
  languages: string[];
  targetGroup: string | null;
  /** How to refer a client (Zugangsweg). */
  accessRoute: string | null;
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
  contactPerson: string | null;
  /** ISO 639 codes of the languages offered. */
  languages: string[];
  /** Ids of the working groups it takes part in. */
  workingGroupIds: string[];
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
  contactPerson?: string;
  languages?: string[];
  workingGroupIds?: string[];
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
  contactPerson?: string | null;
  languages?: string[];
  /** Replaces the memberships. */
  workingGroupIds?: string[];
  active?: boolean;
}

export interface CreatePartnerOfferRequest {
  topic: PartnerTopic;
  title: string;
  description?: string;
  languages?: string[];
  targetGroup?: string;
  accessRoute?: string;
}

export interface UpdatePartnerOfferRequest {
  version: number;
  topic?: PartnerTopic;
  title?: string;
  description?: string | null;
  languages?: string[];
  targetGroup?: string | null;
  accessRoute?: string | null;
  active?: boolean;
}

export const PARTNER_ERROR_CODES = {
  /** 409: the municipality has a partner of that name already. */
  partnerNameTaken: 'partnerNameTaken',
  /** 409: the partner has an offer of that title already. */
  offerTitleTaken: 'offerTitleTaken',
  /** 409: the municipality has a working group of that name already (regardless of case). */
  workingGroupNameTaken: 'workingGroupNameTaken',
  /** 422: a working group id that is not one of the municipality's. */
  unknownWorkingGroup: 'unknownWorkingGroup',
} as const;
