import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { calendarToday, TenantContext } from '@wegweiser/api/core';
import { hydrateJsonRows, jsonRowsSql, StatementPart } from '@wegweiser/api/database';
import { ERROR_CODES, SoftRatingResponse } from '@wegweiser/shared/contracts';
import { CreateSoftRatingDto } from './dto/outcome.dto';
import { SoftRatingEntity } from './outcome.entity';
import { notInFuture } from './outcome-rules';

export function toSoftRatingResponse(r: SoftRatingEntity): SoftRatingResponse {
  return {
    id: r.id,
    clientId: r.clientId,
    ratedOn: r.ratedOn,
    health: r.health,
    socialEnvironment: r.socialEnvironment,
    employmentQuality: r.employmentQuality,
    ratedBy: r.ratedBy,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Periodic soft ratings (health, social environment, quality of employment), oldest first: the series shows change over time. A rating is never dated after today (422 `inFuture`). */
@Injectable()
export class SoftRatingsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly access: ClientAccess,
  ) {}

  private get repository() {
    return this.txHost.tx.getRepository(SoftRatingEntity);
  }

  async list(clientId: string): Promise<SoftRatingResponse[]> {
    const client = await this.access.readable(clientId);
    const rows = await this.repository.find({ where: { clientId: client.id }, order: { ratedOn: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'soft_rating_list', entityId: client.id, clientId: client.id });
    return rows.map(toSoftRatingResponse);
  }

  /** The client file's part (`$1` = the client, access checked and the read audited by the file): as `list`. */
  filePart(): StatementPart<SoftRatingResponse[]> {
    const tx = this.txHost.tx;
    return {
      sql: jsonRowsSql(tx, SoftRatingEntity, 't.client_id = $1', 't.rated_on, t.created_at, t.id'),
      read: (json) => hydrateJsonRows(tx, SoftRatingEntity, json).map(toSoftRatingResponse),
    };
  }

  async create(clientId: string, dto: CreateSoftRatingDto): Promise<SoftRatingResponse> {
    const user = this.tenant.requireUser();
    const client = await this.access.writable(clientId);
    const errors = notInFuture('ratedOn', dto.ratedOn, calendarToday());
    if (Object.keys(errors).length > 0) throw new UnprocessableEntityException({ code: ERROR_CODES.validationFailed, message: 'Invalid fields: ratedOn', errors });
    const { identifiers } = await this.repository.insert({
      municipalityId: client.municipalityId,
      clientId: client.id,
      ratedBy: user.id,
      ratedOn: dto.ratedOn,
      health: dto.health,
      socialEnvironment: dto.socialEnvironment,
      employmentQuality: dto.employmentQuality ?? null,
    });
    const id = String(identifiers[0]?.['id']);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'soft_rating', entityId: id, clientId: client.id });
    return toSoftRatingResponse(await this.repository.findOneByOrFail({ id, clientId: client.id }));
  }
}
