import { Client } from 'pg';
import { RECOMPUTED_HASH } from './verify-audit-chain';

/** What cutting one chain did: counts and ids only. */
export interface AuditChainCut {
  deleted: number;
  /** Set when the rows to delete do not verify: nothing was deleted (the evidence stays). */
  brokenAt?: string;
}

/** The segment a cut would delete, as `AUDIT_CUT_SEGMENT_SQL` reports it. */
export interface AuditCutSegmentRow {
  rows: string;
  broken_id: string | null;
  last_id: string | null;
}

/** What to do with a segment: nothing, refuse (it is broken), or checkpoint at `lastId` and delete `count` rows. */
export type AuditCutPlan = { kind: 'nothing' } | { kind: 'refuse'; brokenAt: string } | { kind: 'cut'; lastId: string; count: number };

export function planAuditCut(row: AuditCutSegmentRow): AuditCutPlan {
  const count = Number(row.rows);
  if (row.broken_id !== null) return { kind: 'refuse', brokenAt: row.broken_id };
  if (count === 0 || row.last_id === null) return { kind: 'nothing' };
  return { kind: 'cut', lastId: row.last_id, count };
}

/** Rows of the chain `$1` (a municipality, or NULL for the unknown-municipality chain); index-friendly once `$1` is bound. */
const CHAIN = `(e.municipality_id = $1::uuid OR ($1::uuid IS NULL AND e.municipality_id IS NULL))`;

/**
 * The prefix of chain `$1` older than `$2` (timestamptz): every row before
 * the first one at or after the cut-off, never the chain's head (the next
 * append links to it). Verified like `audit:verify` does, starting at the
 * chain's latest checkpoint ('genesis' if none): `broken_id` is its first
 * broken link.
 */
export const AUDIT_CUT_SEGMENT_SQL = `
  WITH bounds AS (
    SELECT (SELECT max(e.id) FROM audit_event e WHERE ${CHAIN}) AS head,
           (SELECT min(e.id) FROM audit_event e WHERE ${CHAIN} AND e.occurred_at >= $2::timestamptz) AS first_kept
  ),
  start AS (
    SELECT coalesce((SELECT c.last_hash FROM audit_checkpoint c WHERE c.municipality_id IS NOT DISTINCT FROM $1::uuid
                      ORDER BY c.last_id DESC LIMIT 1), 'genesis') AS hash
  ),
  seg AS (
    SELECT e.id, e.prev_hash, e.hash,
           coalesce(lag(e.hash) OVER (ORDER BY e.id), (SELECT hash FROM start)) AS expected_prev_hash,
           ${RECOMPUTED_HASH} AS recomputed_hash
      FROM audit_event e, bounds b
     WHERE ${CHAIN} AND e.id < least(b.head, coalesce(b.first_kept, b.head))
  )
  SELECT (SELECT count(*) FROM seg)::text AS rows,
         (SELECT id::text FROM seg WHERE hash IS DISTINCT FROM recomputed_hash OR prev_hash IS DISTINCT FROM expected_prev_hash
           ORDER BY id LIMIT 1) AS broken_id,
         (SELECT max(id)::text FROM seg) AS last_id`;

const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtextextended('audit_retention:' || coalesce($1::text, 'unknown'), 0))`;

const CHECKPOINT_SQL = `
  INSERT INTO audit_checkpoint (municipality_id, last_id, last_hash, last_occurred_at, deleted, cutoff)
  SELECT e.municipality_id, e.id, e.hash, e.occurred_at, $3, $2::timestamptz FROM audit_event e WHERE ${CHAIN} AND e.id = $4`;

const DELETE_SQL = `DELETE FROM audit_event e WHERE ${CHAIN} AND e.id <= $2`;

/**
 * Deletes the rows of one chain older than `cutoff`, in one transaction on
 * `owner` (a connection of the owning role, the only one allowed to delete
 * audit rows, and only below a recorded checkpoint: policy
 * audit_event_owner_purge): the segment is verified first (a broken one is
 * kept, as evidence), then its last row is recorded in `audit_checkpoint`,
 * where `audit:verify` starts the chain from then on. A transaction-level
 * advisory lock per chain serialises two instances; the second finds
 * nothing left to delete. Appends are not blocked.
 */
export async function cutAuditChain(owner: Client, municipalityId: string | null, cutoff: string): Promise<AuditChainCut> {
  await owner.query('BEGIN');
  try {
    await owner.query(LOCK_SQL, [municipalityId]);
    const { rows } = await owner.query<AuditCutSegmentRow>(AUDIT_CUT_SEGMENT_SQL, [municipalityId, cutoff]);
    const row = rows[0];
    if (!row) throw new Error('The audit cut query returned no row.');
    const plan = planAuditCut(row);
    if (plan.kind !== 'cut') {
      await owner.query('ROLLBACK');
      return plan.kind === 'refuse' ? { deleted: 0, brokenAt: plan.brokenAt } : { deleted: 0 };
    }
    await owner.query(CHECKPOINT_SQL, [municipalityId, cutoff, plan.count, plan.lastId]);
    const deleted = (await owner.query(DELETE_SQL, [municipalityId, plan.lastId])).rowCount ?? 0;
    if (deleted !== plan.count) throw new Error(`Audit cut deleted ${deleted} rows, expected ${plan.count}.`);
    await owner.query('COMMIT');
    return { deleted };
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  }
}
