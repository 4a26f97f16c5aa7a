import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { TenantContext } from '@wegweiser/api/core';
import { isUniqueViolation, versionedUpdate } from '@wegweiser/api/database';
import {
  ERROR_CODES,
  hasPermission,
  PARTNER_ERROR_CODES,
  PartnerKind,
  PartnerOfferListItemResponse,
  PartnerOfferResponse,
  PartnerResponse,
  PartnerTopic,
} from '@wegweiser/shared/contracts';
import { In, Repository } from 'typeorm';
import { CreatePartnerDto, CreatePartnerOfferDto, PartnerOfferSearchQueryDto, PartnerSearchQueryDto, UpdatePartnerDto, UpdatePartnerOfferDto } from './dto/partner.dto';
import { containsPattern, toOfferResponse, toPartnerResponse } from './partner-mapping';
import { PartnerEntity, PartnerOfferEntity } from './partner.entity';
import { WorkingGroupsService } from './working-groups.service';

const partnerNotFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such partner.' });
const offerNotFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such offer.' });
const nameTaken = () => new ConflictException({ code: PARTNER_ERROR_CODES.partnerNameTaken, message: 'There is a partner of this name already.' });
const titleTaken = () => new ConflictException({ code: PARTNER_ERROR_CODES.offerTitleTaken, message: 'The partner has an offer of this title already.' });

/** An offer as other features see it (referrals): usable only while both it and its partner are active. */
export interface OfferLookup {
  offerId: string;
  partnerId: string;
  partnerName: string;
  title: string;
  topic: PartnerTopic;
  usable: boolean;
}

export interface PartnerLookup {
  id: string;
  name: string;
  kind: PartnerKind;
  active: boolean;
}

type OfferRow = OfferLookup & { offerActive: boolean; partnerActive: boolean };

const OFFER_LOOKUP_SQL = `
  SELECT o.id AS "offerId", o.partner_id AS "partnerId", p.name AS "partnerName", o.title, o.topic,
         o.active AS "offerActive", p.active AS "partnerActive"
    FROM partner_offer o JOIN partner p ON p.id = o.partner_id`;

const offerLookups = (rows: OfferRow[]): Map<string, OfferLookup> =>
  new Map(rows.map(({ offerActive, partnerActive, ...offer }) => [offer.offerId, { ...offer, usable: offerActive && partnerActive }]));

/** Language codes once each, in the order given. */
export const uniqueLanguages = (codes: readonly string[]): string[] => [...new Set(codes)];

const OFFER_SEARCH_SQL = `
  SELECT o.id, o.partner_id AS "partnerId", o.topic, o.title, o.description, o.languages, o.target_group AS "targetGroup",
         o.access_route AS "accessRoute", o.active, o.version,
         p.name AS "partnerName", p.kind AS "partnerKind"
    FROM partner_offer o JOIN partner p ON p.id = o.partner_id
   WHERE o.municipality_id = $1 AND o.active AND p.active
     AND ($2::text IS NULL OR o.topic = $2)
     AND ($3::text IS NULL OR o.title ILIKE $3 OR p.name ILIKE $3 OR o.description ILIKE $3)
   ORDER BY p.name, o.title, o.id`;

/**
 * The partner directory of the signed-in user's municipality (named in every
 * query, under row-level security): searched by managers, kept by admins.
 */
