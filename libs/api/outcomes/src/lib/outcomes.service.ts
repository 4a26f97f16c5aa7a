import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { versionedUpdate } from '@wegweiser/api/database';
import { GoalsService } from '@wegweiser/api/plans';
import { ERROR_CODES, OutcomeDetails, OutcomeResponse } from '@wegweiser/shared/contracts';
import { CreateOutcomeDto, UpdateOutcomeDto } from './dto/outcome.dto';
import { OutcomeEntity } from './outcome.entity';
import { outcomeDetailProblems } from './outcome-rules';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such outcome.' });

export function toOutcomeResponse(o: OutcomeEntity): OutcomeResponse {
  return {
    id: o.id,
    clientId: o.clientId,
    kind: o.kind,
    achievedOn: o.achievedOn,
    endedOn: o.endedOn,
    level: o.level,
    certificate: o.certificate,
    employmentKind: o.employmentKind,
    fullTime: o.fullTime,
    matchesQualification: o.matchesQualification,
    description: o.description,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
  };
}

function assertConsistent(kind: OutcomeEntity['kind'], details: OutcomeDetails): void {
  const errors = outcomeDetailProblems(kind, details);
  if (Object.keys(errors).length > 0) {
    throw new BadRequestException({ code: ERROR_CODES.validationFailed, message: `Invalid fields: ${Object.keys(errors).join(', ')}`, errors });
  }
}

const DETAIL_FIELDS = ['achievedOn', 'endedOn', 'level', 'certificate', 'employmentKind', 'fullTime', 'matchesQualification', 'description'] as const;

/**
 * Outcomes of a client (B1, employment, apprenticeship, studies), behind `ClientAccess`; reads and changes audited.
 * A recorded language level achieves the client's language goals up to that level (same transaction).
 */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly access: ClientAccess,
    private readonly goals: GoalsService,
  ) {}

  private get repository() {
    return this.txHost.tx.getRepository(OutcomeEntity);
  }

  /** In the order they happened. */
  async list(clientId: string): Promise<OutcomeResponse[]> {
    const client = await this.access.readable(clientId);
    const rows = await this.repository.find({ where: { clientId: client.id }, order: { achievedOn: 'ASC', createdAt: 'ASC' } });
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'outcome_list', entityId: client.id, clientId: client.id });
    return rows.map(toOutcomeResponse);
  }

  async create(clientId: string, dto: CreateOutcomeDto): Promise<OutcomeResponse> {
    const client = await this.access.writable(clientId);
    assertConsistent(dto.kind, dto);
    const values = Object.fromEntries(DETAIL_FIELDS.map((field) => [field, dto[field] ?? null]));
    const { identifiers } = await this.repository.insert({ ...values, kind: dto.kind, municipalityId: client.municipalityId, clientId: client.id, version: 1 });
    const id = String(identifiers[0]?.['id']);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'outcome', entityId: id, clientId: client.id });
    if (dto.kind === 'b1' && dto.level) await this.goals.achieveLanguageGoals(client.id, dto.level, dto.achievedOn);
    return toOutcomeResponse(await this.find(client.id, id));
  }

  async update(clientId: string, id: string, dto: UpdateOutcomeDto): Promise<OutcomeResponse> {
    const client = await this.access.writable(clientId);
    const current = await this.find(client.id, id);
    const changes = Object.fromEntries(DETAIL_FIELDS.filter((field) => dto[field] !== undefined).map((field) => [field, dto[field]]));
    assertConsistent(current.kind, { ...current, ...changes } as OutcomeDetails);
    await versionedUpdate(this.txHost.tx, OutcomeEntity, id, dto.version, changes, notFound, { client_id: client.id });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'outcome', entityId: id, clientId: client.id });
    return toOutcomeResponse(await this.find(client.id, id));
  }

  private async find(clientId: string, id: string): Promise<OutcomeEntity> {
    const row = await this.repository.findOne({ where: { id, clientId } });
    if (!row) throw notFound();
    return row;
  }
}
