import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/auth';
import { API_ROUTES, DuplicateCheckResponse } from '@wegweiser/shared/contracts';
import { DuplicateCheckDto } from './duplicate-check.dto';
import { DuplicateCheckService } from './duplicate-check.service';

/** Search before create (intake): names and date of birth in the body, never in the URL (they would end up in logs). */
@ApiTags('clients')
@Controller(API_ROUTES.clients)
export class DuplicateCheckController {
  constructor(private readonly duplicates: DuplicateCheckService) {}

  /** Possible matches: the own team's with id, name and case number; another team's only as `{ teamName }` (audited). */
  @RequirePermission('client:write')
  @Post('duplicate-check')
  @HttpCode(200)
  check(@Body() dto: DuplicateCheckDto): Promise<DuplicateCheckResponse> {
    return this.duplicates.check(dto);
  }
}
