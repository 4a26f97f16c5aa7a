import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLIENT_LIMITS,
  CLIENT_SORTS,
  ClientListQuery,
  ClientSort,
  FieldOfAction,
  FIELDS_OF_ACTION,
  GOAL_STATES,
  GoalState,
  SUPPORT_STATES,
  SupportState,
  WINDOW_ENDS_WITHIN_MAX_MONTHS,
} from '@wegweiser/shared/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '@wegweiser/api/core';

/** Query flags arrive as strings: only `true`/`false` are booleans. */
const QueryBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

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

  @ApiPropertyOptional({ description: "Only the signed-in user's own caseload" })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  mine?: boolean;

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

  @ApiPropertyOptional({ format: 'date', description: 'Support window ends on or after this day (with windowEndsBefore: a month)' })
  @IsOptional()
  @IsCalendarDate()
  windowEndsAfter?: string;

  @ApiPropertyOptional({ description: 'Only open cases (support active or paused)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  openCases?: boolean;

  @ApiPropertyOptional({ enum: GOAL_STATES, description: 'Has a goal in this state (in fieldOfAction if given)' })
  @IsOptional()
  @IsIn(GOAL_STATES)
  goalState?: GoalState;

  @ApiPropertyOptional({ format: 'date', description: 'No contact on or after this day; never contacted: counted from the support start' })
  @IsOptional()
  @IsCalendarDate()
  noContactSince?: string;

  @ApiPropertyOptional({ description: 'Has an open or in-progress goal due before today' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  goalsOverdue?: boolean;

  @ApiPropertyOptional({ description: 'Has a step not done, due before today, of an open or in-progress goal' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  stepsOverdue?: boolean;

  @ApiPropertyOptional({ description: "The latest plan review is submitted (waits for the team lead's sign-off)" })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  planAwaitingSignOff?: boolean;

  @ApiPropertyOptional({ description: 'Has a pending request to extend the support window' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  extensionPending?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: WINDOW_ENDS_WITHIN_MAX_MONTHS, description: 'An open case whose support window ends between today and today + N months' })
  @IsOptional()
  @Type(() => Number)
  @Max(WINDOW_ENDS_WITHIN_MAX_MONTHS)
  @Min(1)
  @IsInt()
  windowEndsWithinMonths?: number;

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
