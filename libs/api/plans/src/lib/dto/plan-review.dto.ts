import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MultiLine, Trim } from '@wegweiser/api/core';
import { ApprovePlanReviewRequest, PLAN_REVIEW_LIMITS, PLAN_REVIEW_STATES, PlanReviewState, ReturnPlanReviewRequest } from '@wegweiser/shared/contracts';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';

/* Decorators run bottom-up; the type check sits closest to the property. */
export class ApprovePlanReviewDto implements ApprovePlanReviewRequest {
  @ApiProperty({ description: 'The version of the review read last' })
  @Min(1)
  @IsInt()
  version!: number;
}

export class ReturnPlanReviewDto implements ReturnPlanReviewRequest {
  @ApiProperty({ description: 'The version of the review read last' })
  @Min(1)
  @IsInt()
  version!: number;

  @ApiProperty({ maxLength: PLAN_REVIEW_LIMITS.commentMaxLength, description: 'Why the plan goes back to the manager' })
  @MultiLine()
  @Trim()
  @MaxLength(PLAN_REVIEW_LIMITS.commentMaxLength)
  @MinLength(1)
  @IsString()
  comment!: string;
}

export class PlanReviewListQueryDto {
  @ApiPropertyOptional({ enum: PLAN_REVIEW_STATES, default: 'submitted' })
  @IsOptional()
  @IsIn(PLAN_REVIEW_STATES)
  state?: PlanReviewState;
}
