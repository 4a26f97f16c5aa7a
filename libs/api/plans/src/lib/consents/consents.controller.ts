import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { ConsentResponse, PLAN_ROUTES } from '@wegweiser/shared/contracts';
import { CreateConsentDto, WithdrawConsentDto } from '../dto/consent.dto';
import { ConsentsService } from './consents.service';

@ApiTags('consents')
@Controller(PLAN_ROUTES.consents)
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @RequirePermission('client:read')
  @Get()
  list(@Param('clientId', ParseUUIDPipe) clientId: string): Promise<ConsentResponse[]> {
    return this.consents.list(clientId);
  }

  @RequirePermission('client:write')
  @Post()
  create(@Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: CreateConsentDto): Promise<ConsentResponse> {
    return this.consents.create(clientId, dto);
  }

  @RequirePermission('client:write')
  @Post(':consentId/withdraw')
  @HttpCode(200)
  withdraw(
    @Param('clientId', ParseUUIDPipe) clientId: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
    @Body() dto: WithdrawConsentDto,
  ): Promise<ConsentResponse> {
    return this.consents.withdraw(clientId, consentId, dto);
  }
}
