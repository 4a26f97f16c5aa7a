import { createHmac } from 'node:crypto';
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** The one statement the storage runs per hit (and for the clean-up): `TenantTransactions.statement`, a side connection in autocommit. */
export type RunStatement = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/** Spent counters are deleted at most this often per instance, on the next hit (no timer). */
export const CLEANUP_INTERVAL_MS = 60_000;
/** Rows deleted per clean-up at most (the rest goes next time): a short statement whatever the backlog. */
const CLEANUP_BATCH = 1_000;

const ms = (param: string) => `(${param}::integer * interval '1 millisecond')`;
const BLOCKED = `c.blocked_until > now()`;
/** The window is over, or a block has just ended: counting starts again. */
const FRESH = `(c.window_ends_at <= now() OR c.blocked_until IS NOT NULL)`;

/**
 * One hit in one atomic statement: $1 key (32 bytes), $2 ttl ms, $3 limit, $4 block ms.
 * A fixed window per key: the first hit opens it for the ttl; the hit that
 * goes over the limit blocks the key for the block duration (hits while
 * blocked are not counted); after the window or the block the count restarts.
 * Concurrent hits of several instances serialise on the row (ON CONFLICT).
 */
export const HIT_SQL = `
  INSERT INTO rate_limit_counter AS c (key, hits, window_ends_at, blocked_until)
  VALUES ($1, 1, now() + ${ms('$2')}, CASE WHEN 1 > $3::integer THEN now() + ${ms('$4')} END)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN ${BLOCKED} THEN c.hits WHEN ${FRESH} THEN 1 ELSE c.hits + 1 END,
    window_ends_at = CASE WHEN ${BLOCKED} THEN c.window_ends_at WHEN ${FRESH} THEN excluded.window_ends_at ELSE c.window_ends_at END,
    blocked_until = CASE
      WHEN ${BLOCKED} THEN c.blocked_until
      WHEN ${FRESH} THEN excluded.blocked_until
      WHEN c.hits + 1 > $3::integer THEN now() + ${ms('$4')}
    END
  RETURNING hits,
    greatest(0, ceil(extract(epoch FROM window_ends_at - now())))::integer AS expires_in,
    coalesce(blocked_until > now(), false) AS blocked,
    greatest(0, ceil(extract(epoch FROM coalesce(blocked_until, now()) - now())))::integer AS block_expires_in`;

/** Spent counters (the only rows row-level security lets the application role delete). */
export const CLEANUP_SQL = `
  DELETE FROM rate_limit_counter WHERE key IN (
    SELECT key FROM rate_limit_counter
     WHERE window_ends_at <= now() AND (blocked_until IS NULL OR blocked_until <= now())
     LIMIT ${CLEANUP_BATCH})`;

interface HitRow {
  hits: number;
  expires_in: number;
  blocked: boolean;
  block_expires_in: number;
}

/** The HMAC key for counter keys, derived from the server secret (never the secret itself). */
export function rateLimitKeySecret(serverSecret: string | Buffer): Buffer {
  return createHmac('sha256', serverSecret).update('wegweiser:rate-limit-counter').digest();
}

/** The stored key: HMAC-SHA256 of throttler name and the guard's key (which holds route and tracker, e.g. an e-mail or IP). */
export function counterKey(secret: Buffer, throttlerName: string, key: string): Buffer {
  return createHmac('sha256', secret).update(`${throttlerName}\u0000${key}`).digest();
}

/**
 * @nestjs/throttler's storage in PostgreSQL (table `rate_limit_counter`), the
 * one part all API instances share: a limit holds in total, not per instance.
 * Keys are HMACs with a server secret, so the table shows no e-mail or IP
 * address and a list of addresses cannot be matched against it.
 */
export class PgThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private lastCleanup = 0;
  private cleanup: Promise<void> | null = null;

  constructor(
    private readonly run: RunStatement,
    private readonly secret: Buffer,
    private readonly now: () => number = Date.now,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const [row] = await this.run<HitRow>(HIT_SQL, [counterKey(this.secret, throttlerName, key), Math.ceil(ttl), Math.floor(limit), Math.ceil(blockDuration)]);
    if (!row) throw new Error('rate_limit_counter returned no row');
    this.maybeCleanUp();
    return { totalHits: row.hits, timeToExpire: row.expires_in, isBlocked: row.blocked, timeToBlockExpire: row.block_expires_in };
  }

  /** Deletes spent counters now and then (on a hit, at most once per interval); failures are logged, never the request's. */
  maybeCleanUp(): void {
    if (this.cleanup || this.now() - this.lastCleanup < CLEANUP_INTERVAL_MS) return;
    this.lastCleanup = this.now();
    this.cleanup = this.run(CLEANUP_SQL, [])
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn({ code: (error as { code?: unknown }).code }, 'Spent rate-limit counters could not be deleted'))
      .finally(() => (this.cleanup = null));
  }

  /** Lets a running clean-up finish before the pool closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.cleanup;
  }
}
