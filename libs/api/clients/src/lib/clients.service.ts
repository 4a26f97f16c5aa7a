import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { calendarToday, RequestUser, TenantContext } from '@wegweiser/api/core';
import { clientSearchText, clientSortKey, StatementPart, versionedUpdate } from '@wegweiser/api/database';
import { CASE_ERROR_CODES, CLIENT_FIELD_CODES, CLIENT_LIMITS, ClientPageResponse, ClientResponse, ERROR_CODES, FieldOfAction, StaffMemberResponse } from '@wegweiser/shared/contracts';
import { CaseNumbers } from './case-numbers';
import { CaseloadLimit } from './caseload-limit';
import { ClientAccess } from './client-access';
import { ClientEntity } from './client.entity';
import { applyClientFilters, cursorAfter, decodeCursor, encodeCursor, inFieldOrder, pageAfter } from './client-list';
import { toClientListItem, toClientResponse } from './client-mapping';
import { clientDateProblems } from './client-rules';
import { CreateClientDto, UpdateClientDto } from './dto/client.dto';
import { ClientListQueryDto } from './dto/client-list.dto';
import { SupportEventEntity } from './support/support-event.entity';
import { regularWindowEnd } from './support/support-window';

export { toClientListItem, toClientResponse, toClientSummary } from './client-mapping';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such client.' });
const invalid = (errors: Record<string, string>) =>
  new BadRequestException({ code: ERROR_CODES.validationFailed, message: `Invalid fields: ${Object.keys(errors).join(', ')}`, errors });

const NAME_FIELDS = ['firstName', 'lastName', 'firstNameOriginal', 'lastNameOriginal'] as const;

/**
 * Clients of the signed-in user's team. The team condition is part of every
 * query (object-level check), under the municipality wall of row-level
 * security: another team's client is simply not found (404). Every read of
 * client data leaves exactly one audit row.
 */
