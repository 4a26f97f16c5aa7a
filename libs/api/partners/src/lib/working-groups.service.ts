import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { TenantContext } from '@wegweiser/api/core';
import { isUniqueViolation } from '@wegweiser/api/database';
import { PARTNER_ERROR_CODES, WorkingGroupResponse } from '@wegweiser/shared/contracts';
import { CreateWorkingGroupDto } from './dto/partner.dto';
import { WorkingGroupEntity } from './partner.entity';

const toResponse = (g: WorkingGroupEntity): WorkingGroupResponse => ({ id: g.id, name: g.name, version: g.version });

/** The municipality's working groups (Arbeitskreise) and which partners take part in them. */
@Injectable()
export class WorkingGroupsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
  ) {}

  private municipalityId(): string {
    return this.tenant.requireUser().municipalityId;
  }

  async list(): Promise<WorkingGroupResponse[]> {
    const groups = await this.txHost.tx.getRepository(WorkingGroupEntity).find({ where: { municipalityId: this.municipalityId() }, order: { name: 'ASC', id: 'ASC' } });
    return groups.map(toResponse);
  }

  async create(dto: CreateWorkingGroupDto): Promise<WorkingGroupResponse> {
    const repository = this.txHost.tx.getRepository(WorkingGroupEntity);
    let id: string;
    try {
      const inserted = await repository.insert({ municipalityId: this.municipalityId(), name: dto.name });
      id = String(inserted.identifiers[0]?.['id']);
    } catch (error) {
      if (isUniqueViolation(error, 'working_group_name_unique')) {
        throw new ConflictException({ code: PARTNER_ERROR_CODES.workingGroupNameTaken, message: 'There is a working group of this name already.' });
      }
      throw error;
    }
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'working_group', entityId: id });
    return toResponse(await repository.findOneByOrFail({ id, municipalityId: this.municipalityId() }));
  }

  /** Replaces a partner's memberships; every id must be a working group of the municipality (422 otherwise). */
  async setMemberships(partnerId: string, workingGroupIds: readonly string[]): Promise<void> {
    const ids = [...new Set(workingGroupIds)];
    const municipalityId = this.municipalityId();
    const known: { id: string }[] = await this.txHost.tx.query(`SELECT id FROM working_group WHERE municipality_id = $1 AND id = ANY($2::uuid[])`, [municipalityId, ids]);
    if (known.length !== ids.length) {
      throw new UnprocessableEntityException({ code: PARTNER_ERROR_CODES.unknownWorkingGroup, message: 'No such working group.' });
    }
    await this.txHost.tx.query(`DELETE FROM partner_working_group WHERE partner_id = $1 AND municipality_id = $2 AND NOT (working_group_id = ANY($3::uuid[]))`, [
      partnerId,
      municipalityId,
      ids,
    ]);
    await this.txHost.tx.query(
      `INSERT INTO partner_working_group (municipality_id, partner_id, working_group_id)
       SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
      [municipalityId, partnerId, ids],
    );
  }

  /** Working group ids per partner (ordered by group name). */
  async membershipsOf(partnerIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (!partnerIds.length) return result;
    const rows: { partnerId: string; groupId: string }[] = await this.txHost.tx.query(
      `SELECT m.partner_id AS "partnerId", m.working_group_id AS "groupId"
         FROM partner_working_group m JOIN working_group g ON g.id = m.working_group_id
        WHERE m.municipality_id = $1 AND m.partner_id = ANY($2::uuid[])
        ORDER BY g.name, g.id`,
      [this.municipalityId(), [...partnerIds]],
    );
    for (const row of rows) result.set(row.partnerId, [...(result.get(row.partnerId) ?? []), row.groupId]);
    return result;
  }
}
