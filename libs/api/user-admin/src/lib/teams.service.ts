import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { TenantContext } from '@wegweiser/api/core';
import { TeamEntity } from '@wegweiser/api/users';
import { ERROR_CODES, TeamResponse, USER_ERROR_CODES } from '@wegweiser/shared/contracts';
import { Repository } from 'typeorm';
import { CreateTeamDto, UpdateTeamDto } from './dto/team.dto';
import { isUniqueViolation, UNIQUE_CONSTRAINTS } from './unique-violation';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such team.' });
const nameTaken = () => new ConflictException({ code: USER_ERROR_CODES.teamNameTaken, message: 'The municipality has a team of this name already.' });

/**
 * Teams with their lead (the active team_lead; the first by name if there
 * were several) and the number of active members, the lead included.
 */
const TEAMS_SQL = `
  SELECT t.id, t.name,
         (SELECT u.id FROM app_user u
           WHERE u.team_id = t.id AND u.role = 'team_lead' AND u.active
           ORDER BY u.last_name, u.first_name, u.id LIMIT 1) AS "leadId",
         (SELECT count(*) FROM app_user u WHERE u.team_id = t.id AND u.active)::int AS "memberCount"
    FROM team t
   WHERE t.municipality_id = $1`;

/** The teams of the administrator's municipality (named in every query, under row-level security). */
@Injectable()
export class TeamsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
  ) {}

  private get teams(): Repository<TeamEntity> {
    return this.txHost.tx.getRepository(TeamEntity);
  }

  list(): Promise<TeamResponse[]> {
    return this.txHost.tx.query(`${TEAMS_SQL} ORDER BY t.name, t.id`, [this.tenant.requireUser().municipalityId]);
  }

  async create(dto: CreateTeamDto): Promise<TeamResponse> {
    const municipalityId = this.tenant.requireUser().municipalityId;
    let id: string;
    try {
      const inserted = await this.teams.insert({ municipalityId, name: dto.name });
      id = String(inserted.identifiers[0]?.['id']);
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_CONSTRAINTS.teamName)) throw nameTaken();
      throw error;
    }
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'team', entityId: id });
    return this.get(id);
  }

  async rename(id: string, dto: UpdateTeamDto): Promise<TeamResponse> {
    const municipalityId = this.tenant.requireUser().municipalityId;
    let affected: number | undefined;
    try {
      affected = (await this.teams.update({ id, municipalityId }, { name: dto.name })).affected;
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_CONSTRAINTS.teamName)) throw nameTaken();
      throw error;
    }
    if (!affected) {
      await this.audit.record({ action: 'denied', outcome: 'denied', entityType: 'team', entityId: id });
      throw notFound();
    }
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'team', entityId: id });
    return this.get(id);
  }

  private async get(id: string): Promise<TeamResponse> {
    const [team] = (await this.txHost.tx.query(`${TEAMS_SQL} AND t.id = $2`, [this.tenant.requireUser().municipalityId, id])) as TeamResponse[];
    if (!team) throw notFound();
    return team;
  }
}
