import { ApiProperty } from '@nestjs/swagger';
import { Trim } from '@wegweiser/api/core';
import { CreateTeamRequest, UpdateTeamRequest } from '@wegweiser/shared/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';

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
