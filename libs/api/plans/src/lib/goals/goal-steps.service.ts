import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { calendarToday } from '@wegweiser/api/core';
import { versionedUpdate } from '@wegweiser/api/database';
import { ERROR_CODES, GoalStepResponse } from '@wegweiser/shared/contracts';
import { Repository } from 'typeorm';
import { CreateGoalStepDto, UpdateGoalStepDto } from '../dto/plan.dto';
import { GoalStepEntity } from '../entities/goal.entity';
import { toStepResponse } from '../plan/plan-mapping';
import { PlanReader } from '../plan/plan-reader';
import { assertValid, notInFuture, withinWindow } from '../rules/plan-rules';

const stepNotFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such step.' });

/** The agreed steps of a goal; the goal is looked up within the client first, the step within the goal. */
@Injectable()
export class GoalStepsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
    private readonly reader: PlanReader,
  ) {}

  private get steps(): Repository<GoalStepEntity> {
    return this.txHost.tx.getRepository(GoalStepEntity);
  }

  async create(clientId: string, goalId: string, dto: CreateGoalStepDto): Promise<GoalStepResponse> {
    const client = await this.access.writable(clientId);
    await this.reader.goalEntity(clientId, goalId);
    assertValid(withinWindow('dueOn', dto.dueOn, client));
    const inserted = await this.steps.insert({
      municipalityId: client.municipalityId,
      goalId,
      description: dto.description,
      assignee: dto.assignee,
      dueOn: dto.dueOn ?? null,
    });
    const id = String(inserted.identifiers[0]?.['id']);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'goal_step', entityId: id, clientId });
    return this.get(goalId, id);
  }

  async update(clientId: string, goalId: string, stepId: string, dto: UpdateGoalStepDto): Promise<GoalStepResponse> {
    const client = await this.access.writable(clientId);
    await this.reader.goalEntity(clientId, goalId);
    const { version, ...changes } = dto;
    assertValid(withinWindow('dueOn', changes.dueOn, client), notInFuture('doneOn', changes.doneOn, calendarToday()));
    await versionedUpdate(this.txHost.tx, GoalStepEntity, stepId, version, changes, stepNotFound, { goal_id: goalId });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'goal_step', entityId: stepId, clientId });
    return this.get(goalId, stepId);
  }

  private async get(goalId: string, id: string): Promise<GoalStepResponse> {
    const step = await this.steps.findOneBy({ id, goalId });
    if (!step) throw stepNotFound();
    return toStepResponse(step);
  }
}
