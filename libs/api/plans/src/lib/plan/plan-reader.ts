import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { hydrateJsonRows, jsonRowsSql } from '@wegweiser/api/database';
import { OfferLookup, PartnersService } from '@wegweiser/api/partners';
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

  /**
   * Goals and referrals of the client `$1` inside a larger statement (the client file's one read): members of a
   * `json_build_object`, read back by `currentOf` as `goals` and `referrals` answer.
   */
  currentSql(): string {
    const tx = this.txHost.tx;
    return `'goals', ${jsonRowsSql(tx, GoalEntity, 't.client_id = $1', 't.created_at, t.id')},
            'steps', ${jsonRowsSql(tx, GoalStepEntity, 't.goal_id IN (SELECT id FROM goal WHERE client_id = $1)', 't.created_at, t.id')},
            'referrals', ${jsonRowsSql(tx, ReferralEntity, 't.client_id = $1', 't.created_at, t.id')},
            'offers', ${this.partners.describeOffersSql('SELECT partner_offer_id FROM referral WHERE client_id = $1')}`;
  }

  currentOf(json: { goals: unknown; steps: unknown; referrals: unknown; offers: unknown }): { goals: GoalResponse[]; referrals: ReferralResponse[] } {
    const tx = this.txHost.tx;
    return {
      goals: goalsWithSteps(hydrateJsonRows(tx, GoalEntity, json.goals), hydrateJsonRows(tx, GoalStepEntity, json.steps)),
      referrals: referralsWithOffers(hydrateJsonRows(tx, ReferralEntity, json.referrals), this.partners.offersOf(json.offers)),
    };
  }

  private async withSteps(goals: GoalEntity[]): Promise<GoalResponse[]> {
    if (!goals.length) return [];
    const steps = await this.txHost.tx
      .getRepository(GoalStepEntity)
      .find({ where: { goalId: In(goals.map((g) => g.id)) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return goalsWithSteps(goals, steps);
  }

  private async withOffers(referrals: ReferralEntity[]): Promise<ReferralResponse[]> {
    return referralsWithOffers(referrals, await this.partners.describeOffers(referrals.map((r) => r.partnerOfferId)));
  }
}

function goalsWithSteps(goals: GoalEntity[], steps: GoalStepEntity[]): GoalResponse[] {
  return goals.map((g) => toGoalResponse(g, steps.filter((s) => s.goalId === g.id)));
}

function referralsWithOffers(referrals: ReferralEntity[], offers: Map<string, OfferLookup>): ReferralResponse[] {
  return referrals.map((r) => {
    // Foreign keys keep a referral's offer in its municipality: a missing one is a broken database, not a 404.
    const offer = offers.get(r.partnerOfferId);
    if (!offer) throw new Error(`offer of referral ${r.id} not found`);
    return toReferralResponse(r, offer);
  });
}
