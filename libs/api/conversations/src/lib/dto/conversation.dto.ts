import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIsoDateTime, IsOptionalNotNull, MultiLine, Trim } from '@wegweiser/api/core';
import {
  CONVERSATION_AGREEMENTS_MAX_LENGTH,
  CONVERSATION_DURATION,
  CONVERSATION_FORMS,
  CONVERSATION_NOTE_MAX_LENGTH,
  ConversationForm,
  CreateConversationRequest,
  FIELDS_OF_ACTION,
  FieldOfAction,
  INTERPRETER_KINDS,
  InterpreterKind,
  LANGUAGE_CODE_PATTERN,
  UpdateConversationRequest,
} from '@wegweiser/shared/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateConversationDto implements CreateConversationRequest {
  @ApiProperty({ format: 'date-time', example: '2026-03-02T09:30:00+01:00' })
  @IsIsoDateTime()
  heldAt!: string;

  @ApiProperty({ minimum: CONVERSATION_DURATION.min, maximum: CONVERSATION_DURATION.max })
  @IsInt()
  @Min(CONVERSATION_DURATION.min)
  @Max(CONVERSATION_DURATION.max)
  durationMinutes!: number;

  @ApiProperty({ enum: CONVERSATION_FORMS })
  @IsIn(CONVERSATION_FORMS)
  form!: ConversationForm;

  @ApiProperty({ enum: INTERPRETER_KINDS })
  @IsIn(INTERPRETER_KINDS)
  interpreter!: InterpreterKind;

  @ApiProperty({ example: 'de' })
  @Matches(LANGUAGE_CODE_PATTERN)
  language!: string;

  @ApiProperty({ enum: FIELDS_OF_ACTION, isArray: true })
  @IsArray()
  @ArrayMaxSize(FIELDS_OF_ACTION.length)
  @ArrayUnique()
  @IsIn(FIELDS_OF_ACTION, { each: true })
  topics!: FieldOfAction[];

  @ApiProperty({ maxLength: CONVERSATION_NOTE_MAX_LENGTH })
  @MultiLine()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(CONVERSATION_NOTE_MAX_LENGTH)
  note!: string;

  @ApiPropertyOptional({ nullable: true, maxLength: CONVERSATION_AGREEMENTS_MAX_LENGTH })
  @IsOptional()
  @MultiLine()
  @Trim()
  @IsString()
  @MaxLength(CONVERSATION_AGREEMENTS_MAX_LENGTH)
  agreements?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date-time' })
  @IsOptional()
  @IsIsoDateTime()
  nextAppointmentAt?: string | null;
}

/** Only what is sent changes; `null` clears agreements or the next appointment, the other fields refuse it. */
export class UpdateConversationDto implements UpdateConversationRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptionalNotNull()
  @IsIsoDateTime()
  heldAt?: string;

  @ApiPropertyOptional({ minimum: CONVERSATION_DURATION.min, maximum: CONVERSATION_DURATION.max })
  @IsOptionalNotNull()
  @IsInt()
  @Min(CONVERSATION_DURATION.min)
  @Max(CONVERSATION_DURATION.max)
  durationMinutes?: number;

  @ApiPropertyOptional({ enum: CONVERSATION_FORMS })
  @IsOptionalNotNull()
  @IsIn(CONVERSATION_FORMS)
  form?: ConversationForm;

  @ApiPropertyOptional({ enum: INTERPRETER_KINDS })
  @IsOptionalNotNull()
  @IsIn(INTERPRETER_KINDS)
  interpreter?: InterpreterKind;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Matches(LANGUAGE_CODE_PATTERN)
  language?: string;

  @ApiPropertyOptional({ enum: FIELDS_OF_ACTION, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(FIELDS_OF_ACTION.length)
  @ArrayUnique()
  @IsIn(FIELDS_OF_ACTION, { each: true })
  topics?: FieldOfAction[];

  @ApiPropertyOptional({ maxLength: CONVERSATION_NOTE_MAX_LENGTH })
  @IsOptionalNotNull()
  @MultiLine()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(CONVERSATION_NOTE_MAX_LENGTH)
  note?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @MultiLine()
  @Trim()
  @IsString()
  @MaxLength(CONVERSATION_AGREEMENTS_MAX_LENGTH)
  agreements?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date-time' })
  @IsOptional()
  @IsIsoDateTime()
  nextAppointmentAt?: string | null;
}
