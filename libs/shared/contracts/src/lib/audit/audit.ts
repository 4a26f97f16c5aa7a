/** What an audit row records (ids only — never names or note text). */
export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'login', 'login_failed', 'locked', 'logout', 'denied'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** `GET /api/audit` item. */
export interface AuditEventResponse {
  id: string;
  occurredAt: string;
  userId: string | null;
  role: string | null;
  action: AuditAction;
  entityType: string | null;
  entityId: string | null;
  clientId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
}

export interface AuditPageResponse {
  items: AuditEventResponse[];
  /** Pass as `before` to get the next (older) page; null at the end. */
  nextBefore: string | null;
}
