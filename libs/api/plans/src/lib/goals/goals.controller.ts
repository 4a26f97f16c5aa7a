import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { GoalResponse, GoalStepResponse, PLAN_ROUTES } from '@wegweiser/shared/contracts';
import { CreateGoalDto, CreateGoalStepDto, DeleteGoalQueryDto, UpdateGoalDto, UpdateGoalStepDto } from '../dto/plan.dto';
import { GoalStepsService } from './goal-steps.service';
import { GoalsService } from './goals.service';

/** Goals of a client's plan and their agreed steps. */
@ApiTags('plan')
@RequirePermission('client:write')
@Controller(`${PLAN_ROUTES.plan}/goals`)
export class GoalsController {
  constructor(
    private readonly goals: GoalsService,
    private readonly steps: GoalStepsService,
  ) {}

  @Post()
  create(@Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: CreateGoalDto): Promise<GoalResponse> {
    return this.goals.create(clientId, dto);
  }

  @Patch(':goalId')
  update(@Param('clientId', ParseUUIDPipe) clientId: string, @Param('goalId', ParseUUIDPipe) goalId: string, @Body() dto: UpdateGoalDto): Promise<GoalResponse> {
    return this.goals.update(clientId, goalId, dto);
  }

  @Delete(':goalId')
  @HttpCode(204)
  remove(@Param('clientId', ParseUUIDPipe) clientId: string, @Param('goalId', ParseUUIDPipe) goalId: string, @Query() query: DeleteGoalQueryDto): Promise<void> {
    return this.goals.remove(clientId, goalId, query.version);
  }

  @Post(':goalId/steps')
  createStep(
    @Param('clientId', ParseUUIDPipe) clientId: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Body() dto: CreateGoalStepDto,
  ): Promise<GoalStepResponse> {
    return this.steps.create(clientId, goalId, dto);
  }

  @Patch(':goalId/steps/:stepId')
  updateStep(
    @Param('clientId', ParseUUIDPipe) clientId: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Param('stepId', ParseUUIDPipe) stepId: string,
    @Body() dto: UpdateGoalStepDto,
  ): Promise<GoalStepResponse> {
    return this.steps.update(clientId, goalId, stepId, dto);
  }
}
