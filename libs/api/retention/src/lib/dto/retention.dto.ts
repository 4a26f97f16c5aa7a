import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsOptionalNotNull, MultiLine, Trim } from '@wegweiser/api/core';
import {
  ERASURE_REASONS,
  ERASURE_REQUEST_STATES,
  ErasureReason,
  ErasureRequestCreate,
  ErasureRequestState,
  LegalHoldRequest,
  RETENTION_LIMITS,
  RetentionPolicyRequest,
} from '@wegweiser/shared/contracts';
import { IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/* Decorators run bottom-up; the first failure per field is reported. */
/** `PUT /api/retention/policy`. */
export class RetentionPolicyDto implements RetentionPolicyRequest {
  @ApiProperty({ minimum: RETENTION_LIMITS.eraseAfterMonths.min, maximum: RETENTION_LIMITS.eraseAfterMonths.max })
  @Max(RETENTION_LIMITS.eraseAfterMonths.max)
  @Min(RETENTION_LIMITS.eraseAfterMonths.min)
  @IsInt()
  eraseAfterMonths!: number;

  @ApiProperty({ minimum: RETENTION_LIMITS.auditRetentionMonths.min, maximum: RETENTION_LIMITS.auditRetentionMonths.max })
  @Max(RETENTION_LIMITS.auditRetentionMonths.max)
  @Min(RETENTION_LIMITS.auditRetentionMonths.min)
  @IsInt()
  auditRetentionMonths!: number;
}

/** `GET /api/retention/dry-run?today=YYYY-MM-DD` (default: today in Germany). */
export class RetentionDryRunQueryDto {
  @ApiPropertyOptional({ example: '2031-01-01' })
  @IsCalendarDate()
  @IsOptionalNotNull()
  today?: string;
}

/** `PUT /api/clients/:id/legal-hold`. */
export class LegalHoldDto implements LegalHoldRequest {
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @MultiLine()
  @Trim()
  @MaxLength(500)
  @MinLength(1)
  @IsString()
  reason!: string;
}

/** `POST /api/clients/:id/erasure-requests`: a reason code of Art. 17(1) GDPR, no free text. */
export class ErasureRequestDto implements ErasureRequestCreate {
  @ApiProperty({ enum: ERASURE_REASONS })
  @IsIn(ERASURE_REASONS)
  reason!: ErasureReason;
}

/** `GET /api/erasure-requests?state=pending`. */
export class ErasureRequestListQueryDto {
  @ApiPropertyOptional({ enum: ERASURE_REQUEST_STATES })
  @IsIn(ERASURE_REQUEST_STATES)
  @IsOptionalNotNull()
  state?: ErasureRequestState;
}
