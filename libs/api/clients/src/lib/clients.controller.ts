import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/auth';
import { API_ROUTES, ClientPageResponse, ClientResponse } from '@wegweiser/shared/contracts';
import { ClientsService } from './clients.service';
import { CreateClientDto, UpdateClientDto } from './dto/client.dto';
import { ClientListQueryDto } from './dto/client-list.dto';

@ApiTags('clients')
@Controller(API_ROUTES.clients)
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @RequirePermission('client:read')
  @Get()
  list(@Query() query: ClientListQueryDto): Promise<ClientPageResponse> {
    return this.clients.list(query);
  }

  /** The case number is allocated here (per municipality and year). */
  @RequirePermission('client:write')
  @Post()
  create(@Body() dto: CreateClientDto): Promise<ClientResponse> {
    return this.clients.create(dto);
  }

  @RequirePermission('client:read')
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ClientResponse> {
    return this.clients.get(id);
  }

  @RequirePermission('client:write')
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateClientDto): Promise<ClientResponse> {
    return this.clients.update(id, dto);
  }
}
