import { PlanReviewAgreementResponse, PlanReviewResponse, PlanReviewState, PlanSnapshot } from '@wegweiser/shared/contracts';

/** A `plan_review` row with the names of who submitted and decided (SQL below). */
export interface PlanReviewRow {
  id: string;
  clientId: string;
  agreementVersion: number;
  state: PlanReviewState;
  comment: string | null;
  submittedById: string;
  submittedByName: string;
  submittedAt: Date;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  version: number;
}

const PLAN_REVIEW_COLUMNS = `
  SELECT r.id, r.client_id AS "clientId", r.agreement_version AS "agreementVersion", r.state, r.comment,
         r.submitted_by AS "submittedById", concat_ws(' ', s.first_name, s.last_name) AS "submittedByName", r.submitted_at AS "submittedAt",
         r.decided_by AS "decidedById", CASE WHEN d.id IS NULL THEN NULL ELSE concat_ws(' ', d.first_name, d.last_name) END AS "decidedByName",
         r.decided_at AS "decidedAt", r.version`;

const PLAN_REVIEW_FROM = `
    FROM plan_review r
    JOIN app_user s ON s.id = r.submitted_by
    LEFT JOIN app_user d ON d.id = r.decided_by`;

/** Reviews (alias `r`) with the people's names; callers add `WHERE`/`ORDER BY`. */
export const PLAN_REVIEW_SELECT = `${PLAN_REVIEW_COLUMNS}${PLAN_REVIEW_FROM}`;

/** The list's rows: a review with the agreed version it asks to approve (`plan_agreement` of that version, one join). */
export interface PlanReviewWithAgreementRow extends PlanReviewRow {
  agreedOn: string | null;
  snapshot: PlanSnapshot | null;
}

export const PLAN_REVIEW_WITH_AGREEMENT_SELECT = `${PLAN_REVIEW_COLUMNS}, a.agreed_on::text AS "agreedOn", a.snapshot${PLAN_REVIEW_FROM}
    LEFT JOIN plan_agreement a ON a.client_id = r.client_id AND a.version = r.agreement_version`;

/** The agreed version in a compact read view: goals and their steps (referrals name only ids). */
export function toReviewedAgreement(row: PlanReviewWithAgreementRow): PlanReviewAgreementResponse | null {
  if (!row.agreedOn || !row.snapshot) return null;
  return { agreedOn: row.agreedOn, goals: row.snapshot.goals ?? [] };
}

/** Newest first; submissions of one client never share a transaction, so `submitted_at` orders them (id breaks ties). */
export const PLAN_REVIEW_ORDER = 'ORDER BY r.submitted_at DESC, r.id DESC';

export function toPlanReview(row: PlanReviewRow): PlanReviewResponse {
  return {
    id: row.id,
    clientId: row.clientId,
    agreementVersion: Number(row.agreementVersion),
    state: row.state,
    comment: row.comment,
    submittedById: row.submittedById,
    submittedByName: row.submittedByName,
    submittedAt: new Date(row.submittedAt).toISOString(),
    decidedById: row.decidedById,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    version: Number(row.version),
  };
}
