import { ApiPropertyOptional } from '@nestjs/swagger';
import { TEAM_DASHBOARD_LIMITS, TeamDashboardQuery } from '@wegweiser/shared/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** `GET /api/team/dashboard`: the N of "no contact for more than N weeks", and whether to compute the figures now. */
export class TeamDashboardQueryDto implements TeamDashboardQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: TEAM_DASHBOARD_LIMITS.noContactWeeksMax, default: TEAM_DASHBOARD_LIMITS.noContactWeeksDefault })
  @IsOptional()
  @Type(() => Number)
  @Max(TEAM_DASHBOARD_LIMITS.noContactWeeksMax)
  @Min(1)
  @IsInt()
  noContactWeeks?: number;

  @ApiPropertyOptional({ description: 'Compute the figures now (else those computed within the last minute may answer)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  refresh?: boolean;
}
