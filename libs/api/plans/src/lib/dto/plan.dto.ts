import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsOptionalNotNull, MultiLine, Trim } from '@wegweiser/api/core';
import {
  AgreePlanRequest,
  CEFR_LEVELS,
  CefrLevel,
  CreateGoalRequest,
  CreateGoalStepRequest,
  CreateReferralRequest,
  FIELDS_OF_ACTION,
  FieldOfAction,
  GOAL_STATES,
  GoalState,
  REFERRAL_STATES,
  ReferralState,
  STEP_ASSIGNEES,
  StepAssignee,
  UpdateGoalRequest,
  UpdateGoalStepRequest,
  UpdateReferralRequest,
} from '@wegweiser/shared/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';

export const PLAN_TEXT_MAX_LENGTH = 500;

/* Decorators run bottom-up; the first failure per field is reported, so the type check sits closest to the property. */
/** The version read last (optimistic locking); `IsInt` is applied (and so checked) first. */
const Version = () => applyDecorators(IsInt(), Min(1), ApiProperty({ description: 'The version read last (optimistic locking)' }));

export class CreateGoalDto implements CreateGoalRequest {
  @ApiProperty({ enum: FIELDS_OF_ACTION })
  @IsIn(FIELDS_OF_ACTION)
  fieldOfAction!: FieldOfAction;

  @ApiProperty({ example: 'Deutsch bis B1 mit Zertifikat' })
  @MultiLine()
  @Trim()
  @MaxLength(PLAN_TEXT_MAX_LENGTH)
  @MinLength(1)
  @IsString()
  target!: string;

  @ApiPropertyOptional({ enum: CEFR_LEVELS, description: 'Required for language goals, refused for others' })
  @IsOptional()
  @IsIn(CEFR_LEVELS)
  targetLevel?: CefrLevel;

  @ApiProperty({ example: '2027-06-30', description: 'Inside the support window' })
  @IsCalendarDate()
  dueOn!: string;

  @ApiPropertyOptional({ enum: GOAL_STATES, default: 'open' })
  @IsOptionalNotNull()
  @IsIn(GOAL_STATES)
  state?: GoalState;
}

export class UpdateGoalDto implements UpdateGoalRequest {
  @Version()
  version!: number;

  @ApiPropertyOptional({ enum: FIELDS_OF_ACTION })
  @IsOptionalNotNull()
  @IsIn(FIELDS_OF_ACTION)
  fieldOfAction?: FieldOfAction;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @MultiLine()
  @Trim()
  @MaxLength(PLAN_TEXT_MAX_LENGTH)
  @MinLength(1)
  @IsString()
  target?: string;

  @ApiPropertyOptional({ enum: CEFR_LEVELS, nullable: true })
  @IsOptional()
  @IsIn(CEFR_LEVELS)
  targetLevel?: CefrLevel | null;

  @ApiPropertyOptional({ description: 'Inside the support window' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  dueOn?: string;

  @ApiPropertyOptional({ enum: GOAL_STATES })
  @IsOptionalNotNull()
  @IsIn(GOAL_STATES)
  state?: GoalState;

  @ApiPropertyOptional({ description: 'When the state changed; default today when the state changes' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  stateChangedOn?: string;
}

/** `DELETE .../goals/:goalId?version=` */
export class DeleteGoalQueryDto {
  @Version()
  @Type(() => Number)
  version!: number;
}

export class CreateGoalStepDto implements CreateGoalStepRequest {
  @ApiProperty({ example: 'Zum Integrationskurs anmelden' })
  @Trim()
  @MaxLength(PLAN_TEXT_MAX_LENGTH)
  @MinLength(1)
  @IsString()
  description!: string;

  @ApiProperty({ enum: STEP_ASSIGNEES })
  @IsIn(STEP_ASSIGNEES)
  assignee!: StepAssignee;

  @ApiPropertyOptional({ description: 'Inside the support window' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;
}

export class UpdateGoalStepDto implements UpdateGoalStepRequest {
  @Version()
  version!: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Trim()
  @MaxLength(PLAN_TEXT_MAX_LENGTH)
  @MinLength(1)
  @IsString()
  description?: string;

  @ApiPropertyOptional({ enum: STEP_ASSIGNEES })
  @IsOptionalNotNull()
  @IsIn(STEP_ASSIGNEES)
  assignee?: StepAssignee;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'null reopens the step' })
  @IsOptional()
  @IsCalendarDate()
  doneOn?: string | null;
}

const NEW_REFERRAL_STATES = ['proposed', 'sent'] as const;

export class CreateReferralDto implements CreateReferralRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  partnerOfferId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A goal of the same client' })
  @IsOptional()
  @IsUUID()
  goalId?: string;

  @ApiPropertyOptional({ enum: NEW_REFERRAL_STATES, default: 'proposed' })
  @IsOptionalNotNull()
  @IsIn(NEW_REFERRAL_STATES)
  state?: 'proposed' | 'sent';

  @ApiPropertyOptional({ description: 'With state sent; default today' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  sentOn?: string;
}

export class UpdateReferralDto implements UpdateReferralRequest {
  @Version()
  version!: number;

  @ApiPropertyOptional({ enum: REFERRAL_STATES })
  @IsOptionalNotNull()
  @IsIn(REFERRAL_STATES)
  state?: ReferralState;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  goalId?: string | null;

  @ApiPropertyOptional({ description: 'With the move to sent; default today' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  sentOn?: string;
}

export class AgreePlanDto implements AgreePlanRequest {
  @ApiProperty({ example: '2026-03-02', description: 'Not in the future, inside the support window' })
  @IsCalendarDate()
  agreedOn!: string;
}
