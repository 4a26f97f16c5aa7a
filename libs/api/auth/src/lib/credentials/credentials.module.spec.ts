import { Test } from '@nestjs/testing';
import { CredentialsModule } from './credentials.module';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { RecoveryCodes } from './recovery-codes';
import { TotpService } from './totp';

describe('CredentialsModule', () => {
  it('provides the four credential services to importing modules', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [CredentialsModule] }).compile();
    await moduleRef.init();
    for (const provider of [PasswordPolicy, PasswordHasher, TotpService, RecoveryCodes]) {
      expect(moduleRef.get(provider)).toBeInstanceOf(provider);
    }
    await moduleRef.close();
  });
});
