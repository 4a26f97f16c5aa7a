import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { API_ROUTES, TeamDetailResponse, TeamMemberResponse, TeamResponse } from '@wegweiser/shared/contracts';
import { CreateTeamDto, UpdateCaseloadLimitDto, UpdateTeamDto } from './dto/team.dto';
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

  /** The team with its active members, their open caseloads and limits. */
  @Get(':id')
  detail(@Param('id', ParseUUIDPipe) id: string): Promise<TeamDetailResponse> {
    return this.teams.detail(id);
  }

  @Patch(':id')
  rename(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTeamDto): Promise<TeamResponse> {
    return this.teams.rename(id, dto);
  }

  /** A member's recommended and maximum caseload (null: no limit). */
  @Put(':id/members/:userId/caseload-limit')
  setCaseloadLimit(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: UpdateCaseloadLimitDto,
  ): Promise<TeamMemberResponse> {
    return this.teams.setCaseloadLimit(id, userId, dto);
  }
}
