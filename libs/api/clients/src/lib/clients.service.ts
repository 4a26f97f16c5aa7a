import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { TenantContext } from '@wegweiser/api/core';
import { versionedUpdate } from '@wegweiser/api/database';
import { ClientPageResponse, ClientSummaryResponse, ERROR_CODES } from '@wegweiser/shared/contracts';
import { Brackets } from 'typeorm';
import { ClientAccess } from './client-access';
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
    private readonly access: ClientAccess,
  ) {}

  async list(query: ClientListQueryDto): Promise<ClientPageResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = this.access.scoped();
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
    const client = await this.access.readable(id);
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'client', entityId: client.id, clientId: client.id });
    return toClientSummary(client);
  }

  async update(id: string, dto: UpdateClientDto): Promise<ClientSummaryResponse> {
    const user = this.tenant.requireUser();
    await this.access.writable(id);
    const { version, ...changes } = dto;
    await versionedUpdate(this.txHost.tx, ClientEntity, id, version, changes, notFound, { team_id: user.teamId });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'client', entityId: id, clientId: id });
    return toClientSummary(await this.access.readable(id));
  }

  async remove(id: string): Promise<void> {
    await this.access.readable(id, 'delete');
    await this.txHost.tx.getRepository(ClientEntity).delete({ id });
    await this.audit.record({ action: 'delete', outcome: 'success', entityType: 'client', entityId: id, clientId: id });
  }
}
