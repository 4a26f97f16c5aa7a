import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AuditAction, AuditSearchRequest, CASE_NUMBER_PATTERN } from '@wegweiser/shared/contracts';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { AUDIT_PAGE_DEFAULT_LIMIT, AUDIT_PAGE_MAX_LIMIT } from '../../audit-page';
import { DATE_TIME_WITH_OFFSET, ISO_STRICT } from '../../dto/audit-query.dto';

/** Body of `POST /api/audit/export`: the table's filters (no paging: the export holds every page). */
export class AuditExportDto implements AuditSearchRequest {
  @ApiPropertyOptional({ description: 'The client’s case number (Aktenzeichen).', example: 'BH-2026-00012' })
  @IsOptional()
  @Matches(CASE_NUMBER_PATTERN)
  caseNumber?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only events by this account of the municipality.' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events at or after this time, with an explicit offset (2026-01-31T00:00:00+01:00).' })
  @IsOptional()
  @IsISO8601(ISO_STRICT)
  @Matches(DATE_TIME_WITH_OFFSET)
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events before this time (exclusive), with an explicit offset.' })
  @IsOptional()
  @IsISO8601(ISO_STRICT)
  @Matches(DATE_TIME_WITH_OFFSET)
  to?: string;
}

/** Body of `POST /api/audit/search`: the filters plus the keyset cursor and page size. */
export class AuditSearchDto extends AuditExportDto {
  @ApiPropertyOptional({ description: 'Cursor: `nextBefore` of the previous page.' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/)
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_PAGE_MAX_LIMIT, default: AUDIT_PAGE_DEFAULT_LIMIT })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_MAX_LIMIT)
  limit?: number;
}
