import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { appendErasureLedgerFile, erasureLedgerFilePath } from '@wegweiser/api/backup';
import { AfterCommit } from '@wegweiser/api/database';
import { EvaluationRecordService } from '@wegweiser/api/evaluation';
import { clientNotFound, legalHoldConflict } from './erasure.errors';
import { DELETE_CLIENT_SQL, INSERT_LEDGER_SQL, LOCK_CLIENT_SQL, LOCK_DUE_CLIENT_SQL } from './retention.sql';

/** Why a client was erased, as the ledger keeps it. */
export type ErasureCause = 'retention' | 'request';

interface LockedClient {
  id: string;
  municipality_id: string;
  held?: boolean;
}

/**
 * The erasure pipeline, run in the caller's tenant transaction (request or
 * job): lock the client, store the anonymous outcome record for the
 * evaluation (once, right before the deletion), delete the client and — by
 * cascade — every row about them, append the ledger row and audit the fact
 * (ids only). All or nothing: a failing step rolls the whole erasure back.
 * Once the transaction has committed (never before: a rolled-back erasure must
 * not be replayed), the ledger entry is also appended to the ledger file
 * outside the database (ERASURE_LEDGER_FILE), which `erasures:replay` reads
 * after a restore when the database itself was lost.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly records: EvaluationRecordService,
    private readonly audit: AuditService,
    private readonly afterCommit: AfterCommit,
  ) {}

  /** Erasure on request (Art. 17): 404 if the client is gone, 409 `legalHold` if held. */
  async erase(clientId: string, cause: ErasureCause, today: string): Promise<void> {
    const [client] = (await this.txHost.tx.query(LOCK_CLIENT_SQL, [clientId])) as LockedClient[];
    if (!client) throw clientNotFound();
    if (client.held) throw legalHoldConflict();
    await this.eraseLocked(client, cause, today);
  }

  /** Retention: erases the client if it is (still) due on `today` and not held; false if there was nothing to do. */
  async eraseIfDue(clientId: string, today: string): Promise<boolean> {
    const [client] = (await this.txHost.tx.query(LOCK_DUE_CLIENT_SQL, [today, clientId])) as LockedClient[];
    if (!client) return false;
    await this.eraseLocked(client, 'retention', today);
    return true;
  }

  private async eraseLocked(client: LockedClient, cause: ErasureCause, today: string): Promise<void> {
    await this.records.recordForErasure(client.id);
    await this.txHost.tx.query(DELETE_CLIENT_SQL, [client.id]);
    await this.txHost.tx.query(INSERT_LEDGER_SQL, [client.id, client.municipality_id, today, cause]);
    // The fact, not the data: the former id is anonymous once the row is gone. The job audits without a user (ledger: retention).
    await this.audit.record({
      action: 'delete',
      outcome: 'success',
      entityType: 'client',
      entityId: client.id,
      clientId: client.id,
      municipalityId: client.municipality_id,
    });
    const entry = { clientId: client.id, municipalityId: client.municipality_id, erasedAt: new Date().toISOString(), reason: cause };
    this.afterCommit.add(() => appendErasureLedgerFile(erasureLedgerFilePath(), entry));
  }
}
