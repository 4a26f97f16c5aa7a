import { AuditAction, AuditOutcome, AuditTablePageResponse, AuditTableRow } from '@wegweiser/shared/contracts';
import { AUDIT_PAGE_DEFAULT_LIMIT } from '../audit-page';

/** What the audit table can filter by (the validated body of `POST /api/audit/search`). */
export interface AuditTableFilter {
  caseNumber?: string;
  userId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
  before?: string;
  limit?: number;
}

export interface AuditTableDbRow {
  id: string;
  occurred_at: Date;
  user_id: string | null;
  person_name: string | null;
  role: string | null;
  action: AuditAction;
  outcome: AuditOutcome;
  entity_type: string | null;
  case_number: string | null;
}

/**
 * The client an event concerns: its `client_id`, or — for refusals stored
 * before refused requests named their client (issue 17) — the `entity_id`
 * of a refusal of a client (`client`, `client_read|update|delete`), which is the client's id. Historic rows stay in
 * the trail for years, so the DPO's filter by client must find them too.
 */
export const EVENT_CLIENT_ID = `coalesce(e.client_id, CASE WHEN e.entity_type IN ('client', 'client_read', 'client_update', 'client_delete') AND e.entity_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN lower(e.entity_id)::uuid END)`;

/** Events concerning client `placeholder` (index-friendly on client_id for the usual case). */
export function concernsClient(placeholder: string): string {
  return `(e.client_id = ${placeholder} OR (e.client_id IS NULL AND e.entity_type IN ('client', 'client_read', 'client_update', 'client_delete') AND lower(e.entity_id) = ${placeholder}::text))`;
}

export interface AuditTableQuery {
  sql: string;
  params: unknown[];
  limit: number;
}

/**
 * A page of the municipality's trail with the person's name (app_user) and
 * the client's case number (client) joined in, newest first, keyset-paged by
 * id; one row more than the page tells whether an older page exists. The case
 * number is resolved to the client in SQL (unknown → no rows). Every value is
 * a bound parameter; row-level security restricts all three tables anyway.
 */
export function buildAuditTableQuery(municipalityId: string, filter: AuditTableFilter, limit = filter.limit ?? AUDIT_PAGE_DEFAULT_LIMIT): AuditTableQuery {
  const params: unknown[] = [municipalityId];
  const where = ['e.municipality_id = $1'];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (filter.caseNumber) add((p) => concernsClient(`(SELECT id FROM client WHERE municipality_id = $1 AND case_number = ${p})`), filter.caseNumber);
  if (filter.userId) add((p) => `e.user_id = ${p}::uuid`, filter.userId);
  if (filter.action) add((p) => `e.action = ${p}`, filter.action);
  if (filter.from) add((p) => `e.occurred_at >= ${p}::timestamptz`, filter.from);
  if (filter.to) add((p) => `e.occurred_at < ${p}::timestamptz`, filter.to);
  if (filter.before) add((p) => `e.id < ${p}::bigint`, filter.before);
  params.push(limit + 1);
  const sql = `SELECT e.id::text AS id, e.occurred_at, e.user_id, u.first_name || ' ' || u.last_name AS person_name, e.role, e.action, e.outcome,
         e.entity_type, c.case_number
    FROM audit_event e
    LEFT JOIN app_user u ON u.id = e.user_id
    LEFT JOIN client c ON c.id = ${EVENT_CLIENT_ID}
   WHERE ${where.join(' AND ')}
   ORDER BY e.id DESC
   LIMIT $${params.length}`;
  return { sql, params, limit };
}

export function toAuditTableRow(row: AuditTableDbRow): AuditTableRow {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    userId: row.user_id,
    personName: row.person_name,
    role: row.role,
    action: row.action,
    outcome: row.outcome,
    entityType: row.entity_type,
    caseNumber: row.case_number,
  };
}

/** `rows` as fetched by `buildAuditTableQuery` (up to limit + 1). */
export function toAuditTablePage(rows: AuditTableDbRow[], limit: number): AuditTablePageResponse {
  const items = rows.slice(0, limit).map(toAuditTableRow);
  const last = items[items.length - 1];
  return { items, nextBefore: rows.length > limit && last ? last.id : null };
}
