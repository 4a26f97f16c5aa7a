import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { TenantContext } from '@wegweiser/api/core';
import { TeamEntity } from '@wegweiser/api/users';
import { CASELOAD_FIELD_CODES, ERROR_CODES, TeamDetailResponse, TeamMemberResponse, TeamResponse, USER_ERROR_CODES } from '@wegweiser/shared/contracts';
import { Repository } from 'typeorm';
import { CreateTeamDto, UpdateCaseloadLimitDto, UpdateTeamDto } from './dto/team.dto';
import { leadsFirstByName, TEAM_MEMBERS_SQL, TeamMemberRow, toTeamMember } from './team-members-sql';
import { isUniqueViolation, UNIQUE_CONSTRAINTS } from './unique-violation';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such team.' });
const nameTaken = () => new ConflictException({ code: USER_ERROR_CODES.teamNameTaken, message: 'The municipality has a team of this name already.' });

/**
 * Teams with their leads (every active team_lead, by name) and the number of
 * active members, the leads included.
 */
const TEAMS_SQL = `
  SELECT t.id, t.name,
         ARRAY(SELECT u.id FROM app_user u
                WHERE u.team_id = t.id AND u.role = 'team_lead' AND u.active
                ORDER BY u.last_name, u.first_name, u.id) AS "leadIds",
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

  /** The team with its active members and their open caseloads (counted in one query). */
  async detail(id: string): Promise<TeamDetailResponse> {
    const team = await this.get(id, { auditDenial: true });
    const rows = (await this.txHost.tx.query(TEAM_MEMBERS_SQL, [team.id, this.tenant.requireUser().municipalityId])) as TeamMemberRow[];
    return { ...team, members: rows.map(toTeamMember).sort(leadsFirstByName) };
  }

  /** Sets a member's recommended and maximum caseload (an active manager or team lead of this team). */
  async setCaseloadLimit(teamId: string, userId: string, dto: UpdateCaseloadLimitDto): Promise<TeamMemberResponse> {
    if (dto.caseloadRecommended !== null && dto.caseloadMaximum !== null && dto.caseloadRecommended > dto.caseloadMaximum) {
      throw new BadRequestException({
        code: ERROR_CODES.validationFailed,
        message: 'Invalid fields: caseloadRecommended',
        errors: { caseloadRecommended: CASELOAD_FIELD_CODES.recommendedAboveMaximum },
      });
    }
    const municipalityId = this.tenant.requireUser().municipalityId;
    const updated = (await this.txHost.tx.query(
      `UPDATE app_user SET caseload_recommended = $1, caseload_maximum = $2
        WHERE id = $3 AND team_id = $4 AND municipality_id = $5 AND active AND role IN ('manager', 'team_lead')
        RETURNING id`,
      [dto.caseloadRecommended, dto.caseloadMaximum, userId, teamId, municipalityId],
    )) as [unknown[], number];
    if (!updated[1]) {
      await this.audit.record({ action: 'denied', outcome: 'denied', entityType: 'user_caseload_limit', entityId: userId });
      throw new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such member of the team.' });
    }
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'user_caseload_limit', entityId: userId });
    const [row] = (await this.txHost.tx.query(`${TEAM_MEMBERS_SQL} AND u.id = $3`, [teamId, municipalityId, userId])) as TeamMemberRow[];
    if (!row) throw notFound();
    return toTeamMember(row);
  }

  private async get(id: string, { auditDenial = false } = {}): Promise<TeamResponse> {
    const [team] = (await this.txHost.tx.query(`${TEAMS_SQL} AND t.id = $2`, [this.tenant.requireUser().municipalityId, id])) as TeamResponse[];
    if (!team) {
      if (auditDenial) await this.audit.record({ action: 'denied', outcome: 'denied', entityType: 'team', entityId: id });
      throw notFound();
    }
    return team;
  }
}
