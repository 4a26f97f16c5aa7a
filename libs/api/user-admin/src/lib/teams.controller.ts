import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { API_ROUTES, TeamResponse } from '@wegweiser/shared/contracts';
import { CreateTeamDto, UpdateTeamDto } from './dto/team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@RequirePermission('team:manage')
@Controller(API_ROUTES.teams)
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  list(): Promise<TeamResponse[]> {
    return this.teams.list();
  }

  @Post()
  create(@Body() dto: CreateTeamDto): Promise<TeamResponse> {
    return this.teams.create(dto);
  }

  @Patch(':id')
  rename(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTeamDto): Promise<TeamResponse> {
    return this.teams.rename(id, dto);
  }
}
