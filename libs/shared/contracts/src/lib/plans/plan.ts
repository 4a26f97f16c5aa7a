import { CefrLevel, FieldOfAction, GoalState, PartnerTopic, ReferralState, StepAssignee } from '../domain/case-vocabulary';
import { PlanReviewResponse } from './plan-review';

/** Routes of a client's consents and integration plan (under the API prefix). */
export const PLAN_ROUTES = {
  consents: 'clients/:clientId/consents',
  plan: 'clients/:clientId/plan',
} as const;

/** An agreed step (vereinbarter Schritt) of a goal. */
export interface GoalStepResponse {
  id: string;
  goalId: string;
  description: string;
  assignee: StepAssignee;
  dueOn: string | null;
  doneOn: string | null;
  version: number;
}

/** A goal (Ziel) of the integration plan. Language goals name a CEFR level, the others none. */
export interface GoalResponse {
  id: string;
  fieldOfAction: FieldOfAction;
  target: string;
  targetLevel: CefrLevel | null;
  dueOn: string;
  state: GoalState;
  stateChangedOn: string;
  version: number;
  steps: GoalStepResponse[];
}

/** A referral (Vermittlung) to a partner's offer. */
export interface ReferralResponse {
  id: string;
  goalId: string | null;
  partnerId: string;
  partnerName: string;
  partnerOfferId: string;
  offerTitle: string;
  topic: PartnerTopic;
  state: ReferralState;
  sentOn: string | null;
  stateChangedOn: string;
  version: number;
}

/** What an agreement froze: ids, fields and states of goals, steps and referrals (no other free text). */
export interface PlanSnapshot {
  goals: PlanSnapshotGoal[];
  referrals: PlanSnapshotReferral[];
}

export interface PlanSnapshotGoal {
  id: string;
  fieldOfAction: FieldOfAction;
  target: string;
  targetLevel: CefrLevel | null;
  dueOn: string;
  state: GoalState;
  stateChangedOn: string;
  steps: PlanSnapshotStep[];
}

export interface PlanSnapshotStep {
  id: string;
  description: string;
  assignee: StepAssignee;
  dueOn: string | null;
  doneOn: string | null;
}

export interface PlanSnapshotReferral {
  id: string;
  goalId: string | null;
  partnerId: string;
  partnerOfferId: string;
  state: ReferralState;
  sentOn: string | null;
}

export interface PlanAgreementSummaryResponse {
  /** 1, 2, ... per client. */
  version: number;
  /** The day the plan was agreed with (and signed by) the client. */
  agreedOn: string;
  agreedById: string;
  agreedByName: string;
  recordedAt: string;
}

/** `GET /api/clients/:clientId/plan/agreements/:version`: an agreed version as it was. */
export interface PlanAgreementResponse extends PlanAgreementSummaryResponse {
  snapshot: PlanSnapshot;
}

/** `GET /api/clients/:clientId/plan`: the current plan and its latest agreement. */
export interface PlanResponse {
  clientId: string;
  supportStart: string;
  supportWindowEnd: string;
  goals: GoalResponse[];
  referrals: ReferralResponse[];
  latestAgreement: PlanAgreementSummaryResponse | null;
  /** True when goals, steps or referrals differ from the latest agreement (or nothing was agreed yet). */
  changedSinceAgreement: boolean;
  /** The latest sign-off review (any agreed version), null when never submitted. */
  review: PlanReviewResponse | null;
}

/** Dates are `YYYY-MM-DD`; `dueOn` lies inside the support window (else 400 `outsideSupportWindow`). */
export interface CreateGoalRequest {
  fieldOfAction: FieldOfAction;
  target: string;
  /** Required for `language`, refused for every other field. */
  targetLevel?: CefrLevel;
  dueOn: string;
  /** Default `open`. */
  state?: GoalState;
}

/** Only what is sent changes. A new `state` records `stateChangedOn` (default today). */
export interface UpdateGoalRequest {
  version: number;
  fieldOfAction?: FieldOfAction;
  target?: string;
  targetLevel?: CefrLevel | null;
  dueOn?: string;
  state?: GoalState;
  stateChangedOn?: string;
}

export interface CreateGoalStepRequest {
  description: string;
  assignee: StepAssignee;
  dueOn?: string;
}

/** `doneOn: null` reopens a step. */
export interface UpdateGoalStepRequest {
  version: number;
  description?: string;
  assignee?: StepAssignee;
  dueOn?: string | null;
  doneOn?: string | null;
}

/** Refused with 409 `consentRequired` unless the client has a valid consent for the offer's partner. */
export interface CreateReferralRequest {
  partnerOfferId: string;
  goalId?: string;
  /** Default `proposed`; `sent` records `sentOn` (default today). */
  state?: 'proposed' | 'sent';
  sentOn?: string;
}

/** States move forward only (see REFERRAL_TRANSITIONS); `sent` again needs a valid consent. */
export interface UpdateReferralRequest {
  version: number;
  state?: ReferralState;
  goalId?: string | null;
  sentOn?: string;
}

export interface AgreePlanRequest {
  /** Not in the future, inside the support window, not before the previous agreement. */
  agreedOn: string;
}

/** Where a referral may go from each state. */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralState, readonly ReferralState[]>> = {
  proposed: ['sent', 'cancelled'],
  sent: ['accepted', 'declined', 'cancelled'],
  accepted: ['completed', 'cancelled'],
  completed: [],
  declined: [],
  cancelled: [],
};

export const PLAN_ERROR_CODES = {
  /** 409: a goal that is part of an agreed version cannot be deleted; set it to `dropped`. */
  goalAgreed: 'goalAgreed',
  /** 409: the referral cannot move from its current state to the requested one. */
  invalidReferralTransition: 'invalidReferralTransition',
  /** 409: the consent was withdrawn already. */
  consentWithdrawn: 'consentWithdrawn',
  /** 409: a plan without goals cannot be agreed. */
  planEmpty: 'planEmpty',
} as const;

/** Field codes (values of `ApiErrorResponse.errors`) of the plan's own rules. */
export const PLAN_FIELD_CODES = {
  outsideSupportWindow: 'outsideSupportWindow',
  inFuture: 'inFuture',
  beforeGivenOn: 'beforeGivenOn',
  beforeLastAgreement: 'beforeLastAgreement',
  requiredForLanguage: 'requiredForLanguage',
  onlyForLanguage: 'onlyForLanguage',
  requiredForPartner: 'requiredForPartner',
  onlyForPartner: 'onlyForPartner',
  notFound: 'notFound',
  inactive: 'inactive',
  onlyWhenSent: 'onlyWhenSent',
} as const;
