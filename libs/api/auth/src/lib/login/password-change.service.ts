import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@wegweiser/api/audit';
import { APP_CONFIG, AppConfig, RequestUser } from '@wegweiser/api/core';
import { TenantTransactions } from '@wegweiser/api/database';
import { UserAccountsService } from '@wegweiser/api/users';
import { PasswordHasher } from '../credentials/password-hasher';
import { afterPasswordCheck, failedAttemptAudit, isLocked, lockoutSettings, PasswordAttemptResult, secondsUntil } from './lockout';

export type PasswordChangeOutcome = { kind: 'changed' } | { kind: 'locked'; retryAfterSeconds: number };

interface ProofRow {
  password_hash: string;
  failed_attempts: number;
  locked_until: Date | null;
}

const wrongPassword = () =>
  new BadRequestException({ code: 'validationFailed', message: 'The current password is wrong.', errors: { currentPassword: 'wrongPassword' } });

/**
 * The signed-in user's own password change. The current password is proven
 * like a sign-in: with the account's failure counter and lockout (a wrong one
 * counts, the one reaching LOGIN_LOCKOUT_THRESHOLD locks the account and ends
 * every session of it, during a lock it is not even checked; a correct one
 * resets the counter) and audited like a sign-in failure (`login_failed` /
 * `locked` of `user_password`). The proof runs in its own short transaction,
 * committed whatever the request does next. A successful change ends the
 * account's other sessions in the request's transaction; the caller gives
 * the current one a new id.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly accounts: UserAccountsService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly transactions: TenantTransactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async change(user: RequestUser, sessionId: string, currentPassword: string, newPassword: string): Promise<PasswordChangeOutcome> {
    const proof = await this.prove(user, currentPassword);
    if (proof.result !== 'ok') {
      await this.audit.record({ ...failedAttemptAudit(proof.result), entityType: 'user_password', entityId: user.id });
      if (proof.result === 'wrong') throw wrongPassword();
      return { kind: 'locked', retryAfterSeconds: secondsUntil(proof.lockedUntil ?? new Date(), new Date()) };
    }
    if (currentPassword === newPassword) {
      throw new BadRequestException({ code: 'validationFailed', message: 'Choose a new password.', errors: { newPassword: 'passwordUnchanged' } });
    }
    await this.accounts.update(user.id, { passwordHash: await this.hasher.hash(newPassword), passwordMustChange: false });
    await this.accounts.endSessions(user.id, sessionId);
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'user_password', entityId: user.id });
    return { kind: 'changed' };
  }

  /** Checks the current password against the counter, under a row lock; a lock ends every session of the account. */
  private prove(user: RequestUser, password: string): Promise<{ result: PasswordAttemptResult; lockedUntil: Date | null }> {
    return this.transactions.run(user.municipalityId, user.id, async (manager) => {
      const [row] = (await manager.query(`SELECT password_hash, failed_attempts, locked_until FROM app_user WHERE id = $1 AND active FOR UPDATE`, [
        user.id,
      ])) as ProofRow[];
      const now = new Date();
      let result: PasswordAttemptResult;
      let lockedUntil: Date | null;
      if (!row || isLocked({ lockedUntil: row.locked_until }, now)) {
        result = 'locked';
        lockedUntil = row?.locked_until ?? null;
      } else {
        const state = { failedAttempts: row.failed_attempts, lockedUntil: row.locked_until };
        const update = afterPasswordCheck(state, await this.hasher.verify(row.password_hash, password), now, lockoutSettings(this.config));
        await manager.query(`UPDATE app_user SET failed_attempts = $2, locked_until = $3 WHERE id = $1`, [user.id, update.failedAttempts, update.lockedUntil]);
        ({ result, lockedUntil } = update);
      }
      // Whoever guesses holds a session of the account, and nobody can tell which: all of them end.
      if (result === 'locking' || result === 'locked') await manager.query(`DELETE FROM user_session WHERE sess ->> 'userId' = $1`, [user.id]);
      return { result, lockedUntil };
    });
  }
}
