import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { PLAN_REVIEW_ROUTES, PLAN_ROUTES, PlanReviewListItemResponse, PlanReviewResponse } from '@wegweiser/shared/contracts';
import { ApprovePlanReviewDto, PlanReviewListQueryDto, ReturnPlanReviewDto } from '../dto/plan-review.dto';
import { PlanReviewService } from './plan-review.service';

/** The sign-off of one client's plan: submit (responsible manager), approve or return (team lead), history. */
@ApiTags('plan')
@Controller(PLAN_ROUTES.plan)
export class PlanReviewController {
  constructor(private readonly reviews: PlanReviewService) {}

  @RequirePermission('client:read')
  @Get('reviews')
  history(@Param('clientId', ParseUUIDPipe) clientId: string): Promise<PlanReviewResponse[]> {
    return this.reviews.history(clientId);
  }

  /** The latest agreed version goes to the team lead (409 when nothing is agreed, it waits already or is approved). */
  @RequirePermission('client:write')
  @Post('review/submit')
  submit(@Param('clientId', ParseUUIDPipe) clientId: string): Promise<PlanReviewResponse> {
    return this.reviews.submit(clientId);
  }

  @RequirePermission('plan:approve')
  @Post('review/approve')
  @HttpCode(200)
  approve(@Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: ApprovePlanReviewDto): Promise<PlanReviewResponse> {
    return this.reviews.approve(clientId, dto);
  }

  @RequirePermission('plan:approve')
  @Post('review/return')
  @HttpCode(200)
  returnToManager(@Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: ReturnPlanReviewDto): Promise<PlanReviewResponse> {
    return this.reviews.returnToManager(clientId, dto);
  }
}

/** The team lead's list of the team's plans waiting for sign-off. */
@ApiTags('plan')
@RequirePermission('plan:approve')
@Controller(PLAN_REVIEW_ROUTES.list)
export class PlanReviewListController {
  constructor(private readonly reviews: PlanReviewService) {}

  @Get()
  list(@Query() query: PlanReviewListQueryDto): Promise<PlanReviewListItemResponse[]> {
    return this.reviews.list(query.state ?? 'submitted');
  }
}