@Injectable()
export class PartnersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly workingGroups: WorkingGroupsService,
  ) {}

  private get partners(): Repository<PartnerEntity> {
    return this.txHost.tx.getRepository(PartnerEntity);
  }

  private get offers(): Repository<PartnerOfferEntity> {
    return this.txHost.tx.getRepository(PartnerOfferEntity);
  }

  private municipalityId(): string {
    return this.tenant.requireUser().municipalityId;
  }

  async search(query: PartnerSearchQueryDto): Promise<PartnerResponse[]> {
    const user = this.tenant.requireUser();
    const all = query.includeInactive === true && hasPermission(user.role, 'partner:manage');
    const qb = this.partners.createQueryBuilder('p').where('p.municipality_id = :municipalityId', { municipalityId: user.municipalityId });
    if (!all) qb.andWhere('p.active');
    if (query.q) qb.andWhere('p.name ILIKE :like', { like: containsPattern(query.q) });
    if (query.topic) {
      qb.andWhere(`EXISTS (SELECT 1 FROM partner_offer o WHERE o.partner_id = p.id AND o.topic = :topic${all ? '' : ' AND o.active'})`, { topic: query.topic });
    }
    const partners = await qb.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').getMany();
    return this.withOffers(partners, all);
  }

  async searchOffers(query: PartnerOfferSearchQueryDto): Promise<PartnerOfferListItemResponse[]> {
    const like = query.q ? containsPattern(query.q) : null;
    return this.txHost.tx.query(OFFER_SEARCH_SQL, [this.municipalityId(), query.topic ?? null, like]);
  }

  async create(dto: CreatePartnerDto): Promise<PartnerResponse> {
    const { name, kind, description = null, email = null, phone = null, website = null, address = null, contactPerson = null, languages = [], workingGroupIds } = dto;
    let id: string;
    try {
      const inserted = await this.partners.insert({
        municipalityId: this.municipalityId(),
        name,
        kind,
        description,
        email,
        phone,
        website,
        address,
        contactPerson,
        languages: uniqueLanguages(languages),
      });
      id = String(inserted.identifiers[0]?.['id']);
    } catch (error) {
      if (isUniqueViolation(error, 'partner_name_unique')) throw nameTaken();
      throw error;
    }
    if (workingGroupIds?.length) await this.workingGroups.setMemberships(id, workingGroupIds);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'partner', entityId: id });
    return this.get(id);
  }

  async update(id: string, dto: UpdatePartnerDto): Promise<PartnerResponse> {
    const { version, workingGroupIds, languages, ...changes } = dto;
    const values: Partial<PartnerEntity> = languages ? { ...changes, languages: uniqueLanguages(languages) } : changes;
    try {
      await versionedUpdate(this.txHost.tx, PartnerEntity, id, version, values, partnerNotFound, { municipality_id: this.municipalityId() });
    } catch (error) {
      if (isUniqueViolation(error, 'partner_name_unique')) throw nameTaken();
      throw error;
    }
    if (workingGroupIds) await this.workingGroups.setMemberships(id, workingGroupIds);
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'partner', entityId: id });
    return this.get(id);
  }

  async createOffer(partnerId: string, dto: CreatePartnerOfferDto): Promise<PartnerOfferResponse> {
    const partner = await this.partners.findOneBy({ id: partnerId, municipalityId: this.municipalityId() });
    if (!partner) throw partnerNotFound();
    let id: string;
    try {
      const { topic, title, description = null, languages = [], targetGroup = null, accessRoute = null } = dto;
      const inserted = await this.offers.insert({
        municipalityId: partner.municipalityId,
        partnerId,
        topic,
        title,
        description,
        languages: uniqueLanguages(languages),
        targetGroup,
        accessRoute,
      });
      id = String(inserted.identifiers[0]?.['id']);
    } catch (error) {
      if (isUniqueViolation(error, 'partner_offer_title_unique')) throw titleTaken();
      throw error;
    }
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'partner_offer', entityId: id });
    return this.getOffer(partnerId, id);
  }

  async updateOffer(partnerId: string, offerId: string, dto: UpdatePartnerOfferDto): Promise<PartnerOfferResponse> {
    const { version, languages, ...changes } = dto;
    const values: Partial<PartnerOfferEntity> = languages ? { ...changes, languages: uniqueLanguages(languages) } : changes;
    try {
      await versionedUpdate(this.txHost.tx, PartnerOfferEntity, offerId, version, values, offerNotFound, {
        partner_id: partnerId,
        municipality_id: this.municipalityId(),
      });
    } catch (error) {
      if (isUniqueViolation(error, 'partner_offer_title_unique')) throw titleTaken();
      throw error;
    }
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'partner_offer', entityId: offerId });
    return this.getOffer(partnerId, offerId);
  }

  /** Offers by id within the municipality, with their partner (for referrals). */
  async describeOffers(ids: readonly string[]): Promise<Map<string, OfferLookup>> {
    if (!ids.length) return new Map();
    const rows: OfferRow[] = await this.txHost.tx.query(`${OFFER_LOOKUP_SQL} WHERE o.municipality_id = $1 AND o.id = ANY($2::uuid[])`, [
      this.municipalityId(),
      [...new Set(ids)],
    ]);
    return offerLookups(rows);
  }

  /** `describeOffers` inside a larger statement: the offers whose ids `idsSql` selects, as a JSON sub-select. */
  describeOffersSql(idsSql: string): string {
    return `(SELECT coalesce(json_agg(x), '[]'::json) FROM (${OFFER_LOOKUP_SQL} WHERE o.municipality_id = current_municipality_id() AND o.id IN (${idsSql})) x)`;
  }

  /** The value of `describeOffersSql`, as `describeOffers` answers. */
  offersOf(json: unknown): Map<string, OfferLookup> {
    return offerLookups(json as OfferRow[]);
  }

  /** `describePartners` inside a larger statement: the partners whose ids `idsSql` selects, as a JSON sub-select. */
  describePartnersSql(idsSql: string): string {
    return `(SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'kind', p.kind, 'active', p.active)), '[]'::json)
               FROM partner p WHERE p.municipality_id = current_municipality_id() AND p.id IN (${idsSql}))`;
  }

  /** The value of `describePartnersSql`, as `describePartners` answers. */
  partnersOf(json: unknown): Map<string, PartnerLookup> {
    return new Map((json as PartnerLookup[]).map((p) => [p.id, { id: p.id, name: p.name, kind: p.kind, active: p.active }]));
  }

  /** Partners by id within the municipality (for consents). */
  async describePartners(ids: readonly string[]): Promise<Map<string, PartnerLookup>> {
    if (!ids.length) return new Map();
    const partners = await this.partners.findBy({ municipalityId: this.municipalityId(), id: In([...new Set(ids)]) });
    return new Map(partners.map((p) => [p.id, { id: p.id, name: p.name, kind: p.kind, active: p.active }]));
  }

  /** One partner of the municipality with all its offers and working groups. */
  async get(id: string): Promise<PartnerResponse> {
    const partner = await this.partners.findOneBy({ id, municipalityId: this.municipalityId() });
    if (!partner) throw partnerNotFound();
    return (await this.withOffers([partner], true))[0] as PartnerResponse;
  }

  private async getOffer(partnerId: string, id: string): Promise<PartnerOfferResponse> {
    const offer = await this.offers.findOneBy({ id, partnerId, municipalityId: this.municipalityId() });
    if (!offer) throw offerNotFound();
    return toOfferResponse(offer);
  }

  private async withOffers(partners: PartnerEntity[], includeInactive: boolean): Promise<PartnerResponse[]> {
    if (!partners.length) return [];
    const offers = await this.offers.find({
      where: { partnerId: In(partners.map((p) => p.id)), ...(includeInactive ? {} : { active: true }) },
      order: { title: 'ASC', id: 'ASC' },
    });
    const groups = await this.workingGroups.membershipsOf(partners.map((p) => p.id));
    return partners.map((p) => toPartnerResponse(p, offers.filter((o) => o.partnerId === p.id), groups.get(p.id) ?? []));
  }
}
