import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsOptionalNotNull, MultiLine, Trim } from '@wegweiser/api/core';
import { CLIENT_LIMITS, GENDERS, HOUSING_KINDS, RESIDENCE_STATUSES } from '@wegweiser/shared/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

/*
 * The validation of each personal field, shared by create (required) and
 * update (optional). class-validator reports the first failing constraint in
 * registration order: the type check is registered first, so `null` or a
 * number is reported as `isString`, not as `maxLength`.
 */

const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{2,3}$/;
const PHONE = /^\+?[0-9][0-9 ()/-]{2,39}$/;
export const RESIDENCE_STATUS_CODES = RESIDENCE_STATUSES.map((status) => status.code);

/** E-mail addresses are kept trimmed and lower-case. */
const LowerCase = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

type Presence = 'required' | 'optional' | 'nullable';

/** Required: must be there. Optional: may be left out, never null. Nullable: may be left out or null (clears it). */
function presence(kind: Presence, doc: Record<string, unknown> = {}): PropertyDecorator[] {
  if (kind === 'required') return [ApiProperty(doc)];
  if (kind === 'optional') return [ApiPropertyOptional(doc), IsOptionalNotNull()];
  return [ApiPropertyOptional({ ...doc, nullable: true }), IsOptional()];
}

export const NameField = (kind: Presence) =>
  applyDecorators(...presence(kind), IsString(), MinLength(1), MaxLength(CLIENT_LIMITS.nameMaxLength), Trim());

export const DateField = (kind: Presence, description?: string) =>
  applyDecorators(...presence(kind, { format: 'date', example: '2026-03-01', description }), IsCalendarDate());

export const GenderField = (kind: Presence) => applyDecorators(...presence(kind, { enum: GENDERS }), IsIn(GENDERS));

export const CountryField = (kind: Presence) =>
  applyDecorators(...presence(kind, { example: 'SY', description: 'ISO 3166-1 alpha-2' }), IsString(), Matches(COUNTRY), IsISO31661Alpha2());

export const NationalitiesField = (kind: Presence) =>
  applyDecorators(
    ...presence(kind, { type: [String], example: ['SY'], description: 'ISO 3166-1 alpha-2; empty when stateless' }),
    IsArray(),
    ArrayMaxSize(CLIENT_LIMITS.maxNationalities),
    IsString({ each: true }),
    Matches(COUNTRY, { each: true }),
    IsISO31661Alpha2({ each: true }),
    ArrayUnique(),
  );

export const LanguagesField = (kind: Presence) =>
  applyDecorators(
    ...presence(kind, { type: [String], example: ['ar', 'de'], description: 'ISO 639-1 or 639-3, lower case' }),
    IsArray(),
    ArrayMaxSize(CLIENT_LIMITS.maxLanguages),
    IsString({ each: true }),
    Matches(LANGUAGE, { each: true }),
    ArrayUnique(),
  );

export const ResidenceStatusField = (kind: Presence) =>
  applyDecorators(...presence(kind, { enum: RESIDENCE_STATUS_CODES }), IsIn(RESIDENCE_STATUS_CODES));

export const HousingField = (kind: Presence) => applyDecorators(...presence(kind, { enum: HOUSING_KINDS }), IsIn(HOUSING_KINDS));

export const HouseholdMembersField = (kind: Presence) =>
  applyDecorators(
    ...presence(kind, { minimum: 1, maximum: CLIENT_LIMITS.householdMembersMax, description: 'Including the client' }),
    IsInt(),
    Min(1),
    Max(CLIENT_LIMITS.householdMembersMax),
  );

export const PhoneField = (kind: Presence) =>
  applyDecorators(...presence(kind, { example: '+49 251 1234567' }), IsString(), MaxLength(CLIENT_LIMITS.phoneMaxLength), Matches(PHONE), Trim());

export const EmailField = (kind: Presence) =>
  applyDecorators(...presence(kind), IsString(), MaxLength(CLIENT_LIMITS.emailMaxLength), IsEmail(), LowerCase());

/** A postal address over several lines (a textarea in the client). */
export const AddressField = (kind: Presence) =>
  applyDecorators(...presence(kind), IsString(), MinLength(1), MaxLength(CLIENT_LIMITS.addressMaxLength), Trim(), MultiLine());
