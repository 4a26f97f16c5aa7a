import { afterPasswordCheck, failedAttemptAudit, isLocked, secondsUntil } from './lockout';

describe('lockout', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const settings = { threshold: 5, minutes: 15 };

  it('resets the counter on a correct password, also after failures', () => {
    expect(afterPasswordCheck({ failedAttempts: 4, lockedUntil: null }, true, now, settings)).toEqual({ result: 'ok', failedAttempts: 0, lockedUntil: null });
  });

  it('counts wrong passwords and locks for the configured minutes at the threshold, starting the count again', () => {
    expect(afterPasswordCheck({ failedAttempts: 3, lockedUntil: null }, false, now, settings)).toEqual({ result: 'wrong', failedAttempts: 4, lockedUntil: null });
    expect(afterPasswordCheck({ failedAttempts: 4, lockedUntil: null }, false, now, settings)).toEqual({
      result: 'locking',
      failedAttempts: 0,
      lockedUntil: new Date('2026-12-06T10:15:00Z'),
    });
  });

  it('is locked only until the lock ends', () => {
    expect(isLocked({ lockedUntil: new Date(now.getTime() + 1) }, now)).toBe(true);
    expect(isLocked({ lockedUntil: now }, now)).toBe(false);
    expect(isLocked({ lockedUntil: null }, now)).toBe(false);
  });

  it('audits failures like sign-in: a failure, the lock, an attempt during the lock', () => {
    expect(failedAttemptAudit('wrong')).toEqual({ action: 'login_failed', outcome: 'failure' });
    expect(failedAttemptAudit('locking')).toEqual({ action: 'locked', outcome: 'denied' });
    expect(failedAttemptAudit('locked')).toEqual({ action: 'login_failed', outcome: 'denied' });
  });

  it('answers Retry-After in whole seconds, at least 1', () => {
    expect(secondsUntil(new Date(now.getTime() + 900_000), now)).toBe(900);
    expect(secondsUntil(new Date(now.getTime() + 1_500), now)).toBe(2);
    expect(secondsUntil(now, now)).toBe(1);
  });
});
