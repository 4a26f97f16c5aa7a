import { Controller, Get, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { API_ROUTES, AuditPageResponse } from '@wegweiser/shared/contracts';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { RequirePermission } from '@wegweiser/api/core';

/**
 * The audit trail of the own municipality, for data protection officers.
 * Reading it is not itself audited (that would only audit the auditors'
 * paging); nothing of it is logged.
 */
@ApiTags('audit')
@Controller(API_ROUTES.audit)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOkResponse({ description: 'AuditPageResponse: newest first; pass `nextBefore` as `before` for the next page.' })
  @ApiUnauthorizedResponse({ description: 'Not signed in.' })
  @ApiForbiddenResponse({ description: 'Role without `audit:read` (only dpo).' })
  list(@Query() query: AuditQueryDto): Promise<AuditPageResponse> {
    return this.audit.list(query);
  }
}
