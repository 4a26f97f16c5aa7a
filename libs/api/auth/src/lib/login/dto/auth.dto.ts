import { ApiProperty } from '@nestjs/swagger';
import { ChangePasswordRequest, Locale, LOCALES, LoginRequest, PreferencesRequest, RecoveryCodeRequest, TotpCodeRequest } from '@wegweiser/shared/contracts';
import { IsEmail, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsAcceptablePassword } from '../../credentials/is-acceptable-password.decorator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'vorname.nachname@ms.wegweiser.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** Any length up to the maximum: the policy applies when a password is set, not when it is tried. */
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}

export class TotpCodeDto implements TotpCodeRequest {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/)
  code!: string;
}

export class RecoveryCodeDto implements RecoveryCodeRequest {
  @ApiProperty({ example: 'abcd-efgh-jkmn' })
  @IsString()
  @MinLength(8)
  @MaxLength(32)
  recoveryCode!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(128)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString()
  @IsAcceptablePassword()
  newPassword!: string;
}

export class PreferencesDto implements PreferencesRequest {
  @ApiProperty({ enum: LOCALES, example: 'en' })
  @IsIn(LOCALES)
  locale!: Locale;
}
