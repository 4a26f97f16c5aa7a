import { ClientSummaryResponse } from '../clients/client';
import type { PlanSnapshotGoal } from './plan';

/** Routes of the plan sign-off (under the API prefix); the per-client ones hang below `clients/:clientId/plan`. */
export const PLAN_REVIEW_ROUTES = {
  /** `GET ?state=submitted`: the team lead's team's plans waiting for sign-off. */
  list: 'plan-reviews',
} as const;

/**
 * States of a plan's review (four-eyes sign-off): the responsible manager
 * submits an agreed version, the team lead approves it or returns it with a
 * comment; a returned plan may be submitted again (a new review).
 */
export const PLAN_REVIEW_STATES = ['submitted', 'returned', 'approved'] as const;
export type PlanReviewState = (typeof PLAN_REVIEW_STATES)[number];

/** One review of an agreed version of a client's plan. */
export interface PlanReviewResponse {
  id: string;
  clientId: string;
  /** The agreed version (`PlanAgreementSummaryResponse.version`) submitted for sign-off. */
  agreementVersion: number;
  state: PlanReviewState;
  /** The team lead's reason for returning the plan (only with `returned`). */
  comment: string | null;
  submittedById: string;
  submittedByName: string;
  submittedAt: string;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  version: number;
}

/** The agreed version a review asks to approve, as agreed (goals with their steps). */
export interface PlanReviewAgreementResponse {
  /** The day it was agreed with the client (`YYYY-MM-DD`). */
  agreedOn: string;
  goals: PlanSnapshotGoal[];
}

/** `GET /api/plan-reviews?state=submitted`: a plan of the team waiting for sign-off, with what it asks to approve. */
export interface PlanReviewListItemResponse {
  client: ClientSummaryResponse;
  review: PlanReviewResponse;
  /** The submitted agreed version (null only if it is missing, which the API does not allow). */
  agreement: PlanReviewAgreementResponse | null;
}

/** `POST /api/clients/:clientId/plan/review/approve`. */
export interface ApprovePlanReviewRequest {
  /** The review's version read last. */
  version: number;
}

/** `POST /api/clients/:clientId/plan/review/return`: back to the manager with a comment (required). */
export interface ReturnPlanReviewRequest {
  version: number;
  comment: string;
}

export const PLAN_REVIEW_LIMITS = {
  commentMaxLength: 2000,
} as const;

export const PLAN_REVIEW_ERROR_CODES = {
  /** 409: there is no agreed version to submit. */
  planNotAgreed: 'planNotAgreed',
  /** 409: the plan is waiting for sign-off already. */
  planReviewPending: 'planReviewPending',
  /** 409: this agreed version is approved already. */
  planAlreadyApproved: 'planAlreadyApproved',
  /** 409: approve / return need a submitted review. */
  planReviewNotSubmitted: 'planReviewNotSubmitted',
} as const;

type PlanReviewErrorCode = (typeof PLAN_REVIEW_ERROR_CODES)[keyof typeof PLAN_REVIEW_ERROR_CODES];

/**
 * Why the latest agreed version may not be submitted for sign-off (null: it
 * may): something must be agreed; nothing may wait already; an approved
 * version is not submitted again (a newer agreed version is). The API
 * enforces it; the client shows "submit" only when it is null.
 */
export function planSubmitRefusal(
  latestAgreementVersion: number | null,
  latestReview: Pick<PlanReviewResponse, 'state' | 'agreementVersion'> | null,
): PlanReviewErrorCode | null {
  if (latestAgreementVersion === null) return PLAN_REVIEW_ERROR_CODES.planNotAgreed;
  if (latestReview?.state === 'submitted') return PLAN_REVIEW_ERROR_CODES.planReviewPending;
  if (latestReview?.state === 'approved' && latestReview.agreementVersion >= latestAgreementVersion) return PLAN_REVIEW_ERROR_CODES.planAlreadyApproved;
  return null;
}

/** Why the team lead may not approve or return (null: a review waits). */
export function planDecideRefusal(latestReview: Pick<PlanReviewResponse, 'state'> | null): PlanReviewErrorCode | null {
  return latestReview?.state === 'submitted' ? null : PLAN_REVIEW_ERROR_CODES.planReviewNotSubmitted;
}
