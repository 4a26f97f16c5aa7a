import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { TenantContext } from '@wegweiser/api/core';
import { ERROR_CODES, LegalHoldRequest, LegalHoldResponse } from '@wegweiser/shared/contracts';

interface HoldRow {
  client_id: string;
  reason: string;
  set_at: Date;
}

/** Legal holds (team leads, their team's clients): a held client is never erased, neither by retention nor on request. */
@Injectable()
export class LegalHoldService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
  ) {}

  async set(clientId: string, request: LegalHoldRequest): Promise<LegalHoldResponse> {
    const user = this.tenant.requireUser();
    const client = await this.access.readable(clientId, 'update');
    const [row] = (await this.txHost.tx.query(
      `INSERT INTO legal_hold (client_id, municipality_id, reason, set_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (client_id) DO UPDATE SET reason = EXCLUDED.reason, set_by = EXCLUDED.set_by, set_at = now()
       RETURNING client_id, reason, set_at`,
      [client.id, user.municipalityId, request.reason, user.id],
    )) as HoldRow[];
    if (!row) throw new Error('legal hold not stored');
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'legal_hold', entityId: client.id, clientId: client.id });
    return { clientId: row.client_id, reason: row.reason, setAt: row.set_at.toISOString() };
  }

  async lift(clientId: string): Promise<void> {
    const client = await this.access.readable(clientId, 'update');
    const [, affected] = (await this.txHost.tx.query(`DELETE FROM legal_hold WHERE client_id = $1`, [client.id])) as [unknown, number];
    if (!affected) throw new NotFoundException({ code: ERROR_CODES.notFound, message: 'No legal hold.' });
    await this.audit.record({ action: 'delete', outcome: 'success', entityType: 'legal_hold', entityId: client.id, clientId: client.id });
  }
}
