import { Client } from 'pg';

/**
 * The events no municipality can see: the separate chain of rows without a
 * municipality (a failed sign-in with an e-mail address no account has, and
 * other attempts by nobody known). Only the instance operator reads them, as
 * the owning database role (`audit:system` in the CLI). Ids and fixed words
 * only, like every audit row: the e-mail address tried is never stored.
 */
export interface SystemAuditEvent {
  id: string;
  occurredAt: string;
  action: string;
  outcome: string;
  entityType: string | null;
  requestId: string | null;
}

export interface SystemAuditSummary {
  /** Newest first, at most `limit`. */
  events: SystemAuditEvent[];
  /** All events of the period by action and outcome, e.g. `login_failed/failure`. */
  counts: Record<string, number>;
}

export interface SystemAuditQuery {
  /** Inclusive lower bound (ISO 8601 with offset). */
  since: string;
  limit: number;
}

export const SYSTEM_EVENTS_SQL = `
  SELECT id::text AS id, occurred_at, action, outcome, entity_type, request_id
    FROM audit_event
   WHERE municipality_id IS NULL AND occurred_at >= $1::timestamptz
   ORDER BY audit_event.id DESC
   LIMIT $2`;

export const SYSTEM_EVENT_COUNTS_SQL = `
  SELECT action, outcome, count(*)::int AS n
    FROM audit_event
   WHERE municipality_id IS NULL AND occurred_at >= $1::timestamptz
   GROUP BY action, outcome
   ORDER BY action, outcome`;

interface EventRow {
  id: string;
  occurred_at: Date;
  action: string;
  outcome: string;
  entity_type: string | null;
  request_id: string | null;
}

export async function listSystemAuditEvents(ownerUrl: string, query: SystemAuditQuery): Promise<SystemAuditSummary> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'wegweiser-audit-system' });
  await client.connect();
  try {
    const events = await client.query<EventRow>(SYSTEM_EVENTS_SQL, [query.since, query.limit]);
    const counts = await client.query<{ action: string; outcome: string; n: number }>(SYSTEM_EVENT_COUNTS_SQL, [query.since]);
    return {
      events: events.rows.map((row) => ({
        id: row.id,
        occurredAt: row.occurred_at.toISOString(),
        action: row.action,
        outcome: row.outcome,
        entityType: row.entity_type,
        requestId: row.request_id,
      })),
      counts: Object.fromEntries(counts.rows.map((row) => [`${row.action}/${row.outcome}`, row.n])),
    };
  } finally {
    await client.end();
  }
}

/** The CLI's output: a count line per kind, then one line per event. */
export function describeSystemAuditEvents(summary: SystemAuditSummary, since: string): string {
  const kinds = Object.entries(summary.counts);
  const lines = [kinds.length ? `Events without a municipality since ${since}: ${kinds.map(([kind, n]) => `${kind} ${n}`).join(', ')}` : `No events without a municipality since ${since}.`];
  for (const event of summary.events) {
    lines.push(`${event.occurredAt}  ${event.action}  ${event.outcome}${event.entityType ? `  ${event.entityType}` : ''}${event.requestId ? `  request ${event.requestId}` : ''}`);
  }
  return lines.join('\n');
}
