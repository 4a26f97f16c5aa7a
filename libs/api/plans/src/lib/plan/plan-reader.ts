import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PartnersService } from '@wegweiser/api/partners';
import { ERROR_CODES, GoalResponse, ReferralResponse } from '@wegweiser/shared/contracts';
import { In } from 'typeorm';
import { GoalEntity, GoalStepEntity } from '../entities/goal.entity';
import { ReferralEntity } from '../entities/referral.entity';
import { toGoalResponse, toReferralResponse } from './plan-mapping';

export const goalNotFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such goal.' });
export const referralNotFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such referral.' });

/**
 * Reads a client's current plan. Callers have checked access to the client
 * (ClientAccess); every query names the client, so an id of another client's
 * goal or referral is simply not found. Order is stable (creation), which
 * the comparison with agreed snapshots relies on.
 */
@Injectable()
export class PlanReader {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly partners: PartnersService,
  ) {}

  async goals(clientId: string): Promise<GoalResponse[]> {
    const goals = await this.txHost.tx.getRepository(GoalEntity).find({ where: { clientId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return this.withSteps(goals);
  }

  async goal(clientId: string, goalId: string): Promise<GoalResponse> {
    const goal = await this.goalEntity(clientId, goalId);
    return (await this.withSteps([goal]))[0] as GoalResponse;
  }

  async goalEntity(clientId: string, goalId: string): Promise<GoalEntity> {
    const goal = await this.txHost.tx.getRepository(GoalEntity).findOneBy({ id: goalId, clientId });
    if (!goal) throw goalNotFound();
    return goal;
  }

  async referrals(clientId: string): Promise<ReferralResponse[]> {
    const referrals = await this.txHost.tx.getRepository(ReferralEntity).find({ where: { clientId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return this.withOffers(referrals);
  }

  async referral(clientId: string, referralId: string): Promise<ReferralResponse> {
    return (await this.withOffers([await this.referralEntity(clientId, referralId)]))[0] as ReferralResponse;
  }

  async referralEntity(clientId: string, referralId: string): Promise<ReferralEntity> {
    const referral = await this.txHost.tx.getRepository(ReferralEntity).findOneBy({ id: referralId, clientId });
    if (!referral) throw referralNotFound();
    return referral;
  }

  private async withSteps(goals: GoalEntity[]): Promise<GoalResponse[]> {
    if (!goals.length) return [];
    const steps = await this.txHost.tx
      .getRepository(GoalStepEntity)
      .find({ where: { goalId: In(goals.map((g) => g.id)) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return goals.map((g) => toGoalResponse(g, steps.filter((s) => s.goalId === g.id)));
  }

  private async withOffers(referrals: ReferralEntity[]): Promise<ReferralResponse[]> {
    const offers = await this.partners.describeOffers(referrals.map((r) => r.partnerOfferId));
    return referrals.map((r) => {
      // Foreign keys keep a referral's offer in its municipality: a missing one is a broken database, not a 404.
      const offer = offers.get(r.partnerOfferId);
      if (!offer) throw new Error(`offer of referral ${r.id} not found`);
      return toReferralResponse(r, offer);
    });
  }
}
