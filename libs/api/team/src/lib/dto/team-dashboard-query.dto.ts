import { ApiPropertyOptional } from '@nestjs/swagger';
import { TEAM_DASHBOARD_LIMITS, TeamDashboardQuery } from '@wegweiser/shared/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `GET /api/team/dashboard`: the N of "no contact for more than N weeks". */
export class TeamDashboardQueryDto implements TeamDashboardQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: TEAM_DASHBOARD_LIMITS.noContactWeeksMax, default: TEAM_DASHBOARD_LIMITS.noContactWeeksDefault })
  @IsOptional()
  @Type(() => Number)
  @Max(TEAM_DASHBOARD_LIMITS.noContactWeeksMax)
  @Min(1)
  @IsInt()
  noContactWeeks?: number;
}
