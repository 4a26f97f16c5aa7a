import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalNotNull, MultiLine, Trim } from '@wegweiser/api/core';
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
  CreateWorkingGroupRequest,
  LANGUAGE_CODE_PATTERN,
  PARTNER_FIELD_LIMITS,
} from '@wegweiser/shared/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';

export const PARTNER_LIMITS = { name: 200, title: 200, description: 2000, email: 254, phone: 40, website: 300, address: 300, query: 100 } as const;
const PHONE = /^\+?[0-9 ()/-]{3,40}$/;

/** ISO 639 codes (lower case, 2–3 letters), at most PARTNER_FIELD_LIMITS.languages. */
const Languages = (): PropertyDecorator => (target, key) => {
  IsArray()(target, key);
  IsString({ each: true })(target, key);
  Matches(LANGUAGE_CODE_PATTERN, { each: true })(target, key);
  ArrayMaxSize(PARTNER_FIELD_LIMITS.languages)(target, key);
};

/** Working group ids of the municipality (checked by the service). */
const WorkingGroupIds = (): PropertyDecorator => (target, key) => {
  IsArray()(target, key);
  IsUUID('all', { each: true })(target, key);
  ArrayMaxSize(PARTNER_FIELD_LIMITS.workingGroups)(target, key);
};

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
  @MultiLine()
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

  @ApiPropertyOptional({ example: 'Erika Muster' })
  @IsOptional()
  @Trim()
  @MaxLength(PARTNER_FIELD_LIMITS.contactPerson)
  @IsString()
  contactPerson?: string;

  @ApiPropertyOptional({ type: [String], example: ['de', 'ar'] })
  @IsOptional()
  @Languages()
  languages?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @WorkingGroupIds()
  workingGroupIds?: string[];
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
  @MultiLine()
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

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @MaxLength(PARTNER_FIELD_LIMITS.contactPerson)
  @IsString()
  contactPerson?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @Languages()
  languages?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Replaces the memberships' })
  @IsOptionalNotNull()
  @WorkingGroupIds()
  workingGroupIds?: string[];

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
  @MultiLine()
  @Trim()
  @MaxLength(PARTNER_LIMITS.description)
  @IsString()
  description?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Languages()
  languages?: string[];

  @ApiPropertyOptional({ example: 'Erwachsene ab 18 Jahren' })
  @IsOptional()
  @Trim()
  @MaxLength(PARTNER_FIELD_LIMITS.targetGroup)
  @IsString()
  targetGroup?: string;

  @ApiPropertyOptional({ example: 'Anmeldung per E-Mail mit Einwilligung' })
  @IsOptional()
  @MultiLine()
  @Trim()
  @MaxLength(PARTNER_FIELD_LIMITS.accessRoute)
  @IsString()
  accessRoute?: string;
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
  @MultiLine()
  @Trim()
  @MaxLength(PARTNER_LIMITS.description)
  @IsString()
  description?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @Languages()
  languages?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @MaxLength(PARTNER_FIELD_LIMITS.targetGroup)
  @IsString()
  targetGroup?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @MultiLine()
  @Trim()
  @MaxLength(PARTNER_FIELD_LIMITS.accessRoute)
  @IsString()
  accessRoute?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class CreateWorkingGroupDto implements CreateWorkingGroupRequest {
  @ApiProperty({ example: 'Gesundheit' })
  @Trim()
  @MaxLength(PARTNER_FIELD_LIMITS.workingGroupName)
  @MinLength(1)
  @IsString()
  name!: string;
}
