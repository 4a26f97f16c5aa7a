import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalNotNull, Trim } from '@wegweiser/api/core';
import {
  CreatePartnerOfferRequest,
  CreatePartnerRequest,
  PARTNER_KINDS,
  PARTNER_TOPICS,
  PartnerKind,
  PartnerOfferSearchQuery,
  PartnerSearchQuery,
  PartnerTopic,
  UpdatePartnerOfferRequest,
  UpdatePartnerRequest,
} from '@wegweiser/shared/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, MaxLength, Min, MinLength } from 'class-validator';

export const PARTNER_LIMITS = { name: 200, title: 200, description: 2000, email: 254, phone: 40, website: 300, address: 300, query: 100 } as const;
const PHONE = /^\+?[0-9 ()/-]{3,40}$/;

/** Query flags arrive as strings: only `true`/`false` are booleans. */
const QueryBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/*
 * Decorators run bottom-up and the API reports the first failure per field:
 * the type check sits closest to the property.
 */
export class PartnerSearchQueryDto implements PartnerSearchQuery {
  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @MaxLength(PARTNER_LIMITS.query)
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: PARTNER_TOPICS, description: 'Partners with an offer of this topic' })
  @IsOptional()
  @IsIn(PARTNER_TOPICS)
  topic?: PartnerTopic;

  @ApiPropertyOptional({ description: 'Administrators: include inactive partners and offers' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeInactive?: boolean;
}

export class PartnerOfferSearchQueryDto implements PartnerOfferSearchQuery {
  @ApiPropertyOptional({ description: 'Part of the offer title or the partner name' })
  @IsOptional()
  @MaxLength(PARTNER_LIMITS.query)
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: PARTNER_TOPICS })
  @IsOptional()
  @IsIn(PARTNER_TOPICS)
  topic?: PartnerTopic;
}

export class CreatePartnerDto implements CreatePartnerRequest {
  @ApiProperty({ example: 'Volkshochschule Musterstadt' })
  @Trim()
  @MaxLength(PARTNER_LIMITS.name)
  @MinLength(1)
  @IsString()
  name!: string;

  @ApiProperty({ enum: PARTNER_KINDS })
  @IsIn(PARTNER_KINDS)
  kind!: PartnerKind;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @MaxLength(PARTNER_LIMITS.description)
  @IsString()
  description?: string;

  @ApiPropertyOptional({ example: 'kontakt@vhs.ms.example' })
  @IsOptional()
  @MaxLength(PARTNER_LIMITS.email)
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '+49 251 123456' })
  @IsOptional()
  @Matches(PHONE)
  @IsString()
  phone?: string;

  @ApiPropertyOptional({ example: 'https://vhs.ms.example' })
  @IsOptional()
  @MaxLength(PARTNER_LIMITS.website)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  website?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @MaxLength(PARTNER_LIMITS.address)
  @IsString()
  address?: string;
}

export class UpdatePartnerDto implements UpdatePartnerRequest {
  @ApiProperty({ description: 'The version read last (optimistic locking)' })
  @Min(1)
  @IsInt()
  version!: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Trim()
  @MaxLength(PARTNER_LIMITS.name)
  @MinLength(1)
  @IsString()
  name?: string;

  @ApiPropertyOptional({ enum: PARTNER_KINDS })
  @IsOptionalNotNull()
  @IsIn(PARTNER_KINDS)
  kind?: PartnerKind;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @MaxLength(PARTNER_LIMITS.description)
  @IsString()
  description?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @MaxLength(PARTNER_LIMITS.email)
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(PHONE)
  @IsString()
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @MaxLength(PARTNER_LIMITS.website)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  website?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @MaxLength(PARTNER_LIMITS.address)
  @IsString()
  address?: string | null;

  @ApiPropertyOptional({ description: 'false hides the partner from searches and new referrals' })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class CreatePartnerOfferDto implements CreatePartnerOfferRequest {
  @ApiProperty({ enum: PARTNER_TOPICS })
  @IsIn(PARTNER_TOPICS)
  topic!: PartnerTopic;

  @ApiProperty({ example: 'Integrationskurs (allgemein)' })
  @Trim()
  @MaxLength(PARTNER_LIMITS.title)
  @MinLength(1)
  @IsString()
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @MaxLength(PARTNER_LIMITS.description)
  @IsString()
  description?: string;
}

export class UpdatePartnerOfferDto implements UpdatePartnerOfferRequest {
  @ApiProperty({ description: 'The version read last (optimistic locking)' })
  @Min(1)
  @IsInt()
  version!: number;

  @ApiPropertyOptional({ enum: PARTNER_TOPICS })
  @IsOptionalNotNull()
  @IsIn(PARTNER_TOPICS)
  topic?: PartnerTopic;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Trim()
  @MaxLength(PARTNER_LIMITS.title)
  @MinLength(1)
  @IsString()
  title?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @MaxLength(PARTNER_LIMITS.description)
  @IsString()
  description?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
