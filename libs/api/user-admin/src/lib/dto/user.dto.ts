import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalNotNull, Trim } from '@wegweiser/api/core';
import { CreateUserRequest, Role, ROLES, UpdateUserRequest } from '@wegweiser/shared/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';

const NAME_MAX_LENGTH = 200;
const EMAIL_MAX_LENGTH = 254;

/** E-mail addresses are stored lower-case (the database checks it) and compared that way. */
export const NormalizeEmail = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/*
 * class-validator runs a property's decorators bottom-up and the API reports
 * the first failure: the type check sits closest to the property, so `null`
 * or a number is reported as `isString`, not as `maxLength`.
 */
export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'vorname.nachname@ms.wegweiser.example' })
  @NormalizeEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail()
  email!: string;

  @ApiProperty()
  @Trim()
  @MaxLength(NAME_MAX_LENGTH)
  @MinLength(1)
  @IsString()
  firstName!: string;

  @ApiProperty()
  @Trim()
  @MaxLength(NAME_MAX_LENGTH)
  @MinLength(1)
  @IsString()
  lastName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for manager and team_lead, absent for other roles' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptionalNotNull()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null removes the team (roles without a team)' })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the account and ends its sessions' })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Trim()
  @MaxLength(NAME_MAX_LENGTH)
  @MinLength(1)
  @IsString()
  firstName?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Trim()
  @MaxLength(NAME_MAX_LENGTH)
  @MinLength(1)
  @IsString()
  lastName?: string;

  @ApiPropertyOptional({ description: 'The version read last (optimistic locking)' })
  @IsOptionalNotNull()
  @Min(1)
  @IsInt()
  version?: number;
}
