import { GoalResponse, GoalStepResponse, PlanSnapshot, ReferralResponse } from '@wegweiser/shared/contracts';
import type { OfferLookup } from '@wegweiser/api/partners';
import { GoalEntity, GoalStepEntity } from '../entities/goal.entity';
import { ReferralEntity } from '../entities/referral.entity';

export function toStepResponse(s: GoalStepEntity): GoalStepResponse {
  return { id: s.id, goalId: s.goalId, description: s.description, assignee: s.assignee, dueOn: s.dueOn, doneOn: s.doneOn, version: s.version };
}

export function toGoalResponse(g: GoalEntity, steps: GoalStepEntity[]): GoalResponse {
  return {
    id: g.id,
    fieldOfAction: g.fieldOfAction,
    target: g.target,
    targetLevel: g.targetLevel,
    dueOn: g.dueOn,
    state: g.state,
    stateChangedOn: g.stateChangedOn,
    version: g.version,
    steps: steps.map(toStepResponse),
  };
}

/** A referral with its partner's and offer's current names. */
export function toReferralResponse(r: ReferralEntity, offer: OfferLookup): ReferralResponse {
  return {
    id: r.id,
    goalId: r.goalId,
    partnerId: r.partnerId,
    partnerName: offer.partnerName,
    partnerOfferId: r.partnerOfferId,
    offerTitle: offer.title,
    topic: offer.topic,
    state: r.state,
    sentOn: r.sentOn,
    stateChangedOn: r.stateChangedOn,
    version: r.version,
  };
}

/**
 * What an agreement freezes: ids, fields and states, the goals' targets and
 * the steps' descriptions (they are the plan); no versions, no names.
 */
export function toSnapshot(goals: GoalResponse[], referrals: ReferralResponse[]): PlanSnapshot {
  return {
    goals: goals.map((g) => ({
      id: g.id,
      fieldOfAction: g.fieldOfAction,
      target: g.target,
      targetLevel: g.targetLevel,
      dueOn: g.dueOn,
      state: g.state,
      stateChangedOn: g.stateChangedOn,
      steps: g.steps.map((s) => ({ id: s.id, description: s.description, assignee: s.assignee, dueOn: s.dueOn, doneOn: s.doneOn })),
    })),
    referrals: referrals.map((r) => ({ id: r.id, goalId: r.goalId, partnerId: r.partnerId, partnerOfferId: r.partnerOfferId, state: r.state, sentOn: r.sentOn })),
  };
}
