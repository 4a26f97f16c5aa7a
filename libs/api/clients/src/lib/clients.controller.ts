import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/auth';
import { API_ROUTES, ClientPageResponse, ClientSummaryResponse } from '@wegweiser/shared/contracts';
import { ClientsService } from './clients.service';
import { ClientListQueryDto, UpdateClientDto } from './dto/client.dto';

@ApiTags('clients')
@Controller(API_ROUTES.clients)
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @RequirePermission('client:read')
  @Get()
  list(@Query() query: ClientListQueryDto): Promise<ClientPageResponse> {
    return this.clients.list(query);
  }

  @RequirePermission('client:read')
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ClientSummaryResponse> {
    return this.clients.get(id);
  }

  @RequirePermission('client:write')
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateClientDto): Promise<ClientSummaryResponse> {
    return this.clients.update(id, dto);
  }

  @RequirePermission('client:delete')
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.clients.remove(id);
  }
}
