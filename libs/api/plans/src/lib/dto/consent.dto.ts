import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsOptionalNotNull, Trim } from '@wegweiser/api/core';
import {
  CONSENT_LIMITS,
  CONSENT_RECIPIENT_KINDS,
  CONSENT_RECORDINGS,
  ConsentRecipientKind,
  ConsentRecording,
  CreateConsentRequest,
  DATA_CATEGORIES,
  DataCategory,
  WithdrawConsentRequest,
} from '@wegweiser/shared/contracts';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';

export const PURPOSE_MAX_LENGTH = 500;

/* Decorators run bottom-up; the first failure per field is reported, so the type check sits closest to the property. */
export class CreateConsentDto implements CreateConsentRequest {
  @ApiProperty({ example: 'Vermittlung in einen Integrationskurs' })
  @Trim()
  @MaxLength(PURPOSE_MAX_LENGTH)
  @MinLength(1)
  @IsString()
  purpose!: string;

  @ApiProperty({ enum: CONSENT_RECIPIENT_KINDS })
  @IsIn(CONSENT_RECIPIENT_KINDS)
  recipientKind!: ConsentRecipientKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for recipientKind partner, refused for evaluation' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true })
  @IsIn(DATA_CATEGORIES, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(DATA_CATEGORIES.length)
  @ArrayMinSize(1)
  @IsArray()
  dataCategories!: DataCategory[];

  @ApiProperty({ example: '2026-03-02' })
  @IsCalendarDate()
  givenOn!: string;

  @ApiPropertyOptional({ example: '2027-03-01' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;

  @ApiProperty({ enum: CONSENT_RECORDINGS })
  @IsIn(CONSENT_RECORDINGS)
  recordedAs!: ConsentRecording;

  @ApiPropertyOptional({ maxLength: CONSENT_LIMITS.filedAtMaxLength, example: 'Handakte, Fach 3' })
  @IsOptional()
  @Trim()
  @MaxLength(CONSENT_LIMITS.filedAtMaxLength)
  @IsString()
  filedAt?: string;
}

export class WithdrawConsentDto implements WithdrawConsentRequest {
  @ApiProperty({ description: 'The version read last (optimistic locking)' })
  @Min(1)
  @IsInt()
  version!: number;

  @ApiPropertyOptional({ description: 'Default today' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  withdrawnOn?: string;
}
