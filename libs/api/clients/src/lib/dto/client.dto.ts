import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { CreateClientRequest, Gender, HousingKind, ResidenceStatusCode, UpdateClientRequest } from '@wegweiser/shared/contracts';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
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
