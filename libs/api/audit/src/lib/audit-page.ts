import { AuditAction, AuditEventResponse, AuditOutcome, AuditPageResponse } from '@wegweiser/shared/contracts';

/** What `GET /api/audit` can filter by (the validated query, see AuditQueryDto). */
export interface AuditFilter {
  clientId?: string;
  userId?: string;
  action?: AuditAction;
  /** Inclusive lower bound of `occurredAt` (ISO 8601 with offset). */
  from?: string;
  /** Exclusive upper bound of `occurredAt`. */
  to?: string;
  /** Keyset cursor: only events with a smaller id (the previous page's `nextBefore`). */
  before?: string;
  limit?: number;
}

export const AUDIT_PAGE_DEFAULT_LIMIT = 50;
export const AUDIT_PAGE_MAX_LIMIT = 200;

export interface AuditEventRow {
  id: string;
  occurred_at: Date;
  user_id: string | null;
  role: string | null;
  action: AuditAction;
  entity_type: string | null;
  entity_id: string | null;
  client_id: string | null;
  outcome: AuditOutcome;
  request_id: string | null;
}

export interface AuditPageQuery {
  sql: string;
  params: unknown[];
  limit: number;
}

/**
 * One page of a municipality's trail, newest first, keyset-paginated by id
 * (stable while new events arrive). Fetches one row more than the page to
 * know whether an older page exists. The municipality condition restates
 * what row-level security enforces anyway.
 */
export function buildAuditPageQuery(municipalityId: string, filter: AuditFilter): AuditPageQuery {
  const limit = filter.limit ?? AUDIT_PAGE_DEFAULT_LIMIT;
  const params: unknown[] = [municipalityId];
  const where = ['municipality_id = $1'];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (filter.clientId) add((p) => `client_id = ${p}`, filter.clientId);
  if (filter.userId) add((p) => `user_id = ${p}`, filter.userId);
  if (filter.action) add((p) => `action = ${p}`, filter.action);
  if (filter.from) add((p) => `occurred_at >= ${p}::timestamptz`, filter.from);
  if (filter.to) add((p) => `occurred_at < ${p}::timestamptz`, filter.to);
  if (filter.before) add((p) => `id < ${p}::bigint`, filter.before);
  params.push(limit + 1);
  // ORDER BY names the column, not the text output alias (which would sort '10' before '9').
  const sql = `SELECT id::text AS id, occurred_at, user_id, role, action, entity_type, entity_id, client_id, outcome, request_id
    FROM audit_event
   WHERE ${where.join(' AND ')}
   ORDER BY audit_event.id DESC
   LIMIT $${params.length}`;
  return { sql, params, limit };
}

export function toAuditEventResponse(row: AuditEventRow): AuditEventResponse {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    userId: row.user_id,
    role: row.role,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    clientId: row.client_id,
    outcome: row.outcome,
    requestId: row.request_id,
  };
}

/** `rows` as fetched by `buildAuditPageQuery` (up to limit + 1). */
export function toAuditPage(rows: AuditEventRow[], limit: number): AuditPageResponse {
  const items = rows.slice(0, limit).map(toAuditEventResponse);
  const last = items[items.length - 1];
  return { items, nextBefore: rows.length > limit && last ? last.id : null };
}
