import { ApiPropertyOptional } from '@nestjs/swagger';
import { CLIENT_LIMITS, CLIENT_SORTS, ClientListQuery, ClientSort, FieldOfAction, FIELDS_OF_ACTION, SUPPORT_STATES, SupportState } from '@wegweiser/shared/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '@wegweiser/api/core';

/** `GET /api/clients`: search, filters, sort, keyset pagination. Unknown parameters are refused (400). */
export class ClientListQueryDto implements ClientListQuery {
  @ApiPropertyOptional({ description: 'Part of a name (either script; ä = ae = a) or of the case number' })
  @IsOptional()
  @MaxLength(CLIENT_LIMITS.searchMaxLength)
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: SUPPORT_STATES })
  @IsOptional()
  @IsIn(SUPPORT_STATES)
  state?: SupportState;

  @ApiPropertyOptional({ format: 'uuid', description: 'Responsible manager' })
  @IsOptional()
  @IsUUID()
  managerId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Support window ends before this day' })
  @IsOptional()
  @IsCalendarDate()
  windowEndsBefore?: string;

  @ApiPropertyOptional({ format: 'date', description: 'No conversation on or after this day (never contacted included)' })
  @IsOptional()
  @IsCalendarDate()
  lastContactBefore?: string;

  @ApiPropertyOptional({ enum: FIELDS_OF_ACTION, description: 'Has an open or in-progress goal in this field of action' })
  @IsOptional()
  @IsIn(FIELDS_OF_ACTION)
  fieldOfAction?: FieldOfAction;

  @ApiPropertyOptional({
    enum: CLIENT_SORTS,
    default: 'name',
    description: 'name: by name; windowEnd: support window ending soonest first; lastContact: longest without contact first (never contacted first). Then by name, then id.',
  })
  @IsOptional()
  @IsIn(CLIENT_SORTS)
  sort?: ClientSort;

  @ApiPropertyOptional({ minimum: 1, maximum: CLIENT_LIMITS.pageSizeMax, default: CLIENT_LIMITS.pageSizeDefault })
  @IsOptional()
  @Type(() => Number)
  @Max(CLIENT_LIMITS.pageSizeMax)
  @Min(1)
  @IsInt()
  pageSize?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page (of the same sort)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]+$/)
  @MaxLength(1000)
  @IsString()
  cursor?: string;
}
