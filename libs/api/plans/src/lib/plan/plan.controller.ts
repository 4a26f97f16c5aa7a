import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { PLAN_ROUTES, PlanAgreementResponse, PlanAgreementSummaryResponse, PlanResponse } from '@wegweiser/shared/contracts';
import { AgreePlanDto } from '../dto/plan.dto';
import { PlanService } from './plan.service';

/** A client's integration plan and its agreed versions. */
@ApiTags('plan')
@Controller(PLAN_ROUTES.plan)
export class PlanController {
  constructor(private readonly plan: PlanService) {}

  @RequirePermission('client:read')
  @Get()
  get(@Param('clientId', ParseUUIDPipe) clientId: string): Promise<PlanResponse> {
    return this.plan.get(clientId);
  }

  @RequirePermission('client:read')
  @Get('agreements')
  agreements(@Param('clientId', ParseUUIDPipe) clientId: string): Promise<PlanAgreementSummaryResponse[]> {
    return this.plan.agreements(clientId);
  }

  @RequirePermission('client:read')
  @Get('agreements/:version')
  agreement(@Param('clientId', ParseUUIDPipe) clientId: string, @Param('version', ParseIntPipe) version: number): Promise<PlanAgreementResponse> {
    return this.plan.agreement(clientId, version);
  }

  @RequirePermission('client:write')
  @Post('agree')
  agree(@Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: AgreePlanDto): Promise<PlanAgreementResponse> {
    return this.plan.agree(clientId, dto);
  }
}
