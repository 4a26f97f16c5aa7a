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
  brokenAt?: AuditChainBreak;
}

/**
 * Every chain (partition by municipality, in id order) in one pass: each
 * row's prev_hash must be its predecessor's hash ('genesis' for the first),
 * and its hash must recompute with `audit_event_hash`. Reports the broken
 * link with the lowest id. `owner` guards against a silent "intact": only
 * the owning role sees every chain (policy audit_event_owner_read).
 */
export const VERIFY_AUDIT_CHAIN_SQL = `
  WITH chain AS (
    SELECT id, municipality_id, prev_hash, hash,
           coalesce(lag(hash) OVER (PARTITION BY municipality_id ORDER BY id), 'genesis') AS expected_prev_hash,
           audit_event_hash(prev_hash, id, municipality_id, occurred_at, user_id, role, action, entity_type,
                            entity_id, client_id, outcome, request_id) AS recomputed_hash
      FROM audit_event
  ),
  checked AS (
    SELECT id, municipality_id,
           CASE WHEN hash IS DISTINCT FROM recomputed_hash THEN 'hashMismatch'
                WHEN prev_hash IS DISTINCT FROM expected_prev_hash THEN 'prevHashMismatch' END AS reason
      FROM chain
  )
  SELECT pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'audit_event'::regclass), 'USAGE') AS owner,
         (SELECT count(*) FROM checked)::text AS checked,
         broken.id::text AS id, broken.municipality_id, broken.reason
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT id, municipality_id, reason FROM checked WHERE reason IS NOT NULL ORDER BY id LIMIT 1) AS broken ON true`;

export interface VerifyAuditChainRow {
  owner: boolean;
  checked: string;
  id: string | null;
  municipality_id: string | null;
  reason: AuditChainBreakReason | null;
}

export function toAuditChainVerification(row: VerifyAuditChainRow): AuditChainVerification {
  if (!row.owner) throw new Error('audit:verify must connect as the owner of audit_event (DATABASE_URL), which reads every chain.');
  const checked = Number(row.checked);
  if (row.id === null || row.reason === null) return { checked };
  return { checked, brokenAt: { municipalityId: row.municipality_id, id: row.id, reason: row.reason } };
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

/** The CLI's one line of output. */
export function describeAuditChainVerification(result: AuditChainVerification): string {
  const broken = result.brokenAt;
  if (!broken) return `Audit chain intact: ${result.checked} events checked`;
  return `Audit chain broken at event ${broken.id} (municipality ${broken.municipalityId ?? 'unknown'}): ${broken.reason}`;
}
