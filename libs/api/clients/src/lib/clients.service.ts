import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { RequestUser, TenantContext } from '@wegweiser/api/core';
import { CLIENT_ERROR_CODES, ClientPageResponse, ClientSummaryResponse, ERROR_CODES } from '@wegweiser/shared/contracts';
import { Brackets, SelectQueryBuilder } from 'typeorm';
import { ClientEntity } from './client.entity';
import { ClientListQueryDto, UpdateClientDto } from './dto/client.dto';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such client.' });

export function toClientSummary(c: ClientEntity): ClientSummaryResponse {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    firstName: c.firstName,
    lastName: c.lastName,
    firstNameOriginal: c.firstNameOriginal,
    lastNameOriginal: c.lastNameOriginal,
    dateOfBirth: c.dateOfBirth,
    gender: c.gender,
    countryOfOrigin: c.countryOfOrigin,
    teamId: c.teamId,
    responsibleManagerId: c.responsibleManagerId,
    supportStart: c.supportStart,
    version: c.version,
  };
}

/**
 * Clients of the signed-in user's team. The team condition is part of every
 * query (object-level check), under the municipality wall of row-level
 * security: another team's client is simply not found (404).
 */
@Injectable()
export class ClientsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
  ) {}

  private scoped(user: RequestUser): SelectQueryBuilder<ClientEntity> {
    return this.txHost.tx.getRepository(ClientEntity).createQueryBuilder('c').where('c.team_id = :teamId', { teamId: user.teamId });
  }

  async list(query: ClientListQueryDto): Promise<ClientPageResponse> {
    const user = this.tenant.requireUser();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = this.scoped(user);
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('c.first_name ILIKE :like', { like })
            .orWhere('c.last_name ILIKE :like', { like })
            .orWhere('c.first_name_original ILIKE :like', { like })
            .orWhere('c.last_name_original ILIKE :like', { like })
            .orWhere('c.case_number ILIKE :like', { like }),
        ),
      );
    }
    const [rows, total] = await qb
      .orderBy('c.last_name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'client_list' });
    return { items: rows.map(toClientSummary), total, page, pageSize };
  }

  async get(id: string): Promise<ClientSummaryResponse> {
    const client = await this.findInScope(id, 'read');
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'client', entityId: client.id, clientId: client.id });
    return toClientSummary(client);
  }

  async update(id: string, dto: UpdateClientDto): Promise<ClientSummaryResponse> {
    const user = this.tenant.requireUser();
    const client = await this.findInScope(id, 'update');
    if (user.role === 'manager' && client.responsibleManagerId !== user.id) {
      await this.audit.record({ action: 'denied', outcome: 'denied', entityType: 'client', entityId: id, clientId: id });
      throw new ForbiddenException({ code: CLIENT_ERROR_CODES.notOwnCaseload, message: 'Only the responsible manager or the team lead may change this client.' });
    }
    const { version, ...changes } = dto;
    const result = await this.txHost.tx
      .createQueryBuilder()
      .update(ClientEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND team_id = :teamId', { id, version, teamId: user.teamId })
      .execute();
    if (!result.affected) throw new ConflictException({ code: CLIENT_ERROR_CODES.staleVersion, message: 'Someone else changed this client in the meantime.' });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'client', entityId: id, clientId: id });
    return toClientSummary(await this.findInScope(id, 'read', false));
  }

  async remove(id: string): Promise<void> {
    await this.findInScope(id, 'delete');
    await this.txHost.tx.getRepository(ClientEntity).delete({ id });
    await this.audit.record({ action: 'delete', outcome: 'success', entityType: 'client', entityId: id, clientId: id });
  }

  /** The client if it is in the user's team; otherwise a `denied` audit row and 404. */
  private async findInScope(id: string, intent: 'read' | 'update' | 'delete', auditDenial = true): Promise<ClientEntity> {
    const client = await this.scoped(this.tenant.requireUser()).andWhere('c.id = :id', { id }).getOne();
    if (!client) {
      if (auditDenial) await this.audit.record({ action: 'denied', outcome: 'denied', entityType: `client_${intent}`, entityId: id });
      throw notFound();
    }
    return client;
  }
}
