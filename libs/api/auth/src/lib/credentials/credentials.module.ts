import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { RecoveryCodes } from './recovery-codes';
import { TotpService } from './totp';

/** Password rules and hashing, TOTP and recovery codes: pure providers, no database. */
@Module({
  providers: [PasswordPolicy, PasswordHasher, TotpService, RecoveryCodes],
  exports: [PasswordPolicy, PasswordHasher, TotpService, RecoveryCodes],
})
export class CredentialsModule {}
