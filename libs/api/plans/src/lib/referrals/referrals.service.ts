import { ConflictException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { calendarToday } from '@wegweiser/api/core';
import { versionedUpdate } from '@wegweiser/api/database';
import { PartnersService } from '@wegweiser/api/partners';
import { CASE_ERROR_CODES, PLAN_ERROR_CODES, PLAN_FIELD_CODES, ReferralResponse } from '@wegweiser/shared/contracts';
import { ConsentsService } from '../consents/consents.service';
import { CreateReferralDto, UpdateReferralDto } from '../dto/plan.dto';
import { GoalEntity } from '../entities/goal.entity';
import { ReferralEntity } from '../entities/referral.entity';
import { PlanReader, referralNotFound } from '../plan/plan-reader';
import { assertValid, canMoveReferral, FieldErrors, sentOnRule } from '../rules/plan-rules';

const consentRequired = () =>
  new ConflictException({ code: CASE_ERROR_CODES.consentRequired, message: 'A referral needs a valid consent of the client for this partner.' });

/**
 * Referrals of a client to partners' offers. Data reach a partner only with
 * the client's consent: creating a referral, and sending it, need a consent
 * for that partner that is valid today (else 409 `consentRequired`).
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
    private readonly reader: PlanReader,
    private readonly partners: PartnersService,
    private readonly consents: ConsentsService,
  ) {}

  async create(clientId: string, dto: CreateReferralDto): Promise<ReferralResponse> {
    const client = await this.access.writable(clientId);
    const today = calendarToday();
    const state = dto.state ?? 'proposed';
    const offer = (await this.partners.describeOffers([dto.partnerOfferId])).get(dto.partnerOfferId);
    const offerRule: FieldErrors = !offer ? { partnerOfferId: PLAN_FIELD_CODES.notFound } : offer.usable ? {} : { partnerOfferId: PLAN_FIELD_CODES.inactive };
    assertValid(offerRule, await this.goalRule(clientId, dto.goalId), sentOnRule(state, dto.sentOn, today));
    const partnerId = offer?.partnerId ?? '';
    if (!(await this.consents.hasValidConsent(clientId, partnerId))) throw consentRequired();
    const inserted = await this.txHost.tx.getRepository(ReferralEntity).insert({
      municipalityId: client.municipalityId,
      clientId,
      goalId: dto.goalId ?? null,
      partnerOfferId: dto.partnerOfferId,
      partnerId,
      state,
      sentOn: state === 'sent' ? (dto.sentOn ?? today) : null,
      stateChangedOn: today,
    });
    const id = String(inserted.identifiers[0]?.['id']);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'referral', entityId: id, clientId });
    return this.reader.referral(clientId, id);
  }

  /** States move forward only; moving to `sent` checks the consent again (it may have been withdrawn since). */
  async update(clientId: string, referralId: string, dto: UpdateReferralDto): Promise<ReferralResponse> {
    await this.access.writable(clientId);
    const referral = await this.reader.referralEntity(clientId, referralId);
    const today = calendarToday();
    const moving = dto.state !== undefined && dto.state !== referral.state;
    assertValid(await this.goalRule(clientId, dto.goalId ?? undefined), sentOnRule(moving ? dto.state : undefined, dto.sentOn, today));
    const changes: Partial<ReferralEntity> = {};
    if (dto.goalId !== undefined) changes.goalId = dto.goalId;
    if (moving && dto.state) {
      if (!canMoveReferral(referral.state, dto.state)) {
        throw new ConflictException({
          code: PLAN_ERROR_CODES.invalidReferralTransition,
          message: `A referral cannot move from ${referral.state} to ${dto.state}.`,
        });
      }
      if (dto.state === 'sent' && !(await this.consents.hasValidConsent(clientId, referral.partnerId))) throw consentRequired();
      Object.assign(changes, { state: dto.state, stateChangedOn: today }, dto.state === 'sent' ? { sentOn: dto.sentOn ?? today } : {});
    }
    await versionedUpdate(this.txHost.tx, ReferralEntity, referralId, dto.version, changes, referralNotFound, { client_id: clientId });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'referral', entityId: referralId, clientId });
    return this.reader.referral(clientId, referralId);
  }

  /** A referral's goal is one of the same client's goals. */
  private async goalRule(clientId: string, goalId: string | undefined): Promise<FieldErrors> {
    if (!goalId) return {};
    const exists = await this.txHost.tx.getRepository(GoalEntity).existsBy({ id: goalId, clientId });
    return exists ? {} : { goalId: PLAN_FIELD_CODES.notFound };
  }
}
