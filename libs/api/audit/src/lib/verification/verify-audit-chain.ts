import { Client } from 'pg';

export type AuditChainBreakReason = 'hashMismatch' | 'prevHashMismatch';

export interface AuditChainBreak {
  /** `null` for the chain of events whose municipality is unknown. */
  municipalityId: string | null;
  id: string;
  /**
   * `hashMismatch`: the row is not what was written (a field was changed).
   * `prevHashMismatch`: the row does not follow its stored predecessor (a row
   * before it was removed, or inserted out of chain).
   */
  reason: AuditChainBreakReason;
}

export interface AuditChainVerification {
  checked: number;
  /** How many chains start at a retention checkpoint (their older rows were deleted); absent when none. */
  fromCheckpoint?: number;
  brokenAt?: AuditChainBreak;
}

/** The hash of audit row `e` recomputed from its fields: what `append_audit_event` stored if the row is untouched. */
export const RECOMPUTED_HASH = `audit_event_hash(e.prev_hash, e.id, e.municipality_id, e.occurred_at, e.user_id, e.role, e.action,
                   e.entity_type, e.entity_id, e.client_id, e.outcome, e.request_id)`;

/**
 * Every chain (partition by municipality, in id order) in one pass: each
 * row's prev_hash must be its predecessor's hash — for the first row the
 * hash of the chain's latest retention checkpoint (`audit_checkpoint`, the
 * last row deleted by audit retention), else 'genesis' — and its hash must
 * recompute with `audit_event_hash`. Reports the broken link with the lowest
 * id. `owner` guards against a silent "intact": only the owning role sees
 * every chain (policies audit_event_owner_read, audit_checkpoint_owner_read).
 */
export const VERIFY_AUDIT_CHAIN_SQL = verifyAuditChainSql(false);

/**
 * The verification query; `oneMunicipality` limits it to the chain of the
 * municipality `$1` (the data-protection officer's check, still run as the
 * owner so that a policy cannot hide rows and report a silent "intact").
 */
export function verifyAuditChainSql(oneMunicipality: boolean): string {
  const checkpoints = oneMunicipality ? `\n     WHERE municipality_id = $1::uuid` : '';
  const events = oneMunicipality ? `\n     WHERE e.municipality_id = $1::uuid` : '';
  return `
  WITH start AS (
    SELECT DISTINCT ON (municipality_id) municipality_id, last_hash
      FROM audit_checkpoint${checkpoints}
     ORDER BY municipality_id, last_id DESC
  ),
  chain AS (
    SELECT e.id, e.municipality_id, e.prev_hash, e.hash,
           coalesce(lag(e.hash) OVER (PARTITION BY e.municipality_id ORDER BY e.id), s.last_hash, 'genesis') AS expected_prev_hash,
           ${RECOMPUTED_HASH} AS recomputed_hash
      FROM audit_event e
      LEFT JOIN start s ON s.municipality_id IS NOT DISTINCT FROM e.municipality_id${events}
  ),
  checked AS (
    SELECT id, municipality_id,
           CASE WHEN hash IS DISTINCT FROM recomputed_hash THEN 'hashMismatch'
                WHEN prev_hash IS DISTINCT FROM expected_prev_hash THEN 'prevHashMismatch' END AS reason
      FROM chain
  )
  SELECT pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'audit_event'::regclass), 'USAGE') AS owner,
         (SELECT count(*) FROM checked)::text AS checked,
         (SELECT count(*) FROM start)::text AS checkpoints,
         broken.id::text AS id, broken.municipality_id, broken.reason
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT id, municipality_id, reason FROM checked WHERE reason IS NOT NULL ORDER BY id LIMIT 1) AS broken ON true`;
}

export interface VerifyAuditChainRow {
  owner: boolean;
  checked: string;
  checkpoints: string;
  id: string | null;
  municipality_id: string | null;
  reason: AuditChainBreakReason | null;
}

export function toAuditChainVerification(row: VerifyAuditChainRow): AuditChainVerification {
  if (!row.owner) throw new Error('audit:verify must connect as the owner of audit_event (DATABASE_URL), which reads every chain.');
  const checked = Number(row.checked);
  const checkpoints = Number(row.checkpoints);
  const counts = checkpoints > 0 ? { checked, fromCheckpoint: checkpoints } : { checked };
  if (row.id === null || row.reason === null) return counts;
  return { ...counts, brokenAt: { municipalityId: row.municipality_id, id: row.id, reason: row.reason } };
}

/**
 * Checks the whole audit trail, connected as the owning role. A plain
 * read: no lock blocks the application's appends meanwhile, and rows
 * appended during the run are simply not part of its snapshot.
 */
export async function verifyAuditChain(ownerUrl: string): Promise<AuditChainVerification> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'wegweiser-audit-verify' });
  await client.connect();
  try {
    const { rows } = await client.query<VerifyAuditChainRow>(VERIFY_AUDIT_CHAIN_SQL);
    const row = rows[0];
    if (!row) throw new Error('The verification query returned no row.');
    return toAuditChainVerification(row);
  } finally {
    await client.end();
  }
}

/** Checks the chain of one municipality only, connected as the owning role (the background job of the Datenschutz page). */
export async function verifyMunicipalityAuditChain(ownerUrl: string, municipalityId: string): Promise<AuditChainVerification> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'wegweiser-audit-verify' });
  await client.connect();
  try {
    const { rows } = await client.query<VerifyAuditChainRow>(verifyAuditChainSql(true), [municipalityId]);
    const row = rows[0];
    if (!row) throw new Error('The verification query returned no row.');
    return toAuditChainVerification(row);
  } finally {
    await client.end();
  }
}

/** The CLI's one line of output. */
export function describeAuditChainVerification(result: AuditChainVerification): string {
  const broken = result.brokenAt;
  const from = result.fromCheckpoint ? ` (${result.fromCheckpoint} chain(s) from a retention checkpoint)` : '';
  if (!broken) return `Audit chain intact: ${result.checked} events checked${from}`;
  return `Audit chain broken at event ${broken.id} (municipality ${broken.municipalityId ?? 'unknown'}): ${broken.reason}`;
}