@Injectable()
export class ClientsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly access: ClientAccess,
    private readonly caseNumbers: CaseNumbers,
    private readonly caseloadLimit: CaseloadLimit,
  ) {}

  /** One page in the requested order, each row with last contact, open goals and whether the user may change it. */
  async list(query: ClientListQueryDto): Promise<ClientPageResponse> {
    const user = this.tenant.requireUser();
    const sort = query.sort ?? 'name';
    const pageSize = query.pageSize ?? CLIENT_LIMITS.pageSizeDefault;
    const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;
    const filtered = applyClientFilters(this.access.scoped(user), query);
    if (query.mine) filtered.andWhere('c.responsible_manager_id = :me', { me: user.id });
    const total = await filtered.clone().getCount();
    const rows = await pageAfter(filtered, sort, cursor, pageSize).getMany();
    const items = rows.slice(0, pageSize);
    const goals = await this.openGoals(items.map((c) => c.id));
    const managers = await this.staffNames(items.map((c) => c.responsibleManagerId));
    const last = items[items.length - 1];
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'client_list' });
    return {
      items: items.map((c) =>
        toClientListItem(c, goals.get(c.id) ?? [], this.access.writeRefusal(c, user) === null, (c.responsibleManagerId && managers.get(c.responsibleManagerId)) || null),
      ),
      total,
      nextCursor: rows.length > pageSize && last ? encodeCursor(cursorAfter(sort, last)) : null,
    };
  }

  async get(id: string): Promise<ClientResponse> {
    const client = await this.access.readable(id);
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'client', entityId: client.id, clientId: client.id });
    return this.respond(client);
  }

  async create(dto: CreateClientDto): Promise<ClientResponse> {
    const user = this.tenant.requireUser();
    const teamId = user.teamId;
    if (!teamId) throw new ForbiddenException({ code: ERROR_CODES.forbidden, message: 'Only members of a team keep clients.' });
    const responsibleManagerId = await this.responsibleOnCreate(user, teamId, dto.responsibleManagerId);
    const today = calendarToday();
    const supportStart = dto.supportStart ?? today;
    const problems = clientDateProblems(
      { dateOfBirth: dto.dateOfBirth, arrivalDate: dto.arrivalDate ?? null, supportStart, residenceValidUntil: dto.residenceValidUntil ?? null },
      today,
      new Set(Object.keys(dto).concat('supportStart')),
    );
    // Why a backdated start (the intake form asks for it; the API stays open to imports without): none on the day of intake.
    const supportStartReason = supportStart < today ? dto.supportStartReason || null : null;
    if (Object.keys(problems).length) throw invalid(problems);
    // The hard maximum of the responsible manager's caseload (409 caseloadFull; nothing written before this point).
    if (responsibleManagerId) await this.caseloadLimit.ensureRoom(responsibleManagerId);

    const caseNumber = await this.caseNumbers.next(user.municipalityId, Number(supportStart.slice(0, 4)));
    const names = { caseNumber, firstName: dto.firstName, lastName: dto.lastName, firstNameOriginal: dto.firstNameOriginal, lastNameOriginal: dto.lastNameOriginal };
    const clients = this.txHost.tx.getRepository(ClientEntity);
    const { identifiers } = await clients.insert({
      municipalityId: user.municipalityId,
      teamId,
      responsibleManagerId,
      caseNumber,
      firstName: dto.firstName,
      lastName: dto.lastName,
      firstNameOriginal: dto.firstNameOriginal ?? null,
      lastNameOriginal: dto.lastNameOriginal ?? null,
      dateOfBirth: dto.dateOfBirth,
      gender: dto.gender,
      countryOfOrigin: dto.countryOfOrigin,
      nationalities: dto.nationalities ?? [],
      languagesSpoken: dto.languagesSpoken ?? [],
      residenceStatus: dto.residenceStatus ?? null,
      residenceValidUntil: dto.residenceValidUntil ?? null,
      arrivalDate: dto.arrivalDate ?? null,
      housing: dto.housing ?? null,
      householdMembers: dto.householdMembers ?? null,
      phone: dto.phone ?? null,
      email: dto.email ?? null,
      address: dto.address ?? null,
      supportStart,
      supportStartReason,
      supportWindowEnd: regularWindowEnd(supportStart),
      supportState: 'active',
      searchText: clientSearchText(names),
      sortKey: clientSortKey(names),
      version: 1,
    });
    const id = String(identifiers[0]?.['id']);
    await this.txHost.tx.getRepository(SupportEventEntity).insert({
      municipalityId: user.municipalityId,
      clientId: id,
      fromState: null,
      toState: 'active',
      reason: null,
      onDate: supportStart,
      byUserId: user.id,
    });
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'client', entityId: id, clientId: id });
    return this.respond(await this.access.readable(id));
  }

  async update(id: string, dto: UpdateClientDto): Promise<ClientResponse> {
    const user = this.tenant.requireUser();
    const current = await this.access.writable(id);
    const { version, ...changes } = dto;
    const merged = { ...current, ...changes };
    const problems = clientDateProblems(
      { dateOfBirth: merged.dateOfBirth, arrivalDate: merged.arrivalDate ?? null, supportStart: current.supportStart, residenceValidUntil: merged.residenceValidUntil ?? null },
      calendarToday(),
      new Set(Object.keys(changes)),
    );
    if (Object.keys(problems).length) throw invalid(problems);
    const derived = NAME_FIELDS.some((field) => field in changes) ? { searchText: clientSearchText(merged), sortKey: clientSortKey(merged) } : {};
    await versionedUpdate(this.txHost.tx, ClientEntity, id, version, { ...changes, ...derived }, notFound, { team_id: user.teamId });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'client', entityId: id, clientId: id });
    return this.respond(await this.access.readable(id));
  }

  /** The client file's part (`$1` = the client, read by `ClientAccess` already; the file audits the read): as `get`. */
  filePart(client: ClientEntity): StatementPart<ClientResponse> {
    return {
      sql: `(SELECT concat_ws(' ', u.first_name, u.last_name) FROM client c JOIN app_user u ON u.id = c.responsible_manager_id WHERE c.id = $1)`,
      read: (name) => toClientResponse(client, client.responsibleManagerId ? ((name as string | null) ?? null) : null),
    };
  }

  /** The client with the responsible manager's name (ids stay for links; people see names). */
  private async respond(client: ClientEntity): Promise<ClientResponse> {
    if (!client.responsibleManagerId) return toClientResponse(client, null);
    const [row] = (await this.txHost.tx.query(`SELECT concat_ws(' ', first_name, last_name) AS name FROM app_user WHERE id = $1`, [
      client.responsibleManagerId,
    ])) as { name: string }[];
    return toClientResponse(client, row?.name ?? null);
  }

  /** Fields of action with an open or in-progress goal, per client of one page. */
  private async openGoals(clientIds: string[]): Promise<Map<string, FieldOfAction[]>> {
    if (!clientIds.length) return new Map();
    const rows = (await this.txHost.tx.query(
      `SELECT client_id, array_agg(DISTINCT field_of_action) AS fields FROM goal
        WHERE client_id = ANY($1::uuid[]) AND state IN ('open', 'in_progress') GROUP BY client_id`,
      [clientIds],
    )) as { client_id: string; fields: string[] }[];
    return new Map(rows.map((row) => [row.client_id, inFieldOrder(row.fields)]));
  }

  /** The names of the responsible managers of one page (row-level security confines them to the municipality). */
  private async staffNames(ids: (string | null)[]): Promise<Map<string, StaffMemberResponse>> {
    const distinct = [...new Set(ids.filter((id): id is string => id !== null))];
    if (!distinct.length) return new Map();
    const rows = (await this.txHost.tx.query(`SELECT id, first_name, last_name FROM app_user WHERE id = ANY($1::uuid[])`, [distinct])) as {
      id: string;
      first_name: string;
      last_name: string;
    }[];
    return new Map(rows.map((row) => [row.id, { id: row.id, firstName: row.first_name, lastName: row.last_name }]));
  }

  /** Managers create into their own caseload; team leads name an active manager (or lead) of the team, or nobody yet. */
  private async responsibleOnCreate(user: RequestUser, teamId: string, requested: string | null | undefined): Promise<string | null> {
    if (user.role !== 'team_lead') {
      if (requested !== undefined && requested !== user.id) {
        throw new ForbiddenException({ code: CASE_ERROR_CODES.notOwnCaseload, message: 'Managers create clients in their own caseload.' });
      }
      return user.id;
    }
    if (!requested) return null;
    const found = (await this.txHost.tx.query(
      `SELECT 1 FROM app_user WHERE id = $1 AND team_id = $2 AND active AND role IN ('manager', 'team_lead')`,
      [requested, teamId],
    )) as unknown[];
    if (!found.length) throw invalid({ responsibleManagerId: CLIENT_FIELD_CODES.unknownManager });
    return requested;
  }
}
