import { ConflictException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { calendarToday } from '@wegweiser/api/core';
import { versionedUpdate } from '@wegweiser/api/database';
import { CASE_ERROR_CODES, CefrLevel, GoalResponse, GoalState, PLAN_ERROR_CODES } from '@wegweiser/shared/contracts';
import { In } from 'typeorm';
import { CreateGoalDto, UpdateGoalDto } from '../dto/plan.dto';
import { GoalEntity } from '../entities/goal.entity';
import { goalNotFound, PlanReader } from '../plan/plan-reader';
import { assertValid, levelsUpTo, notInFuture, targetLevelRule, withinWindow } from '../rules/plan-rules';

/** The goals of a client's plan; every write goes through ClientAccess.writable (own caseload, open case). */
@Injectable()
export class GoalsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
    private readonly reader: PlanReader,
  ) {}

  async create(clientId: string, dto: CreateGoalDto): Promise<GoalResponse> {
    const client = await this.access.writable(clientId);
    assertValid(targetLevelRule(dto.fieldOfAction, dto.targetLevel), withinWindow('dueOn', dto.dueOn, client));
    const inserted = await this.txHost.tx.getRepository(GoalEntity).insert({
      municipalityId: client.municipalityId,
      clientId,
      fieldOfAction: dto.fieldOfAction,
      target: dto.target,
      targetLevel: dto.targetLevel ?? null,
      dueOn: dto.dueOn,
      state: dto.state ?? 'open',
      stateChangedOn: calendarToday(),
    });
    const id = String(inserted.identifiers[0]?.['id']);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'goal', entityId: id, clientId });
    return this.reader.goal(clientId, id);
  }

  /** Only what is sent changes; a new state records the day it changed (today unless given). */
  async update(clientId: string, goalId: string, dto: UpdateGoalDto): Promise<GoalResponse> {
    const client = await this.access.writable(clientId);
    const goal = await this.reader.goalEntity(clientId, goalId);
    const { version, ...changes } = dto;
    const today = calendarToday();
    assertValid(
      targetLevelRule(changes.fieldOfAction ?? goal.fieldOfAction, changes.targetLevel === undefined ? goal.targetLevel : changes.targetLevel),
      withinWindow('dueOn', changes.dueOn, client),
      notInFuture('stateChangedOn', changes.stateChangedOn, today),
    );
    if (changes.state !== undefined && changes.state !== goal.state && changes.stateChangedOn === undefined) changes.stateChangedOn = today;
    await versionedUpdate(this.txHost.tx, GoalEntity, goalId, version, changes, goalNotFound, { client_id: clientId });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'goal', entityId: goalId, clientId });
    return this.reader.goal(clientId, goalId);
  }

  /**
   * A language level reached (e.g. a B1 certificate recorded as an outcome)
   * fulfils every open or in-progress language goal of the client whose target
   * level is at or below it: each becomes `achieved` on the day the level was
   * reached (version bumped, audited). Runs in the caller's transaction.
   * Returns the ids of the goals it changed.
   */
  async achieveLanguageGoals(clientId: string, level: CefrLevel, on: string): Promise<string[]> {
    const client = await this.access.writable(clientId);
    const pending: GoalState[] = ['open', 'in_progress'];
    const result = await this.txHost.tx
      .createQueryBuilder()
      .update(GoalEntity)
      .set({ state: 'achieved', stateChangedOn: on, version: () => 'version + 1' })
      .where({ clientId: client.id, fieldOfAction: 'language', state: In(pending), targetLevel: In(levelsUpTo(level)) })
      .returning(['id'])
      .execute();
    const ids = (result.raw as { id: string }[]).map((row) => row.id);
    for (const id of ids) await this.audit.record({ action: 'update', outcome: 'success', entityType: 'goal', entityId: id, clientId: client.id });
    return ids;
  }

  /**
   * Removes a goal entered by mistake, with its steps (referrals keep their
   * partner, without the goal). A goal of an agreed version stays: set it to `dropped`.
   */
  async remove(clientId: string, goalId: string, version: number): Promise<void> {
    await this.access.writable(clientId, { intent: 'delete' });
    await this.reader.goalEntity(clientId, goalId);
    const [{ agreed }] = await this.txHost.tx.query(
      `SELECT EXISTS (SELECT 1 FROM plan_agreement WHERE client_id = $1 AND snapshot -> 'goals' @> jsonb_build_array(jsonb_build_object('id', $2::text))) AS agreed`,
      [clientId, goalId],
    );
    if (agreed) throw new ConflictException({ code: PLAN_ERROR_CODES.goalAgreed, message: 'The goal is part of an agreed plan. Set it to dropped instead.' });
    const deleted = await this.txHost.tx.getRepository(GoalEntity).delete({ id: goalId, clientId, version });
    if (!deleted.affected) {
      const current = await this.reader.goalEntity(clientId, goalId);
      throw new ConflictException({ code: CASE_ERROR_CODES.staleVersion, message: 'Someone else changed this in the meantime.', currentVersion: current.version });
    }
    await this.audit.record({ action: 'delete', outcome: 'success', entityType: 'goal', entityId: goalId, clientId });
  }
}
