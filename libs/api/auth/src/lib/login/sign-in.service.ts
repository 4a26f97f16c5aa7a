import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuditService } from '@wegweiser/api/audit';
import { APP_CONFIG, AppConfig } from '@wegweiser/api/core';
import { LoginAccount, UserAccountsService } from '@wegweiser/api/users';
import { AUTH_ERROR_CODES, ROLES_REQUIRING_TOTP, SessionStage } from '@wegweiser/shared/contracts';
import { PasswordHasher } from '../credentials/password-hasher';

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
 * is audited (the password never is).
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
      if (account.lockedUntil && account.lockedUntil > now) {
        await this.hasher.dummyVerify(password);
        return { result: 'locked' as const, account };
      }
      if (await this.hasher.verify(account.passwordHash, password)) {
        await manager.query(`UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = $1`, [account.id]);
        return { result: 'ok' as const, account };
      }
      const failures = account.failedAttempts + 1;
      const lock = failures >= this.config.LOGIN_LOCKOUT_THRESHOLD;
      await manager.query(`UPDATE app_user SET failed_attempts = $2, locked_until = $3 WHERE id = $1`, [
        account.id,
        lock ? 0 : failures,
        lock ? new Date(now.getTime() + this.config.LOGIN_LOCKOUT_MINUTES * 60_000) : null,
      ]);
      return { result: lock ? ('locking' as const) : ('wrong' as const), account };
    });

    const account = outcome.account;
    const who = account ? { municipalityId: account.municipalityId, userId: account.id, role: account.role } : { municipalityId: null, userId: null, role: null };
    switch (outcome.result) {
      case 'ok':
        await this.audit.record({ ...who, action: 'login', outcome: 'success', entityType: 'user', entityId: account?.id });
        return { account: account as LoginAccount, stage: stageAfterPassword(account as LoginAccount) };
      case 'locking':
        await this.audit.record({ ...who, action: 'locked', outcome: 'denied', entityType: 'user', entityId: account?.id });
        throw invalidCredentials();
      case 'locked':
        await this.audit.record({ ...who, action: 'login_failed', outcome: 'denied', entityType: 'user', entityId: account?.id });
        throw invalidCredentials();
      default:
        await this.audit.record({ ...who, action: 'login_failed', outcome: 'failure', entityType: account ? 'user' : null, entityId: account?.id });
        throw invalidCredentials();
    }
  }
}
