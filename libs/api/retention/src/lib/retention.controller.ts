import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/auth';
import { API_ROUTES, ErasureRequestResponse, LegalHoldResponse, RetentionDryRunResponse, RetentionPolicyResponse } from '@wegweiser/shared/contracts';
import { ErasureRequestDto, ErasureRequestListQueryDto, LegalHoldDto, RetentionDryRunQueryDto, RetentionPolicyDto } from './dto/retention.dto';
import { ErasureRequestsService } from './erasure-requests.service';
import { LegalHoldService } from './legal-hold.service';
import { RetentionPolicyService } from './retention-policy.service';

/** `/api/retention`: the municipality's policy and the dry run (administrators). */
@ApiTags('retention')
@Controller(API_ROUTES.retention)
export class RetentionController {
  constructor(private readonly policy: RetentionPolicyService) {}

  @RequirePermission('retention:manage')
  @Get('policy')
  get(): Promise<RetentionPolicyResponse> {
    return this.policy.get();
  }

  @RequirePermission('retention:manage')
  @Put('policy')
  put(@Body() dto: RetentionPolicyDto): Promise<RetentionPolicyResponse> {
    return this.policy.put(dto);
  }

  /** What the retention job would erase (case numbers only); changes nothing. */
  @RequirePermission('retention:manage')
  @Get('dry-run')
  dryRun(@Query() query: RetentionDryRunQueryDto): Promise<RetentionDryRunResponse> {
    return this.policy.dryRun(query.today);
  }
}

/** Legal holds and erasure requests of one client (team leads, their team's clients). */
@ApiTags('clients')
@Controller(API_ROUTES.clients)
export class ClientRetentionController {
  constructor(
    private readonly holds: LegalHoldService,
    private readonly requests: ErasureRequestsService,
  ) {}

  @RequirePermission('client:legal-hold')
  @Put(':id/legal-hold')
  setHold(@Param('id', ParseUUIDPipe) id: string, @Body() dto: LegalHoldDto): Promise<LegalHoldResponse> {
    return this.holds.set(id, dto);
  }

  @RequirePermission('client:legal-hold')
  @Delete(':id/legal-hold')
  @HttpCode(204)
  liftHold(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.holds.lift(id);
  }

  @RequirePermission('client:erasure-request')
  @Post(':id/erasure-requests')
  request(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ErasureRequestDto): Promise<ErasureRequestResponse> {
    return this.requests.create(id, dto.reason);
  }
}

/** `/api/erasure-requests`: the administrator reviews and confirms (four eyes). */
@ApiTags('retention')
@Controller(API_ROUTES.erasureRequests)
export class ErasureRequestsController {
  constructor(private readonly requests: ErasureRequestsService) {}

  @RequirePermission('retention:manage')
  @Get()
  list(@Query() query: ErasureRequestListQueryDto): Promise<ErasureRequestResponse[]> {
    return this.requests.list(query.state);
  }

  @RequirePermission('retention:manage')
  @Post(':id/confirm')
  @HttpCode(200)
  confirm(@Param('id', ParseUUIDPipe) id: string): Promise<ErasureRequestResponse> {
    return this.requests.confirm(id);
  }
}
