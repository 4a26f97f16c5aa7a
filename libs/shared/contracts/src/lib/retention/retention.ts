/**
 * Retention and erasure (issue 8). A client's personal data is erased a
 * number of months after their support ended (the earlier of closure and the
 * support window's end), unless a legal hold blocks it; on request (Art. 17
 * GDPR) a team lead asks and an administrator confirms.
 */

/** Defaults when a municipality has set no policy: 6 years for case files, 10 for audit rows. */
export const RETENTION_DEFAULTS = { eraseAfterMonths: 72, auditRetentionMonths: 120 } as const;
/** Allowed ranges (months). */
export const RETENTION_LIMITS = {
  eraseAfterMonths: { min: 1, max: 240 },
  auditRetentionMonths: { min: 12, max: 360 },
} as const;

/** `GET/PUT /api/retention/policy`. */
export interface RetentionPolicyResponse {
  eraseAfterMonths: number;
  auditRetentionMonths: number;
  /** False while the municipality uses the defaults. */
  custom: boolean;
}

export interface RetentionPolicyRequest {
  eraseAfterMonths: number;
  auditRetentionMonths: number;
}

/** `GET /api/retention/dry-run?today=YYYY-MM-DD`: what the job would erase (case numbers only). */
export interface RetentionDryRunResponse {
  today: string;
  caseNumbers: string[];
  /** Clients past the period but on legal hold (not erased). */
  onHold: number;
}

/** `PUT /api/clients/:id/legal-hold`. */
export interface LegalHoldRequest {
  reason: string;
}

export interface LegalHoldResponse {
  clientId: string;
  reason: string;
  setAt: string;
}

/** Art. 17(1) GDPR lit. a–e: why the data must be erased (codes only, no free text). */
export const ERASURE_REASONS = ['no_longer_necessary', 'consent_withdrawn', 'objection', 'unlawful_processing', 'legal_obligation'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

export const ERASURE_REQUEST_STATES = ['pending', 'confirmed'] as const;
export type ErasureRequestState = (typeof ERASURE_REQUEST_STATES)[number];

/** `POST /api/clients/:id/erasure-requests`. */
export interface ErasureRequestCreate {
  reason: ErasureReason;
}

export interface ErasureRequestResponse {
  id: string;
  clientId: string;
  /** Null once the client is erased. */
  caseNumber: string | null;
  reason: ErasureReason;
  state: ErasureRequestState;
  requestedAt: string;
  confirmedAt: string | null;
}

/** Stable error codes of the retention API. */
export const RETENTION_ERROR_CODES = {
  legalHold: 'legalHold',
  requestPending: 'erasureRequestPending',
  requestNotPending: 'erasureRequestNotPending',
  clientGone: 'clientGone',
} as const;
