import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsOptionalNotNull, Trim } from '@wegweiser/api/core';
import {
  B1_OR_HIGHER,
  B1OrHigher,
  CreateOutcomeRequest,
  CreateSoftRatingRequest,
  EMPLOYMENT_KINDS,
  EmploymentKind,
  OUTCOME_KINDS,
  OutcomeKind,
  SOFT_RATING_SCALE,
  UndoOutcomeRequest,
  UpdateOutcomeRequest,
} from '@wegweiser/shared/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** The details shared by POST and PATCH; which of them a kind needs is checked against the kind (`outcomeDetailProblems`). */
class OutcomeDetailsDto {
  @ApiPropertyOptional({ nullable: true, format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  endedOn?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Apprenticeship / studies with `endedOn`: completed (true) or broken off (false)' })
  @IsOptional()
  @IsBoolean()
  completed?: boolean | null;

  @ApiPropertyOptional({ description: '"Bei Beginn vorhanden": already there at the support start; the only case `achievedOn` may precede it' })
  @IsOptionalNotNull()
  @IsBoolean()
  presentAtStart?: boolean;

  @ApiPropertyOptional({ nullable: true, enum: B1_OR_HIGHER })
  @IsOptional()
  @IsIn(B1_OR_HIGHER)
  level?: B1OrHigher | null;

  @ApiPropertyOptional({ nullable: true, example: 'telc Deutsch B1' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  certificate?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: EMPLOYMENT_KINDS })
  @IsOptional()
  @IsIn(EMPLOYMENT_KINDS)
  employmentKind?: EmploymentKind | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  fullTime?: boolean | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  matchesQualification?: boolean | null;

  @ApiPropertyOptional({ nullable: true, description: 'E.g. the occupation or the subject of studies' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  description?: string | null;
}

export class CreateOutcomeDto extends OutcomeDetailsDto implements CreateOutcomeRequest {
  @ApiProperty({ enum: OUTCOME_KINDS })
  @IsIn(OUTCOME_KINDS)
  kind!: OutcomeKind;

  @ApiProperty({ format: 'date', description: 'b1: reached on; otherwise: started on. Not after today; before the support start only with `presentAtStart`' })
  @IsCalendarDate()
  achievedOn!: string;
}

export class UpdateOutcomeDto extends OutcomeDetailsDto implements UpdateOutcomeRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  achievedOn?: string;
}

/** `POST .../outcomes/:id/undo`: the version recorded (a changed outcome is not undone blindly). */
export class UndoOutcomeDto implements UndoOutcomeRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;
}

export class CreateSoftRatingDto implements CreateSoftRatingRequest {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  ratedOn!: string;

  @ApiProperty({ minimum: SOFT_RATING_SCALE.min, maximum: SOFT_RATING_SCALE.max })
  @IsInt()
  @Min(SOFT_RATING_SCALE.min)
  @Max(SOFT_RATING_SCALE.max)
  health!: number;

  @ApiProperty({ minimum: SOFT_RATING_SCALE.min, maximum: SOFT_RATING_SCALE.max })
  @IsInt()
  @Min(SOFT_RATING_SCALE.min)
  @Max(SOFT_RATING_SCALE.max)
  socialEnvironment!: number;

  @ApiPropertyOptional({ nullable: true, minimum: SOFT_RATING_SCALE.min, maximum: SOFT_RATING_SCALE.max, description: 'Null while not employed' })
  @IsOptional()
  @IsInt()
  @Min(SOFT_RATING_SCALE.min)
  @Max(SOFT_RATING_SCALE.max)
  employmentQuality?: number | null;
}
