import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuditService } from '@wegweiser/api/audit';
import { UserAccountsService } from '@wegweiser/api/users';
import { AUTH_ERROR_CODES, TotpEnrolmentResponse } from '@wegweiser/shared/contracts';
import { RecoveryCodes } from '../credentials/recovery-codes';
import { TotpService } from '../credentials/totp';

const invalidCode = () => new UnauthorizedException({ code: AUTH_ERROR_CODES.invalidTotpCode, message: 'The code is not valid.' });

/** TOTP enrolment and checks, recovery codes — for the signed-in user (password changes: PasswordChangeService). */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly accounts: UserAccountsService,
    private readonly totp: TotpService,
    private readonly recoveryCodes: RecoveryCodes,
    private readonly audit: AuditService,
  ) {}

  /** A new secret, stored encrypted (never in the session) but not active until confirmed with a code. */
  async startEnrolment(userId: string): Promise<TotpEnrolmentResponse> {
    const user = await this.accounts.findActive(userId);
    if (!user) throw invalidCode();
    const enrolment = await this.totp.createEnrolment(user.email);
    await this.accounts.storePendingTotpSecret(userId, enrolment.secret);
    return { otpauthUrl: enrolment.otpauthUrl, qrCodeDataUrl: enrolment.qrCodeDataUrl, secret: enrolment.secret };
  }

  /** Activates TOTP and returns fresh recovery codes (shown once). */
  async confirmEnrolment(userId: string, code: string): Promise<string[]> {
    const stored = await this.accounts.totpSecret(userId);
    const check = stored?.secret ? await this.totp.verify(stored.secret, code) : { valid: false as const };
    if (!check.valid) throw invalidCode();
    const codes = this.recoveryCodes.generate();
    await this.accounts.update(userId, { totpEnabled: true, totpLastStep: check.timeStep, recoveryCodeHashes: codes.map((c) => this.recoveryCodes.hash(c)) });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'user_totp', entityId: userId });
    return codes;
  }

  /**
   * A code is accepted once: steps up to the last accepted one are refused
   * (replay). A stored secret that does not decrypt fails with 500, never verifies.
   */
  async verify(userId: string, code: string): Promise<void> {
    const stored = await this.accounts.totpSecret(userId);
    const check = stored?.secret
      ? await this.totp.verify(stored.secret, code, stored.lastStep === null ? {} : { afterTimeStep: stored.lastStep })
      : { valid: false as const };
    if (!check.valid) {
      await this.audit.record({ action: 'login_failed', outcome: 'failure', entityType: 'user_totp', entityId: userId });
      throw invalidCode();
    }
    await this.accounts.update(userId, { totpLastStep: check.timeStep });
  }

  async useRecoveryCode(userId: string, code: string): Promise<void> {
    const secrets = await this.accounts.secrets(userId);
    const remaining = secrets ? this.recoveryCodes.consume(secrets.recoveryCodeHashes, code) : null;
    if (!remaining) {
      await this.audit.record({ action: 'login_failed', outcome: 'failure', entityType: 'user_recovery_code', entityId: userId });
      throw invalidCode();
    }
    await this.accounts.update(userId, { recoveryCodeHashes: remaining });
  }
}
