import { AuditAction, AuditOutcome } from './audit';

/**
 * The data-protection officer's screens (issue 17): the audit trail as a
 * table with names of the municipality's staff (never of clients: only the
 * case number), the per-client access report, the hash-chain status and the
 * Art. 15 exports. Searches go in POST bodies, never in the URL.
 */
export const AUDIT_API_ROUTES = {
  search: 'audit/search',
  export: 'audit/export',
  accessReport: 'audit/access-report',
  people: 'audit/people',
  chain: 'audit/chain',
  chainVerifications: 'audit/chain/verifications',
  subjectAccessExports: 'audit/subject-access-exports',
  erasureRequests: 'audit/erasure-requests',
} as const;

/** A case number as the client file shows it (e.g. `BH-2026-00012`). */
export const CASE_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;

/** `POST /api/audit/search` and `POST /api/audit/export`: every filter optional. */
export interface AuditSearchRequest {
  /** The client's case number (resolved to the client in the API; unknown → no rows). */
  caseNumber?: string;
  /** An account of the municipality (see `GET /api/audit/people`). */
  userId?: string;
  action?: AuditAction;
  /** Inclusive lower bound, ISO 8601 with an explicit offset. */
  from?: string;
  /** Exclusive upper bound, ISO 8601 with an explicit offset. */
  to?: string;
  /** Keyset cursor: `nextBefore` of the previous page (search only). */
  before?: string;
  limit?: number;
}

/** One row of the audit table. */
export interface AuditTableRow {
  id: string;
  occurredAt: string;
  userId: string | null;
  /** `Vorname Nachname` of the account; null when nobody was signed in. */
  personName: string | null;
  role: string | null;
  action: AuditAction;
  outcome: AuditOutcome;
  entityType: string | null;
  /** The case number of the client concerned, if any (and the client still exists). */
  caseNumber: string | null;
}

export interface AuditTablePageResponse {
  items: AuditTableRow[];
  nextBefore: string | null;
}

/** Most rows one CSV export may hold; a larger result is refused (422 `auditExportTooLarge`): narrow the filter. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/** `GET /api/audit/people`: the municipality's accounts (for the person filter). */
export interface AuditPersonResponse {
  id: string;
  name: string;
  role: string;
  active: boolean;
}

/** `POST /api/audit/access-report`. */
export interface ClientAccessReportRequest {
  caseNumber: string;
}

export interface ClientAccessEntry {
  id: string;
  occurredAt: string;
  personName: string | null;
  role: string | null;
  /** The team of the person (managers and team leads); null for other roles. */
  teamName: string | null;
  action: AuditAction;
  outcome: AuditOutcome;
  entityType: string | null;
}

/** Who read (or tried to read) one client's file, newest first. */
export interface ClientAccessReportResponse {
  caseNumber: string;
  items: ClientAccessEntry[];
  /** True when more than `CLIENT_ACCESS_REPORT_MAX` entries exist (the newest are shown). */
  truncated: boolean;
}

export const CLIENT_ACCESS_REPORT_MAX = 1_000;

export const AUDIT_VERIFICATION_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type AuditVerificationState = (typeof AUDIT_VERIFICATION_STATES)[number];

/** One run of the hash-chain verification of the municipality's trail. */
export interface AuditVerificationResponse {
  id: string;
  state: AuditVerificationState;
  /** 0–100. */
  progress: number;
  requestedAt: string;
  requestedBy: string | null;
  finishedAt: string | null;
  /** Events checked (when done). */
  checked: number | null;
  /** true: intakt; false: gebrochen (see `brokenEventId`); null while not done. */
  intact: boolean | null;
  brokenEventId: string | null;
  /** `hashMismatch` (a row was changed) or `prevHashMismatch` (a row before it was removed or inserted). */
  brokenReason: 'hashMismatch' | 'prevHashMismatch' | null;
}

/** `GET /api/audit/chain`: the latest finished verification and the one running, if any. */
export interface AuditChainStatusResponse {
  lastVerification: AuditVerificationResponse | null;
  current: AuditVerificationResponse | null;
}

/** `GET /api/audit/subject-access-exports`: Art. 15 exports (audited as `export` of `subject_access`). */
export interface SubjectAccessExportResponse {
  id: string;
  occurredAt: string;
  caseNumber: string | null;
  personName: string | null;
  outcome: AuditOutcome;
}

/** `GET /api/audit/erasure-requests`: the municipality's Art. 17 requests with who asked and who confirmed. */
export interface ErasureRequestOverviewResponse {
  id: string;
  caseNumber: string | null;
  reason: string;
  state: string;
  requestedAt: string;
  requestedBy: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

export const DATA_PROTECTION_ERROR_CODES = {
  auditExportTooLarge: 'auditExportTooLarge',
} as const;
