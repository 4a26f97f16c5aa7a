import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/auth';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { API_ROUTES, ErasureRequestOverviewResponse } from '@wegweiser/shared/contracts';

interface OverviewRow {
  id: string;
  case_number: string | null;
  reason: string;
  state: string;
  requested_at: Date;
  requested_by: string | null;
  confirmed_at: Date | null;
  confirmed_by: string | null;
}

/** Every Art. 17 request of the municipality (row-level security), newest first, with who asked and who confirmed (four eyes). */
const OVERVIEW_SQL = `
  SELECT r.id, c.case_number, r.reason, r.state, r.requested_at, r.confirmed_at,
         rb.first_name || ' ' || rb.last_name AS requested_by, cb.first_name || ' ' || cb.last_name AS confirmed_by
    FROM erasure_request r
    LEFT JOIN client c ON c.id = r.client_id
    LEFT JOIN app_user rb ON rb.id = r.requested_by
    LEFT JOIN app_user cb ON cb.id = r.confirmed_by
   ORDER BY r.requested_at DESC, r.id DESC
   LIMIT 500`;

/**
 * `GET /api/audit/erasure-requests`: the data-protection officer's read-only
 * view of the Art. 17 requests (state, case number while the client exists,
 * names of the staff involved). Not audited, like the rest of the audit reads.
 */
@ApiTags('audit')
@Controller(API_ROUTES.audit)
export class ErasureOverviewController {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  @RequirePermission('audit:read')
  @Get('erasure-requests')
  @ApiOkResponse({ description: 'ErasureRequestOverviewResponse[]' })
  async list(): Promise<ErasureRequestOverviewResponse[]> {
    const rows: OverviewRow[] = await this.txHost.tx.query(OVERVIEW_SQL);
    return rows.map((row) => ({
      id: row.id,
      caseNumber: row.case_number,
      reason: row.reason,
      state: row.state,
      requestedAt: row.requested_at.toISOString(),
      requestedBy: row.requested_by,
      confirmedAt: row.confirmed_at ? row.confirmed_at.toISOString() : null,
      confirmedBy: row.confirmed_by,
    }));
  }
}
