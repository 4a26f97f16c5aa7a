import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuditService } from '@wegweiser/api/audit';
import { APP_CONFIG, AppConfig } from '@wegweiser/api/core';
import { LoginAccount, UserAccountsService } from '@wegweiser/api/users';
import { AUTH_ERROR_CODES, ROLES_REQUIRING_TOTP, SessionStage } from '@wegweiser/shared/contracts';
import { PasswordHasher } from '../credentials/password-hasher';
import { afterPasswordCheck, failedAttemptAudit, isLocked, lockoutSettings } from './lockout';

export interface SignedIn {
  account: LoginAccount;
  stage: SessionStage;
}

/** The one answer to every failed sign-in: it reveals neither existence nor lock state. */
export const invalidCredentials = () =>
  new UnauthorizedException({ code: AUTH_ERROR_CODES.invalidCredentials, message: 'E-mail or password is wrong, or the account is locked.' });

/** The stage a session starts in after a correct password. */
export function stageAfterPassword(account: Pick<LoginAccount, 'role' | 'totpEnabled' | 'passwordMustChange'>): SessionStage {
  if (account.totpEnabled) return 'totp_verify';
  if (ROLES_REQUIRING_TOTP.includes(account.role)) return 'totp_enrol';
  return account.passwordMustChange ? 'password_change' : 'active';
}

/**
 * E-mail + password sign-in with lockout: after LOGIN_LOCKOUT_THRESHOLD
 * failures in a row the account is locked for LOGIN_LOCKOUT_MINUTES; during
 * the lock even the right password gets the same generic 401. Every attempt
 * is audited (the password never is). A password change counts with the
 * same counter (PasswordChangeService).
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly accounts: UserAccountsService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signIn(rawEmail: string, password: string): Promise<SignedIn> {
    const email = rawEmail.trim().toLowerCase();
    const outcome = await this.accounts.withLoginAccount(email, async (account, manager) => {
      if (!account || !account.active) {
        await this.hasher.dummyVerify(password);
        return { result: 'unknown' as const, account };
      }
      const now = new Date();
      if (isLocked(account, now)) {
        await this.hasher.dummyVerify(password);
        return { result: 'locked' as const, account };
      }
      const update = afterPasswordCheck(account, await this.hasher.verify(account.passwordHash, password), now, lockoutSettings(this.config));
      await manager.query(`UPDATE app_user SET failed_attempts = $2, locked_until = $3 WHERE id = $1`, [account.id, update.failedAttempts, update.lockedUntil]);
      return { result: update.result, account };
    });

    const account = outcome.account;
    const who = account ? { municipalityId: account.municipalityId, userId: account.id, role: account.role } : { municipalityId: null, userId: null, role: null };
    if (outcome.result === 'ok') {
      await this.audit.record({ ...who, action: 'login', outcome: 'success', entityType: 'user', entityId: account?.id });
      return { account: account as LoginAccount, stage: stageAfterPassword(account as LoginAccount) };
    }
    const failed = failedAttemptAudit(outcome.result === 'unknown' ? 'wrong' : outcome.result);
    await this.audit.record({ ...who, ...failed, entityType: account ? 'user' : null, entityId: account?.id });
    throw invalidCredentials();
  }
}
