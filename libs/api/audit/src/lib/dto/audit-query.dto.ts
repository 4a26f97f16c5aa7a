import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AuditAction } from '@wegweiser/shared/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { AUDIT_PAGE_DEFAULT_LIMIT, AUDIT_PAGE_MAX_LIMIT, AuditFilter } from '../audit-page';

/** A point in time with an explicit offset: the result must not depend on the server's time zone. */
export const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
export const ISO_STRICT = { strict: true, strictSeparator: true } as const;

/** Query of `GET /api/audit`; every filter is optional. */
export class AuditQueryDto implements AuditFilter {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only events concerning this client.' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only events by this user.' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events at or after this time (with offset, e.g. 2026-01-31T00:00:00Z).' })
  @IsOptional()
  @IsISO8601(ISO_STRICT)
  @Matches(DATE_TIME_WITH_OFFSET)
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events before this time (exclusive).' })
  @IsOptional()
  @IsISO8601(ISO_STRICT)
  @Matches(DATE_TIME_WITH_OFFSET)
  to?: string;

  @ApiPropertyOptional({ description: 'Cursor: `nextBefore` of the previous page (events with a smaller id).' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/)
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_PAGE_MAX_LIMIT, default: AUDIT_PAGE_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_MAX_LIMIT)
  limit?: number;
}
