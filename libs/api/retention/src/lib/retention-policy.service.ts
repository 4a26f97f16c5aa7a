import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { calendarToday, TenantContext } from '@wegweiser/api/core';
import { RETENTION_DEFAULTS, RetentionDryRunResponse, RetentionPolicyRequest, RetentionPolicyResponse } from '@wegweiser/shared/contracts';
import { RetentionRun } from './retention-run';

interface PolicyRow {
  erase_after_months: number;
  audit_retention_months: number;
}

/** The municipality's retention policy and the dry run, for its administrators (request transaction, row-level security). */
@Injectable()
export class RetentionPolicyService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly retention: RetentionRun,
  ) {}

  async get(): Promise<RetentionPolicyResponse> {
    const [row] = (await this.txHost.tx.query(`SELECT erase_after_months, audit_retention_months FROM retention_policy`)) as PolicyRow[];
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'retention_policy', entityId: this.tenant.requireUser().municipalityId });
    return row
      ? { eraseAfterMonths: row.erase_after_months, auditRetentionMonths: row.audit_retention_months, custom: true }
      : { ...RETENTION_DEFAULTS, custom: false };
  }

  async put(request: RetentionPolicyRequest): Promise<RetentionPolicyResponse> {
    const user = this.tenant.requireUser();
    await this.txHost.tx.query(
      `INSERT INTO retention_policy (municipality_id, erase_after_months, audit_retention_months, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality_id) DO UPDATE SET erase_after_months = EXCLUDED.erase_after_months,
         audit_retention_months = EXCLUDED.audit_retention_months, updated_by = EXCLUDED.updated_by,
         updated_at = now(), version = retention_policy.version + 1`,
      [user.municipalityId, request.eraseAfterMonths, request.auditRetentionMonths, user.id],
    );
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'retention_policy', entityId: user.municipalityId });
    return { eraseAfterMonths: request.eraseAfterMonths, auditRetentionMonths: request.auditRetentionMonths, custom: true };
  }

  /** What the job would erase on `today` (default: today in Germany): case numbers only, nothing changes. */
  async dryRun(today: string = calendarToday()): Promise<RetentionDryRunResponse> {
    const result = await this.retention.dryRun(today);
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'retention_dry_run', entityId: this.tenant.requireUser().municipalityId });
    return { today, ...result };
  }
}
