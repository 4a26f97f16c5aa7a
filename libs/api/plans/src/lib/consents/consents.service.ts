import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { calendarToday } from '@wegweiser/api/core';
import { hydrateJsonRows, jsonRowsSql, StatementPart, versionedUpdate } from '@wegweiser/api/database';
import { PartnerLookup, PartnersService } from '@wegweiser/api/partners';
import { ConsentResponse, ERROR_CODES, PLAN_ERROR_CODES, PLAN_FIELD_CODES } from '@wegweiser/shared/contracts';
import { Repository } from 'typeorm';
import { CreateConsentDto, WithdrawConsentDto } from '../dto/consent.dto';
import { ConsentEntity } from '../entities/consent.entity';
import { assertValid, isConsentValid, notBefore, notInFuture, recipientRule } from '../rules/plan-rules';

const consentNotFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such consent.' });

export function toConsentResponse(c: ConsentEntity, partner: PartnerLookup | undefined, today: string): ConsentResponse {
  return {
    id: c.id,
    clientId: c.clientId,
    purpose: c.purpose,
    recipientKind: c.recipientKind,
    partnerId: c.partnerId,
    partnerName: partner?.name ?? null,
    dataCategories: c.dataCategories,
    givenOn: c.givenOn,
    validUntil: c.validUntil,
    withdrawnOn: c.withdrawnOn,
    recordedAs: c.recordedAs,
    filedAt: c.filedAt,
    valid: isConsentValid(c, today),
    version: c.version,
  };
}

/**
 * Consents of a client (`/api/clients/:clientId/consents`) and the check a
 * referral needs: a consent for that partner that is valid today.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
    private readonly partners: PartnersService,
  ) {}

  private get consents(): Repository<ConsentEntity> {
    return this.txHost.tx.getRepository(ConsentEntity);
  }

  async list(clientId: string): Promise<ConsentResponse[]> {
    await this.access.readable(clientId);
    const consents = await this.consents.find({ where: { clientId }, order: { givenOn: 'DESC', createdAt: 'DESC', id: 'ASC' } });
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'consent_list', entityId: clientId, clientId });
    return this.toResponses(consents);
  }

  /** The client file's part (`$1` = the client, access checked and the read audited by the file): as `list`. */
  filePart(): StatementPart<ConsentResponse[]> {
    const tx = this.txHost.tx;
    return {
      sql: `json_build_object('consents', ${jsonRowsSql(tx, ConsentEntity, 't.client_id = $1', 't.given_on DESC, t.created_at DESC, t.id')},
                              'partners', ${this.partners.describePartnersSql('SELECT partner_id FROM consent WHERE client_id = $1')})`,
      read: (json) => {
        const { consents, partners } = json as { consents: unknown; partners: unknown };
        return withPartners(hydrateJsonRows(tx, ConsentEntity, consents), this.partners.partnersOf(partners));
      },
    };
  }

  async create(clientId: string, dto: CreateConsentDto): Promise<ConsentResponse> {
    const client = await this.access.writable(clientId);
    const today = calendarToday();
    assertValid(recipientRule(dto), notInFuture('givenOn', dto.givenOn, today), notBefore('validUntil', dto.validUntil, dto.givenOn, PLAN_FIELD_CODES.beforeGivenOn));
    if (dto.partnerId && !(await this.partners.describePartners([dto.partnerId])).has(dto.partnerId)) {
      assertValid({ partnerId: PLAN_FIELD_CODES.notFound });
    }
    const inserted = await this.consents.insert({
      municipalityId: client.municipalityId,
      clientId,
      purpose: dto.purpose,
      recipientKind: dto.recipientKind,
      partnerId: dto.partnerId ?? null,
      dataCategories: dto.dataCategories,
      givenOn: dto.givenOn,
      validUntil: dto.validUntil ?? null,
      recordedAs: dto.recordedAs,
      filedAt: dto.filedAt || null,
    });
    const id = String(inserted.identifiers[0]?.['id']);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'consent', entityId: id, clientId });
    return this.get(clientId, id);
  }

  /** Withdrawing stays possible when the case is closed: the client's right does not end with the support. */
  async withdraw(clientId: string, consentId: string, dto: WithdrawConsentDto): Promise<ConsentResponse> {
    await this.access.writable(clientId, { allowClosed: true });
    const consent = await this.consents.findOneBy({ id: consentId, clientId });
    if (!consent) throw consentNotFound();
    if (consent.withdrawnOn) throw new ConflictException({ code: PLAN_ERROR_CODES.consentWithdrawn, message: 'The consent was withdrawn already.' });
    const withdrawnOn = dto.withdrawnOn ?? calendarToday();
    assertValid(notInFuture('withdrawnOn', withdrawnOn, calendarToday()), notBefore('withdrawnOn', withdrawnOn, consent.givenOn, PLAN_FIELD_CODES.beforeGivenOn));
    await versionedUpdate(this.txHost.tx, ConsentEntity, consentId, dto.version, { withdrawnOn }, consentNotFound, { client_id: clientId });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'consent', entityId: consentId, clientId });
    return this.get(clientId, consentId);
  }

  /** True if the client has a consent for this partner that is valid today. */
  async hasValidConsent(clientId: string, partnerId: string): Promise<boolean> {
    const today = calendarToday();
    const consents = await this.consents.findBy({ clientId, recipientKind: 'partner', partnerId });
    return consents.some((c) => isConsentValid(c, today));
  }

  private async get(clientId: string, id: string): Promise<ConsentResponse> {
    const consent = await this.consents.findOneBy({ id, clientId });
    if (!consent) throw consentNotFound();
    return (await this.toResponses([consent]))[0] as ConsentResponse;
  }

  private async toResponses(consents: ConsentEntity[]): Promise<ConsentResponse[]> {
    return withPartners(consents, await this.partners.describePartners(consents.flatMap((c) => (c.partnerId ? [c.partnerId] : []))));
  }
}

function withPartners(consents: ConsentEntity[], partners: Map<string, PartnerLookup>): ConsentResponse[] {
  const today = calendarToday();
  return consents.map((c) => toConsentResponse(c, c.partnerId ? partners.get(c.partnerId) : undefined, today));
}
