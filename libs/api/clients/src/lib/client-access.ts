import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { RequestUser, TenantContext } from '@wegweiser/api/core';
import { CASE_ERROR_CODES, ClientFileAccess, ERROR_CODES } from '@wegweiser/shared/contracts';
import { SelectQueryBuilder } from 'typeorm';
import { ClientEntity } from './client.entity';

export type ClientIntent = 'read' | 'update' | 'delete';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The requested client id for a `denied` row (callers validate ids; anything else is left out rather than failing the audit). */
const aimedAt = (clientId: string): string | null => (UUID.test(clientId) ? clientId : null);

/**
 * The object-level check every part of the case file goes through: a client
 * is reachable only within the user's team (and, under row-level security,
 * municipality). Outside: 404 and a `denied` audit row. Writing additionally
 * needs the own caseload (managers; else 404 too) and an open case (409 `caseClosed`).
 */
@Injectable()
export class ClientAccess {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
  ) {}

  /** Clients of the user's team, as a query to refine. */
  scoped(user: RequestUser = this.tenant.requireUser()): SelectQueryBuilder<ClientEntity> {
    return this.txHost.tx.getRepository(ClientEntity).createQueryBuilder('c').where('c.team_id = :teamId', { teamId: user.teamId });
  }

  /** The client, if the user may read it (the caller audits the read itself). */
  async readable(clientId: string, intent: ClientIntent = 'read'): Promise<ClientEntity> {
    const client = await this.scoped().andWhere('c.id = :clientId', { clientId }).getOne();
    if (!client) {
      // The client it was aimed at, also outside the team: the DPO's access report for the client lists who tried.
      await this.audit.record({ action: 'denied', outcome: 'denied', entityType: `client_${intent}`, entityId: clientId, clientId: aimedAt(clientId) });
      throw new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such client.' });
    }
    return client;
  }

  /**
   * The client, if the user may change its file: own caseload for managers,
   * the team for team leads; closed cases only with `allowClosed` (reopening).
   * A manager writing to a colleague's client gets 404 (and a `denied` audit
   * row) like outside the team: the responsible manager is read in the
   * request's transaction, so a reassignment takes write access away at once.
   */
  async writable(clientId: string, options: { allowClosed?: boolean; intent?: ClientIntent } = {}): Promise<ClientEntity> {
    const user = this.tenant.requireUser();
    const client = await this.readable(clientId, options.intent ?? 'update');
    const refusal = this.writeRefusal(client, user);
    if (refusal === CASE_ERROR_CODES.notOwnCaseload) {
      // As for another team's client: the file is not there to be changed (e.g. the previous manager after a reassignment).
      await this.audit.record({ action: 'denied', outcome: 'denied', entityType: `client_${options.intent ?? 'update'}`, entityId: clientId, clientId });
      throw new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such client.' });
    }
    if (refusal === CASE_ERROR_CODES.caseClosed && !options.allowClosed) {
      throw new ConflictException({ code: CASE_ERROR_CODES.caseClosed, message: 'The case is closed. Reopen it to change it.' });
    }
    return client;
  }

  /** Why the user may not change the client's file (`null`: they may); the client shows or hides its write actions by it. */
  writeRefusal(client: ClientEntity, user: RequestUser = this.tenant.requireUser()): ClientFileAccess['refusal'] {
    if (user.role === 'manager' && client.responsibleManagerId !== user.id) {
      return CASE_ERROR_CODES.notOwnCaseload;
    }
    return client.supportState === 'closed' ? CASE_ERROR_CODES.caseClosed : null;
  }
}
