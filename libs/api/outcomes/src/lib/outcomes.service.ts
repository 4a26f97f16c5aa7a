import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { calendarToday } from '@wegweiser/api/core';
import { hydrateJsonRows, jsonRowsSql, StatementPart, versionedUpdate } from '@wegweiser/api/database';
import { GoalsService } from '@wegweiser/api/plans';
import { LanguageSkillsService } from '@wegweiser/api/qualifications';
import {
  CASE_ERROR_CODES,
  CefrLevel,
  ClosedGoalResponse,
  ERROR_CODES,
  GoalState,
  OUTCOME_ERROR_CODES,
  OutcomeCreatedResponse,
  OutcomeDetails,
  OutcomeResponse,
  OutcomeUndoneResponse,
} from '@wegweiser/shared/contracts';
import { CreateOutcomeDto, UndoOutcomeDto, UpdateOutcomeDto } from './dto/outcome.dto';
import { OutcomeEffects, OutcomeEntity } from './outcome.entity';
import { OutcomeFieldErrors, outcomeDateProblems, outcomeDetailProblems, touchedDateProblems } from './outcome-rules';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such outcome.' });

export function toOutcomeResponse(o: OutcomeEntity): OutcomeResponse {
  return {
    id: o.id,
    clientId: o.clientId,
    kind: o.kind,
    achievedOn: o.achievedOn,
    endedOn: o.endedOn,
    presentAtStart: o.presentAtStart,
    completed: o.completed,
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

/** 422 naming every field whose value breaks a rule of outcomes (the request itself was well-formed); nothing is stored. */
function assertValid(errors: OutcomeFieldErrors): void {
  if (Object.keys(errors).length > 0) {
    throw new UnprocessableEntityException({ code: ERROR_CODES.validationFailed, message: `Invalid fields: ${Object.keys(errors).join(', ')}`, errors });
  }
}

interface GoalRow {
  id: string;
  target: string;
  target_level: CefrLevel | null;
  state: GoalState;
  state_changed_on: string;
}
const toClosedGoal = (row: GoalRow): ClosedGoalResponse => ({ id: row.id, target: row.target, targetLevel: row.target_level });

const DETAIL_FIELDS = ['achievedOn', 'endedOn', 'presentAtStart', 'completed', 'level', 'certificate', 'employmentKind', 'fullTime', 'matchesQualification', 'description'] as const;

/**
 * Outcomes of a client (B1, employment, apprenticeship, studies), behind `ClientAccess`; reads and changes audited.
 * A recorded language level achieves the client's language goals up to that level and raises the client's German to
 * at least that level (same transaction); what it changed is kept with the outcome, so that undo can restore it.
 * The same outcome twice is refused (409 `outcomeExists`).
 */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly access: ClientAccess,
    private readonly goals: GoalsService,
    private readonly languages: LanguageSkillsService,
  ) {}

  private get repository() {
    return this.txHost.tx.getRepository(OutcomeEntity);
  }

  /** In the order they happened. */
  async list(clientId: string): Promise<OutcomeResponse[]> {
    const client = await this.access.readable(clientId);
    const rows = await this.repository.find({ where: { clientId: client.id }, order: { achievedOn: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'outcome_list', entityId: client.id, clientId: client.id });
    return rows.map(toOutcomeResponse);
  }

  /** The client file's part (`$1` = the client, access checked and the read audited by the file): as `list`. */
  filePart(): StatementPart<OutcomeResponse[]> {
    const tx = this.txHost.tx;
    return {
      sql: jsonRowsSql(tx, OutcomeEntity, 't.client_id = $1', 't.achieved_on, t.created_at, t.id'),
      read: (json) => hydrateJsonRows(tx, OutcomeEntity, json).map(toOutcomeResponse),
    };
  }

  async create(clientId: string, dto: CreateOutcomeDto): Promise<OutcomeCreatedResponse> {
    const client = await this.access.writable(clientId);
    assertValid({ ...outcomeDetailProblems(dto.kind, dto), ...outcomeDateProblems(dto, client.supportStart, calendarToday()) });
    await this.refuseDuplicate(client.id, dto);
    const values = { ...Object.fromEntries(DETAIL_FIELDS.map((field) => [field, dto[field] ?? null])), presentAtStart: dto.presentAtStart ?? false };
    const { identifiers } = await this.repository.insert({ ...values, kind: dto.kind, municipalityId: client.municipalityId, clientId: client.id, version: 1 });
    const id = String(identifiers[0]?.['id']);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'outcome', entityId: id, clientId: client.id });
    const response = { closedGoals: [] as ClosedGoalResponse[], germanLevel: null as OutcomeCreatedResponse['effects']['germanLevel'] };
    if (dto.kind === 'b1' && dto.level) {
      const pending = (await this.txHost.tx.query(
        `SELECT id, target, target_level, state, state_changed_on::text FROM goal WHERE client_id = $1 AND field_of_action = 'language' AND state IN ('open', 'in_progress')`,
        [client.id],
      )) as GoalRow[];
      // Present at the start: the goals are achieved from the start on (not before they could exist).
      const achievedOn = dto.presentAtStart && client.supportStart > dto.achievedOn ? client.supportStart : dto.achievedOn;
      const closed = new Set(await this.goals.achieveLanguageGoals(client.id, dto.level, achievedOn));
      const closedRows = pending.filter((row) => closed.has(row.id));
      const german = await this.languages.raiseGerman(client.id, dto.level, dto.certificate ?? null, dto.achievedOn);
      const effects: OutcomeEffects = {
        goals: closedRows.map((row) => ({ id: row.id, state: row.state, stateChangedOn: row.state_changed_on })),
        german: german ? { ...german, level: dto.level } : null,
      };
      await this.repository.update({ id, clientId: client.id }, { effects });
      response.closedGoals = closedRows.map(toClosedGoal);
      response.germanLevel = german ? { from: german.previous?.level ?? null, to: dto.level } : null;
    }
    return { ...toOutcomeResponse(await this.find(client.id, id)), effects: response };
  }

  /**
   * "Rückgängig" right after recording: removes the outcome and restores the goals it closed (those still achieved)
   * and the German entry it raised (unless changed since). Every step is audited, and the timeline keeps the trace.
   */
  async undo(clientId: string, id: string, dto: UndoOutcomeDto): Promise<OutcomeUndoneResponse> {
    const client = await this.access.writable(clientId, { intent: 'delete' });
    const outcome = await this.find(client.id, id);
    if (outcome.version !== dto.version) {
      throw new ConflictException({ code: CASE_ERROR_CODES.staleVersion, message: 'Someone else changed this in the meantime.', currentVersion: outcome.version });
    }
    const restoredGoals: ClosedGoalResponse[] = [];
    for (const goal of outcome.effects?.goals ?? []) {
      const rows = (await this.txHost.tx.query(
        `UPDATE goal SET state = $3, state_changed_on = $4, version = version + 1, updated_at = now()
          WHERE id = $1 AND client_id = $2 AND state = 'achieved' RETURNING id, target, target_level`,
        [goal.id, client.id, goal.state, goal.stateChangedOn],
      )) as [GoalRow[], number] | GoalRow[];
      const row = (Array.isArray(rows[0]) ? rows[0] : rows) as GoalRow[];
      if (!row[0]) continue;
      restoredGoals.push(toClosedGoal(row[0]));
      await this.audit.record({ action: 'update', outcome: 'success', entityType: 'goal', entityId: goal.id, clientId: client.id });
    }
    const german = outcome.effects?.german;
    if (german) await this.languages.restoreGerman(client.id, german, german.level);
    await this.repository.delete({ id, clientId: client.id });
    await this.audit.record({ action: 'delete', outcome: 'success', entityType: 'outcome', entityId: id, clientId: client.id });
    const [now] = (await this.txHost.tx.query(`SELECT level FROM language_skill WHERE client_id = $1 AND language = 'de'`, [client.id])) as { level: CefrLevel }[];
    return { restoredGoals, germanLevel: now?.level ?? null };
  }

  /** The same outcome twice (a double save, or recorded by two people): same kind on the same day, and for B1 the same level. */
  private async refuseDuplicate(clientId: string, dto: CreateOutcomeDto): Promise<void> {
    const where = { clientId, kind: dto.kind, achievedOn: dto.achievedOn, ...(dto.kind === 'b1' && dto.level ? { level: dto.level } : {}) };
    if (await this.repository.exists({ where })) {
      throw new ConflictException({ code: OUTCOME_ERROR_CODES.outcomeExists, message: 'This outcome is already recorded.' });
    }
  }

  async update(clientId: string, id: string, dto: UpdateOutcomeDto): Promise<OutcomeResponse> {
    const client = await this.access.writable(clientId);
    const current = await this.find(client.id, id);
    const changes = Object.fromEntries(DETAIL_FIELDS.filter((field) => dto[field] !== undefined).map((field) => [field, dto[field]]));
    const merged = { ...current, ...changes } as OutcomeDetails;
    const dates = touchedDateProblems(outcomeDateProblems(merged, client.supportStart, calendarToday()), new Set(Object.keys(changes)));
    assertValid({ ...outcomeDetailProblems(current.kind, merged), ...dates });
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
