import { ApiPropertyOptional } from '@nestjs/swagger';
import { REMINDER_PAGE, ReminderListQuery } from '@wegweiser/shared/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** `GET /api/reminders`: unread only or all, newest first, offset paging. Unknown parameters are refused (400). */
export class ReminderListQueryDto implements ReminderListQuery {
  @ApiPropertyOptional({ description: 'Only reminders not yet marked read' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: REMINDER_PAGE.maxLimit, default: REMINDER_PAGE.defaultLimit })
  @IsOptional()
  @Type(() => Number)
  @Max(REMINDER_PAGE.maxLimit)
  @Min(1)
  @IsInt()
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @Min(0)
  @IsInt()
  offset?: number;
}
