import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { API_ROUTES, TeamDashboardResponse } from '@wegweiser/shared/contracts';
import { TeamDashboardQueryDto } from './dto/team-dashboard-query.dto';
import { TeamDashboardService } from './team-dashboard.service';

@ApiTags('team')
@Controller(API_ROUTES.teamDashboard)
export class TeamDashboardController {
  constructor(private readonly dashboard: TeamDashboardService) {}

  /** Load per manager, windows ending, goals, contact and what waits for the team lead, for the own team. */
  @RequirePermission('team:dashboard')
  @Get()
  get(@Query() query: TeamDashboardQueryDto): Promise<TeamDashboardResponse> {
    return this.dashboard.dashboard(query.noContactWeeks, { refresh: query.refresh === true });
  }
}
