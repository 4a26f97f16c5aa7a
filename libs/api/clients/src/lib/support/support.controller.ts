import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/auth';
import { API_ROUTES, SupportExtensionListItemResponse, SupportExtensionResponse, SupportResponse } from '@wegweiser/shared/contracts';
import { CloseSupportDto, DecideExtensionDto, RejectExtensionDto, ExtensionListQueryDto, RequestExtensionDto, SupportTransitionDto } from './dto/support.dto';
import { SupportExtensionsService } from './support-extensions.service';
import { SupportService } from './support.service';

/** The support period of a client: state, window, history, extension requests. */
@ApiTags('support')
@Controller(`${API_ROUTES.clients}/:id/support`)
export class SupportController {
  constructor(
    private readonly support: SupportService,
    private readonly extensions: SupportExtensionsService,
  ) {}

  @RequirePermission('client:read')
  @Get()
  get(@Param('id', ParseUUIDPipe) id: string): Promise<SupportResponse> {
    return this.support.get(id);
  }

  @RequirePermission('client:write')
  @Post('pause')
  @HttpCode(200)
  pause(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SupportTransitionDto): Promise<SupportResponse> {
    return this.support.pause(id, dto.on, dto.note);
  }

  @RequirePermission('client:write')
  @Post('resume')
  @HttpCode(200)
  resume(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SupportTransitionDto): Promise<SupportResponse> {
    return this.support.resume(id, dto.on, dto.note);
  }

  @RequirePermission('client:write')
  @Post('close')
  @HttpCode(200)
  close(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CloseSupportDto): Promise<SupportResponse> {
    return this.support.close(id, dto.on, dto.reason);
  }

  /** Only within the window (409 `windowEnded` after it); the history is kept. */
  @RequirePermission('client:write')
  @Post('reopen')
  @HttpCode(200)
  reopen(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SupportTransitionDto): Promise<SupportResponse> {
    return this.support.reopen(id, dto.on, dto.note);
  }

  /** Stays pending (the window does not move) until the team lead approves. */
  @RequirePermission('client:write')
  @Post('extensions')
  requestExtension(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RequestExtensionDto): Promise<SupportExtensionResponse> {
    return this.extensions.request(id, dto);
  }
}

/** Decisions on extension requests: the team lead of the client's team. */
@ApiTags('support')
@RequirePermission('extension:approve')
@Controller(API_ROUTES.supportExtensions)
export class SupportExtensionsController {
  constructor(private readonly extensions: SupportExtensionsService) {}

  /** The requests of the team lead's team in `state` (default pending), oldest first, with the client and who asked. */
  @Get()
  list(@Query() query: ExtensionListQueryDto): Promise<SupportExtensionListItemResponse[]> {
    return this.extensions.list(query.state ?? 'pending');
  }

  /** Moves the client's window to the requested end. */
  @Post(':id/approve')
  @HttpCode(200)
  approve(@Param('id', ParseUUIDPipe) id: string, @Body() dto: DecideExtensionDto): Promise<SupportExtensionResponse> {
    return this.extensions.approve(id, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectExtensionDto): Promise<SupportExtensionResponse> {
    return this.extensions.reject(id, dto);
  }
}
