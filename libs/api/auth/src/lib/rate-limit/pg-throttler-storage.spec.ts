import { Logger } from '@nestjs/common';
import { CLEANUP_INTERVAL_MS, CLEANUP_SQL, counterKey, HIT_SQL, PgThrottlerStorage, rateLimitKeySecret, RunStatement } from './pg-throttler-storage';

describe('PgThrottlerStorage', () => {
  const secret = rateLimitKeySecret('a-server-secret-of-at-least-32-characters');
  let calls: { sql: string; params: unknown[] }[];
  let clock: number;
  let storage: PgThrottlerStorage;
  const row = { hits: 3, expires_in: 42, blocked: false, block_expires_in: 0 };
  const run = (async (sql: string, params: unknown[]) => {
    calls.push({ sql, params });
    return sql === HIT_SQL ? [row] : [];
  }) as RunStatement;

  beforeEach(() => {
    calls = [];
    clock = 1_000_000;
    storage = new PgThrottlerStorage(run, secret, () => clock);
  });

  afterEach(() => jest.restoreAllMocks());

  it('counts a hit with one statement and maps its row to the throttler record', async () => {
    const record = await storage.increment('guard-key', 60_000, 10, 60_000, 'ip');
    expect(record).toEqual({ totalHits: 3, timeToExpire: 42, isBlocked: false, timeToBlockExpire: 0 });
    const hits = calls.filter((c) => c.sql === HIT_SQL);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.params).toEqual([counterKey(secret, 'ip', 'guard-key'), 60_000, 10, 60_000]);
  });

  it('stores a 32-byte HMAC, never the tracker in clear; the same on every instance with the same secret', () => {
    const key = counterKey(secret, 'account', 'account:someone@example.org');
    expect(key).toHaveLength(32);
    expect(key.toString('latin1')).not.toContain('someone');
    expect(counterKey(rateLimitKeySecret('a-server-secret-of-at-least-32-characters'), 'account', 'account:someone@example.org')).toEqual(key);
    expect(counterKey(rateLimitKeySecret('another-server-secret-of-32-characters!'), 'account', 'account:someone@example.org')).not.toEqual(key);
    expect(counterKey(secret, 'ip', 'account:someone@example.org')).not.toEqual(key);
  });

  it('deletes spent counters on a hit at most once per interval', async () => {
    await storage.increment('k', 60_000, 10, 60_000, 'ip');
    await storage.onApplicationShutdown();
    await storage.increment('k', 60_000, 10, 60_000, 'ip');
    clock += CLEANUP_INTERVAL_MS - 1;
    await storage.increment('k', 60_000, 10, 60_000, 'ip');
    expect(calls.filter((c) => c.sql === CLEANUP_SQL)).toHaveLength(1);
    clock += 1;
    await storage.increment('k', 60_000, 10, 60_000, 'ip');
    await storage.onApplicationShutdown();
    expect(calls.filter((c) => c.sql === CLEANUP_SQL)).toHaveLength(2);
  });

  it('logs a failed clean-up with its error code only and keeps counting', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const failing = new PgThrottlerStorage(
      (async (sql: string) => {
        if (sql === CLEANUP_SQL) throw Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
        return [row];
      }) as RunStatement,
      secret,
    );
    await expect(failing.increment('k', 1_000, 1, 1_000, 'ip')).resolves.toEqual(expect.objectContaining({ totalHits: 3 }));
    await failing.onApplicationShutdown();
    expect(warn).toHaveBeenCalledWith({ code: 'ECONNREFUSED' }, expect.any(String));
  });

  it('passes a failed hit on: the request fails rather than going unlimited', async () => {
    const broken = new PgThrottlerStorage((async () => Promise.reject(new Error('database down'))) as RunStatement, secret);
    await expect(broken.increment('k', 1_000, 1, 1_000, 'ip')).rejects.toThrow('database down');
  });
});
