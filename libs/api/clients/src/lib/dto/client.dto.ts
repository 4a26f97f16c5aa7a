import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { CLIENT_LIMITS, CreateClientRequest, Gender, HousingKind, ResidenceStatusCode, UpdateClientRequest } from '@wegweiser/shared/contracts';
import { MultiLine, Trim } from '@wegweiser/api/core';
import { IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import {
  AddressField,
  CountryField,
  DateField,
  EmailField,
  GenderField,
  HouseholdMembersField,
  HousingField,
  LanguagesField,
  NameField,
  NationalitiesField,
  PhoneField,
  ResidenceStatusField,
} from './client-fields';

/** Why the support starts before today (kept only then). Registered in order: the type check first. */
const ReasonField = () =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, maxLength: CLIENT_LIMITS.supportStartReasonMaxLength, description: 'Why the support starts before today (the intake form asks for it); ignored for a start of today' }),
    IsOptional(),
    IsString(),
    MaxLength(CLIENT_LIMITS.supportStartReasonMaxLength),
    Trim(),
    MultiLine(),
  );

/** `POST /api/clients` (date order and the responsible manager are checked by the service). */
export class CreateClientDto implements CreateClientRequest {
  @NameField('required') firstName!: string;
  @NameField('required') lastName!: string;
  @NameField('nullable') firstNameOriginal?: string | null;
  @NameField('nullable') lastNameOriginal?: string | null;
  @DateField('required') dateOfBirth!: string;
  @GenderField('required') gender!: Gender;
  @CountryField('required') countryOfOrigin!: string;
  @NationalitiesField('optional') nationalities?: string[];
  @LanguagesField('optional') languagesSpoken?: string[];
  @ResidenceStatusField('nullable') residenceStatus?: ResidenceStatusCode | null;
  @DateField('nullable') residenceValidUntil?: string | null;
  @DateField('nullable', 'Arrival in Germany') arrivalDate?: string | null;
  @HousingField('nullable') housing?: HousingKind | null;
  @HouseholdMembersField('nullable') householdMembers?: number | null;
  @PhoneField('nullable') phone?: string | null;
  @EmailField('nullable') email?: string | null;
  @AddressField('nullable') address?: string | null;
  @DateField('optional', 'Start of the support period; defaults to today') supportStart?: string;

  @ReasonField() supportStartReason?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Team leads: a manager of the team (or none yet). Managers: themselves.' })
  @IsOptional()
  @IsUUID()
  responsibleManagerId?: string | null;
}

/** `PATCH /api/clients/:id`: only what is sent changes. */
export class UpdateClientDto implements UpdateClientRequest {
  @ApiProperty({ description: 'The version read last (optimistic locking)' })
  @Min(1)
  @IsInt()
  version!: number;

  @NameField('optional') firstName?: string;
  @NameField('optional') lastName?: string;
  @NameField('nullable') firstNameOriginal?: string | null;
  @NameField('nullable') lastNameOriginal?: string | null;
  @DateField('optional') dateOfBirth?: string;
  @GenderField('optional') gender?: Gender;
  @CountryField('optional') countryOfOrigin?: string;
  @NationalitiesField('optional') nationalities?: string[];
  @LanguagesField('optional') languagesSpoken?: string[];
  @ResidenceStatusField('nullable') residenceStatus?: ResidenceStatusCode | null;
  @DateField('nullable') residenceValidUntil?: string | null;
  @DateField('nullable') arrivalDate?: string | null;
  @HousingField('nullable') housing?: HousingKind | null;
  @HouseholdMembersField('nullable') householdMembers?: number | null;
  @PhoneField('nullable') phone?: string | null;
  @EmailField('nullable') email?: string | null;
  @AddressField('nullable') address?: string | null;
}
