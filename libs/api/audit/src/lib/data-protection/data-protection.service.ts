import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantContext } from '@wegweiser/api/core';
import {
  AUDIT_EXPORT_MAX_ROWS,
  AuditAction,
  AuditOutcome,
  AuditPersonResponse,
  AuditTablePageResponse,
  CLIENT_ACCESS_REPORT_MAX,
  ClientAccessReportResponse,
  DATA_PROTECTION_ERROR_CODES,
  ERROR_CODES,
  SubjectAccessExportResponse,
} from '@wegweiser/shared/contracts';
import { AuditService } from '../audit.service';
import { auditTableCsv } from './audit-csv';
import { AuditTableDbRow, AuditTableFilter, buildAuditTableQuery, concernsClient, toAuditTablePage } from './audit-table';

const PERSON = `u.first_name || ' ' || u.last_name`;

/** The accesses to one client's file: reads, exports and refused attempts (also those stored before refusals named the client). */
const ACCESS_REPORT_SQL = `
  SELECT e.id::text AS id, e.occurred_at, ${PERSON} AS person_name, e.role, t.name AS team_name, e.action, e.outcome, e.entity_type
    FROM audit_event e
    LEFT JOIN app_user u ON u.id = e.user_id
    LEFT JOIN team t ON t.id = u.team_id
   WHERE e.municipality_id = $1
     AND ${concernsClient('$2::uuid')}
     AND (e.action IN ('read', 'export', 'denied') OR e.outcome = 'denied')
   ORDER BY e.id DESC
   LIMIT $3`;

const SUBJECT_ACCESS_SQL = `
  SELECT e.id::text AS id, e.occurred_at, c.case_number, ${PERSON} AS person_name, e.outcome
    FROM audit_event e
    LEFT JOIN app_user u ON u.id = e.user_id
    LEFT JOIN client c ON c.id = e.client_id
   WHERE e.municipality_id = $1 AND e.action = 'export' AND e.entity_type = 'subject_access'
   ORDER BY e.id DESC
   LIMIT 500`;

interface AccessRow {
  id: string;
  occurred_at: Date;
  person_name: string | null;
  role: string | null;
  team_name: string | null;
  action: AuditAction;
  outcome: AuditOutcome;
  entity_type: string | null;
}

/**
 * The data-protection officer's reads of the trail (issue 17), all in the
 * request's tenant transaction (row-level security: the own municipality).
 * Names are those of the municipality's staff (app_user); of clients only
 * the case number. Reading is not audited (like `GET /api/audit`); the CSV
 * export is (`export` of `audit_event`).
 */
@Injectable()
export class DataProtectionService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
  ) {}

  async search(filter: AuditTableFilter): Promise<AuditTablePageResponse> {
    const query = buildAuditTableQuery(this.tenant.requireUser().municipalityId, normalised(filter));
    const rows: AuditTableDbRow[] = await this.txHost.tx.query(query.sql, query.params);
    return toAuditTablePage(rows, query.limit);
  }

  /** Every row matching the filter as CSV (at most AUDIT_EXPORT_MAX_ROWS, else 422 and nothing exported); audited. */
  async exportCsv(filter: AuditTableFilter): Promise<string> {
    const query = buildAuditTableQuery(this.tenant.requireUser().municipalityId, { ...normalised(filter), before: undefined }, AUDIT_EXPORT_MAX_ROWS);
    const rows: AuditTableDbRow[] = await this.txHost.tx.query(query.sql, query.params);
    if (rows.length > AUDIT_EXPORT_MAX_ROWS) {
      await this.audit.record({ action: 'export', outcome: 'denied', entityType: 'audit_event' });
      throw new UnprocessableEntityException({
        code: DATA_PROTECTION_ERROR_CODES.auditExportTooLarge,
        message: `More than ${AUDIT_EXPORT_MAX_ROWS} events match. Narrow the filter (e.g. the period).`,
      });
    }
    const csv = auditTableCsv(toAuditTablePage(rows, AUDIT_EXPORT_MAX_ROWS).items);
    await this.audit.record({ action: 'export', outcome: 'success', entityType: 'audit_event' });
    return csv;
  }

  /** The municipality's accounts (active or not: former staff appear in the trail too). */
  async people(): Promise<AuditPersonResponse[]> {
    const rows: { id: string; name: string; role: string; active: boolean }[] = await this.txHost.tx.query(
      `SELECT u.id, ${PERSON} AS name, u.role, u.active FROM app_user u ORDER BY u.last_name, u.first_name, u.id`,
    );
    return rows.map((row) => ({ id: row.id, name: row.name, role: row.role, active: row.active }));
  }

  /** Who read or tried to read the client's file ("wer hat wann diese Akte gelesen"); unknown case number → 404. */
  async accessReport(caseNumber: string): Promise<ClientAccessReportResponse> {
    const municipalityId = this.tenant.requireUser().municipalityId;
    const wanted = caseNumber.trim().toUpperCase();
    const [client] = (await this.txHost.tx.query(`SELECT id, case_number FROM client WHERE case_number = $1`, [wanted])) as { id: string; case_number: string }[];
    if (!client) throw new NotFoundException({ code: ERROR_CODES.notFound, message: 'No client with this case number.' });
    const rows: AccessRow[] = await this.txHost.tx.query(ACCESS_REPORT_SQL, [municipalityId, client.id, CLIENT_ACCESS_REPORT_MAX + 1]);
    return {
      caseNumber: client.case_number,
      truncated: rows.length > CLIENT_ACCESS_REPORT_MAX,
      items: rows.slice(0, CLIENT_ACCESS_REPORT_MAX).map((row) => ({
        id: row.id,
        occurredAt: row.occurred_at.toISOString(),
        personName: row.person_name,
        role: row.role,
        teamName: row.team_name,
        action: row.action,
        outcome: row.outcome,
        entityType: row.entity_type,
      })),
    };
  }

  /** Art. 15 exports (newest 500), as the trail recorded them. */
  async subjectAccessExports(): Promise<SubjectAccessExportResponse[]> {
    const rows: { id: string; occurred_at: Date; case_number: string | null; person_name: string | null; outcome: AuditOutcome }[] = await this.txHost.tx.query(
      SUBJECT_ACCESS_SQL,
      [this.tenant.requireUser().municipalityId],
    );
    return rows.map((row) => ({ id: row.id, occurredAt: row.occurred_at.toISOString(), caseNumber: row.case_number, personName: row.person_name, outcome: row.outcome }));
  }
}

function normalised(filter: AuditTableFilter): AuditTableFilter {
  return filter.caseNumber ? { ...filter, caseNumber: filter.caseNumber.trim().toUpperCase() } : filter;
}
