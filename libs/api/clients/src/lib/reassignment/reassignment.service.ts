import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { TenantContext } from '@wegweiser/api/core';
import {
  ClientAssignmentsResponse,
  ERROR_CODES,
  REASSIGNMENT_FIELD_CODES,
  ReassignClientsResponse,
  TeamManagersResponse,
} from '@wegweiser/shared/contracts';
import { In } from 'typeorm';
import { CaseloadLimit } from '../caseload-limit';
import { ClientAccess } from '../client-access';
import { ClientEntity } from '../client.entity';
import { toClientSummary } from '../client-mapping';
import { ClientAssignmentEntity } from './client-assignment.entity';
import { ReassignClientsDto } from './dto/reassign.dto';
import { AssignmentRow, ASSIGNMENT_HISTORY_SQL, byName, TEAM_MANAGERS_SQL, TeamManagerRow, toAssignment, toTeamManager } from './reassignment-sql';

const refused = (field: keyof ReassignClientsDto, code: string) =>
  new BadRequestException({ code: ERROR_CODES.validationFailed, message: `Invalid fields: ${field}`, errors: { [field]: code } });

/**
 * A team lead moves clients of the team to another active manager of the
 * team, all or nothing, in the request's transaction: the client rows are
 * locked, so writes of the previous manager that are checked afterwards
 * (ClientAccess.writable reads the responsible manager in their own
 * transaction) are refused at once. Each client gets a history row (with
 * the reason), a new version and an audit row; the timeline shows the
 * change with the managers' names, never the reason.
 */
@Injectable()
export class ReassignmentService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly access: ClientAccess,
    private readonly caseloadLimit: CaseloadLimit,
  ) {}

  async reassign(dto: ReassignClientsDto): Promise<ReassignClientsResponse> {
    const user = this.tenant.requireUser();
    const clients = await this.access
      .scoped(user)
      .andWhere('c.id IN (:...ids)', { ids: dto.clientIds })
      .setLock('pessimistic_write')
      .getMany();
    if (clients.length !== dto.clientIds.length) {
      const found = new Set(clients.map((c) => c.id));
      for (const id of dto.clientIds.filter((candidate) => !found.has(candidate))) {
        await this.audit.record({ action: 'denied', outcome: 'denied', entityType: 'client_reassign', entityId: id, clientId: id });
      }
      throw new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such client.' });
    }
    if (!(await this.isActiveManagerOfTeam(dto.toManagerId, user.teamId))) throw refused('toManagerId', REASSIGNMENT_FIELD_CODES.unknownManager);
    if (clients.some((c) => c.responsibleManagerId === dto.toManagerId)) throw refused('toManagerId', REASSIGNMENT_FIELD_CODES.alreadyResponsible);
    // Closed cases move too but do not count: only the open ones have to fit under the target's maximum (409 caseloadFull).
    await this.caseloadLimit.ensureRoom(dto.toManagerId, clients.filter((c) => c.supportState !== 'closed').length);

    await this.txHost.tx
      .createQueryBuilder()
      .update(ClientEntity)
      .set({ responsibleManagerId: dto.toManagerId, version: () => 'version + 1' })
      .where('id IN (:...ids) AND team_id = :teamId', { ids: dto.clientIds, teamId: user.teamId })
      .execute();
    await this.txHost.tx.getRepository(ClientAssignmentEntity).insert(
      clients.map((c) => ({
        municipalityId: c.municipalityId,
        clientId: c.id,
        fromManagerId: c.responsibleManagerId,
        toManagerId: dto.toManagerId,
        reason: dto.reason,
        assignedBy: user.id,
      })),
    );
    for (const id of dto.clientIds) {
      await this.audit.record({ action: 'update', outcome: 'success', entityType: 'client_assignment', entityId: id, clientId: id });
    }
    const updated = new Map((await this.txHost.tx.getRepository(ClientEntity).findBy({ id: In(dto.clientIds) })).map((c) => [c.id, c]));
    return { items: dto.clientIds.flatMap((id) => (updated.has(id) ? [toClientSummary(updated.get(id) as ClientEntity)] : [])) };
  }

  /** Who was responsible when, newest first (readable by the team; one audited read). */
  async history(clientId: string): Promise<ClientAssignmentsResponse> {
    const client = await this.access.readable(clientId);
    const rows = (await this.txHost.tx.query(ASSIGNMENT_HISTORY_SQL, [client.id])) as AssignmentRow[];
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'client_assignment', entityId: client.id, clientId: client.id });
    return { items: rows.map(toAssignment) };
  }

  /** The active managers of the signed-in team lead's team, with their open caseload. */
  async teamManagers(): Promise<TeamManagersResponse> {
    const user = this.tenant.requireUser();
    const rows = (await this.txHost.tx.query(TEAM_MANAGERS_SQL, [user.teamId])) as TeamManagerRow[];
    return { items: rows.map(toTeamManager).sort(byName) };
  }

  private async isActiveManagerOfTeam(id: string, teamId: string | null): Promise<boolean> {
    const found = (await this.txHost.tx.query(`SELECT 1 FROM app_user WHERE id = $1 AND team_id = $2 AND active AND role = 'manager'`, [id, teamId])) as unknown[];
    return found.length > 0;
  }
}
