import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { calendarToday, TenantContext } from '@wegweiser/api/core';
import { FundingReportQuery, FundingReportResponse, FundingWorkingGroup } from '@wegweiser/shared/contracts';
import { toFundingReport } from './funding-report.mapping';
import { FUNDING_COUNTS_SQL, FUNDING_MANAGERS_SQL, FUNDING_MUNICIPALITY_SQL, FUNDING_WORKING_GROUPS_SQL, FundingCountRow } from './funding-report.sql';
import { renderFundingReportPdf } from './render/funding-report-pdf';
import { renderFundingReportXlsx } from './render/funding-report-xlsx';

export type FundingReportFormat = 'json' | 'xlsx' | 'pdf';

/** The audit entry's id: the period only (`2025-01-01-2025-03-31`), nothing personal. */
export const fundingAuditId = (query: FundingReportQuery) => `${query.from}-${query.to}`;

/**
 * The Verwendungsnachweis of the signed-in administrator's municipality (row-level security of the request's
 * tenant transaction): aggregate counts per manager in one statement, then the managers' names. Every run is
 * audited (entity `funding_report`, id = the period): counts per manager are staff data.
 */
@Injectable()
export class FundingReportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
  ) {}

  async report(query: FundingReportQuery): Promise<FundingReportResponse> {
    const report = await this.build(query);
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'funding_report', entityId: fundingAuditId(query) });
    return report;
  }

  /** The report as a file (audited as an export). */
  async file(query: FundingReportQuery, format: 'xlsx' | 'pdf'): Promise<Buffer> {
    const report = await this.build(query);
    const content = format === 'xlsx' ? await renderFundingReportXlsx(report) : await renderFundingReportPdf(report);
    await this.audit.record({ action: 'export', outcome: 'success', entityType: 'funding_report', entityId: fundingAuditId(query) });
    return content;
  }

  private async build(query: FundingReportQuery): Promise<FundingReportResponse> {
    const tx = this.txHost.tx;
    const municipalityId = this.tenant.requireUser().municipalityId;
    const rows: FundingCountRow[] = await tx.query(FUNDING_COUNTS_SQL, [query.from, query.to]);
    const managerIds = [...new Set(rows.map((r) => r.manager_id).filter((id): id is string => id !== null))];
    const managers: { id: string; first_name: string; last_name: string }[] = managerIds.length ? await tx.query(FUNDING_MANAGERS_SQL, [managerIds]) : [];
    const workingGroups: FundingWorkingGroup[] = await tx.query(FUNDING_WORKING_GROUPS_SQL);
    const [municipality]: { name: string }[] = await tx.query(FUNDING_MUNICIPALITY_SQL, [municipalityId]);
    return toFundingReport({
      from: query.from,
      to: query.to,
      createdOn: calendarToday(),
      municipalityName: municipality?.name ?? '',
      workingGroups,
      managers: managers.map((m) => ({ id: m.id, name: `${m.first_name} ${m.last_name}`.trim() })),
      rows,
    });
  }
}
