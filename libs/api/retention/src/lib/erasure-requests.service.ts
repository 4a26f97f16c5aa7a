import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { calendarToday, TenantContext } from '@wegweiser/api/core';
import { isUniqueViolation } from '@wegweiser/api/database';
import { ERROR_CODES, ErasureReason, ErasureRequestResponse, ErasureRequestState, RETENTION_ERROR_CODES } from '@wegweiser/shared/contracts';
import { legalHoldConflict } from './erasure.errors';
import { ErasureService } from './erasure.service';

interface RequestRow {
  id: string;
  client_id: string;
  case_number: string | null;
  reason: ErasureReason;
  state: ErasureRequestState;
  requested_by: string;
  requested_at: Date;
  confirmed_at: Date | null;
}

const SELECT_REQUESTS = `SELECT r.id, r.client_id, c.case_number, r.reason, r.state, r.requested_by, r.requested_at, r.confirmed_at
  FROM erasure_request r LEFT JOIN client c ON c.id = r.client_id`;

function toResponse(row: RequestRow): ErasureRequestResponse {
  return {
    id: row.id,
    clientId: row.client_id,
    caseNumber: row.case_number,
    reason: row.reason,
    state: row.state,
    requestedAt: row.requested_at.toISOString(),
    confirmedAt: row.confirmed_at ? row.confirmed_at.toISOString() : null,
  };
}

const pendingConflict = () => new ConflictException({ code: RETENTION_ERROR_CODES.requestPending, message: 'An erasure request for this client is pending.' });

/**
 * Erasure on request (Art. 17 GDPR) with four eyes: a team lead asks for one
 * client of their team, with a reason code; an administrator confirms, which
 * runs the erasure pipeline in the same transaction. Both steps are audited
 * with ids only.
 */
@Injectable()
export class ErasureRequestsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly access: ClientAccess,
    private readonly erasure: ErasureService,
    private readonly audit: AuditService,
  ) {}

  async create(clientId: string, reason: ErasureReason): Promise<ErasureRequestResponse> {
    const user = this.tenant.requireUser();
    const client = await this.access.readable(clientId, 'delete');
    const held = (await this.txHost.tx.query(`SELECT 1 FROM legal_hold WHERE client_id = $1`, [client.id])) as unknown[];
    if (held.length) throw legalHoldConflict();
    const pending = (await this.txHost.tx.query(`SELECT 1 FROM erasure_request WHERE client_id = $1 AND state = 'pending'`, [client.id])) as unknown[];
    if (pending.length) throw pendingConflict();
    let id: string | undefined;
    try {
      const rows = (await this.txHost.tx.query(
        `INSERT INTO erasure_request (municipality_id, client_id, reason, requested_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [user.municipalityId, client.id, reason, user.id],
      )) as { id: string }[];
      id = rows[0]?.id;
    } catch (error) {
      if (isUniqueViolation(error, 'erasure_request_one_pending')) throw pendingConflict();
      throw error;
    }
    if (!id) throw new Error('erasure request not stored');
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'erasure_request', entityId: id, clientId: client.id });
    return this.one(id);
  }

  async list(state?: ErasureRequestState): Promise<ErasureRequestResponse[]> {
    const rows = (await this.txHost.tx.query(`${SELECT_REQUESTS} WHERE ($1::text IS NULL OR r.state = $1) ORDER BY r.requested_at, r.id`, [state ?? null])) as RequestRow[];
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'erasure_request' });
    return rows.map(toResponse);
  }

  /** The administrator's confirmation: erases the client (same transaction) and closes the request. */
  async confirm(id: string): Promise<ErasureRequestResponse> {
    const user = this.tenant.requireUser();
    const [request] = (await this.txHost.tx.query(`${SELECT_REQUESTS} WHERE r.id = $1 FOR UPDATE OF r`, [id])) as RequestRow[];
    if (!request) throw new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such erasure request.' });
    if (request.state !== 'pending') {
      throw new ConflictException({ code: RETENTION_ERROR_CODES.requestNotPending, message: 'The erasure request is not pending.' });
    }
    if (request.case_number === null) {
      throw new ConflictException({ code: RETENTION_ERROR_CODES.clientGone, message: 'The client has already been erased.' });
    }
    await this.erasure.erase(request.client_id, 'request', calendarToday());
    await this.txHost.tx.query(`UPDATE erasure_request SET state = 'confirmed', confirmed_by = $2, confirmed_at = now() WHERE id = $1`, [id, user.id]);
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'erasure_request', entityId: id, clientId: request.client_id });
    return this.one(id);
  }

  private async one(id: string): Promise<ErasureRequestResponse> {
    const [row] = (await this.txHost.tx.query(`${SELECT_REQUESTS} WHERE r.id = $1`, [id])) as RequestRow[];
    if (!row) throw new Error('erasure request not found');
    return toResponse(row);
  }
}
