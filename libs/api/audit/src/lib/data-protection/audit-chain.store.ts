import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantTransactions } from '@wegweiser/api/database';
import { AuditVerificationResponse, AuditVerificationState } from '@wegweiser/shared/contracts';
import { AuditChainVerification } from '../verification/verify-audit-chain';

/** Whose verification it is: the municipality (row-level security) and who asked. */
export interface VerificationOwner {
  municipalityId: string;
  userId: string;
}

export interface AuditVerificationRow {
  id: string;
  state: AuditVerificationState;
  progress: number;
  created_at: Date;
  requested_by_name: string | null;
  finished_at: Date | null;
  checked: number | null;
  intact: boolean | null;
  broken_event_id: string | null;
  broken_reason: 'hashMismatch' | 'prevHashMismatch' | null;
}

const COLUMNS = `v.id, v.state, v.progress, v.created_at, u.first_name || ' ' || u.last_name AS requested_by_name, v.finished_at, v.checked, v.intact,
  v.broken_event_id::text AS broken_event_id, v.broken_reason`;
const FROM = `audit_verification v LEFT JOIN app_user u ON u.id = v.requested_by`;
/** A queued or running verification older than this is taken as lost (its worker went away): a new one may start. */
const STALE = `interval '15 minutes'`;

export function toVerificationResponse(row: AuditVerificationRow): AuditVerificationResponse {
  return {
    id: row.id,
    state: row.state,
    progress: row.progress,
    requestedAt: row.created_at.toISOString(),
    requestedBy: row.requested_by_name,
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
    checked: row.checked,
    intact: row.intact,
    brokenEventId: row.broken_event_id,
    brokenReason: row.broken_reason,
  };
}

/**
 * The table `audit_verification`. Reads run in the request's tenant
 * transaction; writes (the new run, progress, result) commit at once in short
 * side transactions of the municipality, so the page sees the progress while
 * the job runs.
 */
@Injectable()
export class AuditChainStore {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly transactions: TenantTransactions,
  ) {}

  /** The latest finished run (done or failed). */
  async lastFinished(): Promise<AuditVerificationRow | undefined> {
    const rows: AuditVerificationRow[] = await this.txHost.tx.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE v.state IN ('done', 'failed') ORDER BY v.finished_at DESC, v.id DESC LIMIT 1`,
    );
    return rows[0];
  }

  /** The run queued or running now, if any (not yet stale). */
  async current(): Promise<AuditVerificationRow | undefined> {
    const rows: AuditVerificationRow[] = await this.txHost.tx.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE v.state IN ('queued', 'running') AND v.created_at > now() - ${STALE} ORDER BY v.created_at DESC, v.id DESC LIMIT 1`,
    );
    return rows[0];
  }

  async find(id: string): Promise<AuditVerificationRow | undefined> {
    const rows: AuditVerificationRow[] = await this.txHost.tx.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE v.id = $1`, [id]);
    return rows[0];
  }

  async create(owner: VerificationOwner): Promise<string> {
    const rows = (await this.side(owner, `INSERT INTO audit_verification (municipality_id, requested_by) VALUES ($1, $2) RETURNING id`, [
      owner.municipalityId,
      owner.userId,
    ])) as { id: string }[];
    const id = rows[0]?.id;
    if (!id) throw new Error('audit_verification not created');
    return id;
  }

  /** Marks a queued (or interrupted) run running; false if it is finished or gone. */
  async start(owner: VerificationOwner, id: string): Promise<boolean> {
    const [rows] = (await this.side(
      owner,
      `UPDATE audit_verification SET state = 'running', progress = 10, started_at = now() WHERE id = $1 AND state IN ('queued', 'running') RETURNING id`,
      [id],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  async complete(owner: VerificationOwner, id: string, result: AuditChainVerification): Promise<void> {
    const broken = result.brokenAt;
    await this.side(
      owner,
      `UPDATE audit_verification SET state = 'done', progress = 100, finished_at = now(), checked = $2, intact = $3, broken_event_id = $4, broken_reason = $5
        WHERE id = $1 AND state = 'running'`,
      [id, result.checked, !broken, broken ? broken.id : null, broken ? broken.reason : null],
    );
  }

  async fail(owner: VerificationOwner, id: string, errorCode: string): Promise<void> {
    await this.side(owner, `UPDATE audit_verification SET state = 'failed', finished_at = now(), error_code = $2 WHERE id = $1 AND state IN ('queued', 'running')`, [
      id,
      errorCode,
    ]);
  }

  private side(owner: VerificationOwner, sql: string, params: unknown[]): Promise<unknown> {
    return this.transactions.run(owner.municipalityId, owner.userId, (manager) => manager.query(sql, params));
  }
}
