import type { AuditRecord } from '@wegweiser/api/audit';

/** What a password check did to an account's failure counter. */
export type PasswordAttemptResult = 'ok' | 'wrong' | 'locking' | 'locked';

export interface LockoutState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export interface LockoutSettings {
  /** Failures in a row that lock the account (LOGIN_LOCKOUT_THRESHOLD). */
  threshold: number;
  /** Lock duration (LOGIN_LOCKOUT_MINUTES). */
  minutes: number;
}

export interface LockoutUpdate extends LockoutState {
  result: Exclude<PasswordAttemptResult, 'locked'>;
}

export function isLocked(state: Pick<LockoutState, 'lockedUntil'>, now: Date): boolean {
  return !!state.lockedUntil && state.lockedUntil > now;
}

/**
 * The counter after a checked password, the same for sign-in and password
 * change: a correct one resets it; a wrong one counts, and the one that
 * reaches the threshold locks the account (the counter starts again at 0).
 */
export function afterPasswordCheck(state: LockoutState, correct: boolean, now: Date, settings: LockoutSettings): LockoutUpdate {
  if (correct) return { result: 'ok', failedAttempts: 0, lockedUntil: null };
  const failures = state.failedAttempts + 1;
  if (failures < settings.threshold) return { result: 'wrong', failedAttempts: failures, lockedUntil: null };
  return { result: 'locking', failedAttempts: 0, lockedUntil: new Date(now.getTime() + settings.minutes * 60_000) };
}

/** How a failed attempt is audited (a correct password is audited by what it was for: the sign-in, the change). */
export function failedAttemptAudit(result: Exclude<PasswordAttemptResult, 'ok'>): Pick<AuditRecord, 'action' | 'outcome'> {
  switch (result) {
    case 'locking':
      return { action: 'locked', outcome: 'denied' };
    case 'locked':
      return { action: 'login_failed', outcome: 'denied' };
    default:
      return { action: 'login_failed', outcome: 'failure' };
  }
}

/** Seconds until a lock ends (at least 1), for `Retry-After`. */
export const secondsUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

export const lockoutSettings = (config: { LOGIN_LOCKOUT_THRESHOLD: number; LOGIN_LOCKOUT_MINUTES: number }): LockoutSettings => ({
  threshold: config.LOGIN_LOCKOUT_THRESHOLD,
  minutes: config.LOGIN_LOCKOUT_MINUTES,
});
