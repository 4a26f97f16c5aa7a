import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { API_ROUTES, ClientFileResponse, TimelineResponse } from '@wegweiser/shared/contracts';
import { CaseFileService } from './case-file.service';
import { TimelineQueryDto } from './timeline-query.dto';

@ApiTags('case-file')
@Controller(`${API_ROUTES.clients}/:clientId`)
export class CaseFileController {
  constructor(private readonly caseFile: CaseFileService) {}

  /** Everything of one client for the client file, in one response. */
  @RequirePermission('client:read')
  @Get('file')
  file(@Param('clientId', ParseUUIDPipe) clientId: string): Promise<ClientFileResponse> {
    return this.caseFile.file(clientId);
  }

  /** The client's events (conversations, goal changes, outcomes, consents, support), newest first. */
  @RequirePermission('client:read')
  @Get('timeline')
  timeline(@Param('clientId', ParseUUIDPipe) clientId: string, @Query() query: TimelineQueryDto): Promise<TimelineResponse> {
    return this.caseFile.timeline(clientId, query.limit ?? 200);
  }
}
