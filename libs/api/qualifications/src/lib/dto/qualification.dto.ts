import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsOptionalNotNull, Trim } from '@wegweiser/api/core';
import {
  CEFR_LEVELS,
  CefrLevel,
  COUNTRY_CODE_PATTERN,
  CreateWorkExperienceRequest,
  EDUCATION_CERTIFICATES,
  EducationCertificate,
  LANGUAGE_CODE_PATTERN,
  PutLanguageSkillRequest,
  RECOGNITION_STATES,
  RecognitionState,
  UpdateQualificationsRequest,
  UpdateWorkExperienceRequest,
} from '@wegweiser/shared/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const trimEach = () => Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value));

/** PUT replaces the record: a field not sent is cleared. */
export class UpdateQualificationsDto implements UpdateQualificationsRequest {
  @ApiProperty({ minimum: 0, description: '0: nothing recorded yet (creates the record)' })
  @IsInt()
  @Min(0)
  version!: number;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 25 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(25)
  schoolYears?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 'SY' })
  @IsOptional()
  @Matches(COUNTRY_CODE_PATTERN)
  schoolCountry?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: EDUCATION_CERTIFICATES })
  @IsOptional()
  @IsIn(EDUCATION_CERTIFICATES)
  schoolCertificate?: EducationCertificate | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  vocationalTraining?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  universityDegree?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: RECOGNITION_STATES, description: 'null: no foreign qualification to recognise' })
  @IsOptional()
  @IsIn(RECOGNITION_STATES)
  recognitionState?: RecognitionState | null;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptionalNotNull()
  @trimEach()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  interests?: string[];
}

export class CreateWorkExperienceDto implements CreateWorkExperienceRequest {
  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  occupation!: string;

  @ApiProperty({ minimum: 0, maximum: 60 })
  @IsInt()
  @Min(0)
  @Max(60)
  years!: number;

  @ApiPropertyOptional({ nullable: true, example: 'SY' })
  @IsOptional()
  @Matches(COUNTRY_CODE_PATTERN)
  country?: string | null;
}

export class UpdateWorkExperienceDto implements UpdateWorkExperienceRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  occupation?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 60 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(60)
  years?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(COUNTRY_CODE_PATTERN)
  country?: string | null;
}

/** PUT replaces the language's entry: a field not sent is cleared. */
export class PutLanguageSkillDto implements PutLanguageSkillRequest {
  @ApiProperty({ minimum: 0, description: '0: adds the language' })
  @IsInt()
  @Min(0)
  version!: number;

  @ApiProperty({ enum: CEFR_LEVELS })
  @IsIn(CEFR_LEVELS)
  level!: CefrLevel;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNotNull()
  @IsBoolean()
  native?: boolean;

  @ApiPropertyOptional({ nullable: true, example: 'telc Deutsch B1', description: 'German only' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  certificate?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'telc', description: 'German only' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  exam?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date', description: 'German only' })
  @IsOptional()
  @IsCalendarDate()
  certifiedOn?: string | null;
}

export class LanguageParamsDto {
  @IsUUID()
  clientId!: string;

  @Matches(LANGUAGE_CODE_PATTERN)
  language!: string;
}
