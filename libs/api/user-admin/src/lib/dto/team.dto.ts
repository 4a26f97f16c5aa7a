import { ApiProperty } from '@nestjs/swagger';
import { Trim } from '@wegweiser/api/core';
import { CASELOAD_LIMITS, CreateTeamRequest, UpdateCaseloadLimitRequest, UpdateTeamRequest } from '@wegweiser/shared/contracts';
import { IsDefined, IsInt, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

const TEAM_NAME_MAX_LENGTH = 100;

export class CreateTeamDto implements CreateTeamRequest {
  @ApiProperty({ example: 'Team Nord' })
  @Trim()
  @MaxLength(TEAM_NAME_MAX_LENGTH)
  @MinLength(1)
  @IsString()
  name!: string;
}

export class UpdateTeamDto implements UpdateTeamRequest {
  @ApiProperty({ example: 'Team Nord-Ost' })
  @Trim()
  @MaxLength(TEAM_NAME_MAX_LENGTH)
  @MinLength(1)
  @IsString()
  name!: string;
}

/** Both limits at once; null removes one. Recommended above maximum is refused by the service (400). */
export class UpdateCaseloadLimitDto implements UpdateCaseloadLimitRequest {
  @ApiProperty({ type: Number, nullable: true, example: 70, minimum: CASELOAD_LIMITS.min, maximum: CASELOAD_LIMITS.max })
  @Max(CASELOAD_LIMITS.max)
  @Min(CASELOAD_LIMITS.min)
  @IsInt()
  @ValidateIf((_, value) => value !== null)
  @IsDefined()
  caseloadRecommended!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 80, minimum: CASELOAD_LIMITS.min, maximum: CASELOAD_LIMITS.max })
  @Max(CASELOAD_LIMITS.max)
  @Min(CASELOAD_LIMITS.min)
  @IsInt()
  @ValidateIf((_, value) => value !== null)
  @IsDefined()
  caseloadMaximum!: number | null;
}
