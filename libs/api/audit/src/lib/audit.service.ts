import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantContext } from '@wegweiser/api/core';
import { ONE_STATEMENT_TENANT, TenantTransactions } from '@wegweiser/api/database';
import { AuditPageResponse } from '@wegweiser/shared/contracts';
import { AuditEventRow, AuditFilter, buildAuditPageQuery, toAuditPage } from './audit-page';
import { AuditRecord, toAppendParams } from './audit-record';

/**
 * The append in one statement with its tenant (see ONE_STATEMENT_TENANT): $1/$2 the tenant settings, $3–$11 the
 * event. Its implicit transaction commits when the statement ends, so the chain's lock is held for the insert only.
 */
export const APPEND_AUDIT_EVENT_IN_TENANT_SQL = `${ONE_STATEMENT_TENANT} SELECT append_audit_event($3, $4, $5, $6, $7, $8, $9, $10, $11)::text AS id FROM tenant`;

/**
 * Writes and reads the audit trail (table `audit_event`, see migration
 * AddAuditTrail). Other features record through `record()`; only ids and
 * fixed vocabulary go in.
 */
const READ_SCOPE_KEY = 'wegweiser:auditReadScope';

@Injectable()
export class AuditService {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly tenant: TenantContext,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
  ) {}

  /**
   * One audit row for a composite read (e.g. the whole client file): the
   * successful reads of the parts inside `work` are not recorded one by one.
   * Denials inside are still recorded.
   */
  async readScope<T>(entry: Pick<AuditRecord, 'entityType' | 'entityId' | 'clientId'>, work: () => Promise<T>): Promise<T> {
    const result = await this.cls.run({ ifNested: 'inherit' }, async () => {
      this.cls.set(READ_SCOPE_KEY, true);
      return work();
    });
    await this.record({ action: 'read', outcome: 'success', ...entry });
    return result;
  }

  /**
   * Appends one event and resolves with its id once it is committed. Runs as
   * one statement in its own implicit transaction (not the request's): the
   * chain's lock is held only for this insert, and the event stays even when
   * the request later fails. If it cannot be written the error propagates: an action that
   * cannot be audited must not succeed.
   */
  async record(record: AuditRecord): Promise<string> {
    if (record.action === 'read' && record.outcome === 'success' && this.cls.isActive() && this.cls.get(READ_SCOPE_KEY)) return '';
    const user = this.tenant.user();
    const params = toAppendParams(record, {
      municipalityId: user?.municipalityId ?? null,
      userId: user?.id ?? null,
      role: user?.role ?? null,
      requestId: this.tenant.requestId() ?? null,
    });
    const [municipalityId, userId] = params;
    // Municipality unknown (null): the separate chain, appended with no municipality set.
    const tenant = [municipalityId ?? '', municipalityId ? (userId ?? '') : ''];
    const rows = await this.transactions.statement<{ id: string }>(APPEND_AUDIT_EVENT_IN_TENANT_SQL, [...tenant, ...params]);
    const id = rows[0]?.id;
    if (!id) throw new Error('append_audit_event returned no id');
    return id;
  }

  /** A page of the signed-in user's municipality's trail (in the request's tenant transaction). */
  async list(filter: AuditFilter): Promise<AuditPageResponse> {
    const user = this.tenant.requireUser();
    const query = buildAuditPageQuery(user.municipalityId, filter);
    const rows: AuditEventRow[] = await this.txHost.tx.query(query.sql, query.params);
    return toAuditPage(rows, query.limit);
  }
}
