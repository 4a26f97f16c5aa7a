import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLOSURE_REASONS,
  ClosureReason,
  CloseSupportRequest,
  DecideExtensionRequest,
  EXTENSION_LIMITS,
  EXTENSION_STATES,
  ExtensionState,
  RejectExtensionRequest,
  RequestExtensionRequest,
  SUPPORT_LIMITS,
  SupportTransitionRequest,
} from '@wegweiser/shared/contracts';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, IsOptionalNotNull, MultiLine, Trim } from '@wegweiser/api/core';

/** `POST /api/clients/:id/support/pause|resume|reopen`. */
export class SupportTransitionDto implements SupportTransitionRequest {
  @ApiPropertyOptional({ format: 'date', description: 'The day it takes effect; defaults to today' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  on?: string;

  @ApiPropertyOptional({ maxLength: SUPPORT_LIMITS.noteMaxLength, description: 'Why, e.g. the reason for the pause' })
  @IsOptional()
  @MultiLine()
  @Trim()
  @MaxLength(SUPPORT_LIMITS.noteMaxLength)
  @IsString()
  note?: string;
}

/** `POST /api/clients/:id/support/close`. */
export class CloseSupportDto implements CloseSupportRequest {
  @ApiProperty({ enum: CLOSURE_REASONS })
  @IsIn(CLOSURE_REASONS)
  reason!: ClosureReason;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  on!: string;
}

/** `POST /api/clients/:id/support/extensions`. */
export class RequestExtensionDto implements RequestExtensionRequest {
  @ApiProperty({ format: 'date', description: 'After the current window end, at most 48 months after the start' })
  @IsCalendarDate()
  requestedUntil!: string;

  @ApiProperty({ minLength: EXTENSION_LIMITS.justificationMinLength, maxLength: EXTENSION_LIMITS.justificationMaxLength })
  @MultiLine()
  @Trim()
  @MaxLength(EXTENSION_LIMITS.justificationMaxLength)
  @MinLength(EXTENSION_LIMITS.justificationMinLength)
  @IsString()
  justification!: string;
}

/** `POST /api/support-extensions/:id/approve|reject`. */
export class DecideExtensionDto implements DecideExtensionRequest {
  @ApiProperty({ description: 'The version of the extension read last' })
  @Min(1)
  @IsInt()
  version!: number;

  @ApiPropertyOptional({ maxLength: EXTENSION_LIMITS.commentMaxLength })
  @IsOptional()
  @MultiLine()
  @Trim()
  @MaxLength(EXTENSION_LIMITS.commentMaxLength)
  @IsString()
  comment?: string;
}

/** `POST /api/support-extensions/:id/reject`: returned to the manager with a comment (required). */
export class RejectExtensionDto implements RejectExtensionRequest {
  @ApiProperty({ description: 'The version of the extension read last' })
  @Min(1)
  @IsInt()
  version!: number;

  @ApiProperty({ maxLength: EXTENSION_LIMITS.commentMaxLength, description: 'Why the request goes back to the manager' })
  @MultiLine()
  @Trim()
  @MaxLength(EXTENSION_LIMITS.commentMaxLength)
  @MinLength(1)
  @IsString()
  comment!: string;
}

/** `GET /api/support-extensions?state=pending`. */
export class ExtensionListQueryDto {
  @ApiPropertyOptional({ enum: EXTENSION_STATES, default: 'pending' })
  @IsOptional()
  @IsIn(EXTENSION_STATES)
  state?: ExtensionState;
}
