import { AUDIT_ACTIONS, AUDIT_OUTCOMES, AuditAction, AuditOutcome, Role, ROLES } from '@wegweiser/shared/contracts';

/**
 * One event for the audit trail. Ids and fixed vocabulary only: there is no
 * field that could carry a name, an e-mail address or note text, and every
 * value is checked against an identifier pattern (here and in the database).
 */
export interface AuditRecord {
  action: AuditAction;
  outcome: AuditOutcome;
  /** What kind of thing was touched, a fixed lower-case name: 'client', 'user', 'route'. */
  entityType?: string | null;
  /** Its id (a uuid or another opaque identifier, never a name). */
  entityId?: string | null;
  /** The client the event concerns, if any. */
  clientId?: string | null;
  /** Defaults to the signed-in user's; `null` = unknown (a sign-in with an unknown e-mail address). */
  municipalityId?: string | null;
  /** Defaults to the signed-in user; `null` = nobody known. */
  userId?: string | null;
  /** Defaults to the signed-in user's role. */
  role?: Role | null;
}

/** Who is acting and under which request, as the request context knows it. */
export interface AuditActor {
  municipalityId: string | null;
  userId: string | null;
  role: Role | null;
  requestId: string | null;
}

/** The arguments of `append_audit_event(...)`, in order. */
export type AppendAuditEventParams = [
  municipalityId: string | null,
  userId: string | null,
  role: Role | null,
  action: AuditAction,
  entityType: string | null,
  entityId: string | null,
  clientId: string | null,
  outcome: AuditOutcome,
  requestId: string | null,
];


export const APPEND_AUDIT_EVENT_SQL = 'SELECT append_audit_event($1, $2, $3, $4, $5, $6, $7, $8, $9) AS id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTITY_TYPE = /^[a-z][a-z_]{0,31}$/;
const OPAQUE_ID = /^[A-Za-z0-9-]{1,64}$/;

/** A programming error: the caller tried to audit something that is not an id or a known word. */
export class InvalidAuditRecordError extends Error {
  constructor(field: string) {
    super(`Invalid audit record: ${field}`);
    this.name = 'InvalidAuditRecordError';
  }
}

/**
 * Fills who/where from the request context where the record leaves them out
 * (`undefined`; `null` stays "nobody"), validates every value and returns the
 * arguments for `append_audit_event`. Errors name the field, never its value.
 */
export function toAppendParams(record: AuditRecord, actor: AuditActor): AppendAuditEventParams {
  const municipalityId = record.municipalityId === undefined ? actor.municipalityId : record.municipalityId;
  const userId = record.userId === undefined ? actor.userId : record.userId;
  const role = record.role === undefined ? actor.role : record.role;
  const entityType = record.entityType ?? null;
  const entityId = record.entityId ?? null;
  const clientId = record.clientId ?? null;
  const requestId = actor.requestId && OPAQUE_ID.test(actor.requestId) ? actor.requestId : null;

  check('action', (AUDIT_ACTIONS as readonly string[]).includes(record.action));
  check('outcome', (AUDIT_OUTCOMES as readonly string[]).includes(record.outcome));
  check('municipalityId', municipalityId === null || UUID.test(municipalityId));
  check('userId', userId === null || UUID.test(userId));
  check('role', role === null || (ROLES as readonly string[]).includes(role));
  check('entityType', entityType === null || ENTITY_TYPE.test(entityType));
  check('entityId', entityId === null || OPAQUE_ID.test(entityId));
  check('clientId', clientId === null || UUID.test(clientId));
  // A known user or client always belongs to a known municipality.
  check('municipalityId', municipalityId !== null || (userId === null && clientId === null));

  return [
    municipalityId?.toLowerCase() ?? null,
    userId?.toLowerCase() ?? null,
    role,
    record.action,
    entityType,
    entityId,
    clientId?.toLowerCase() ?? null,
    record.outcome,
    requestId,
  ];
}

function check(field: string, ok: boolean): void {
  if (!ok) throw new InvalidAuditRecordError(field);
}
