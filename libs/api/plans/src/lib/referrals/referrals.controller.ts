import { Body, Controller, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { PLAN_ROUTES, ReferralResponse } from '@wegweiser/shared/contracts';
import { CreateReferralDto, UpdateReferralDto } from '../dto/plan.dto';
import { ReferralsService } from './referrals.service';

/** Referrals of a client to partners' offers (need a valid consent for the partner). */
@ApiTags('plan')
@RequirePermission('client:write')
@Controller(`${PLAN_ROUTES.plan}/referrals`)
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  create(@Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: CreateReferralDto): Promise<ReferralResponse> {
    return this.referrals.create(clientId, dto);
  }

  @Patch(':referralId')
  update(
    @Param('clientId', ParseUUIDPipe) clientId: string,
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @Body() dto: UpdateReferralDto,
  ): Promise<ReferralResponse> {
    return this.referrals.update(clientId, referralId, dto);
  }
}
