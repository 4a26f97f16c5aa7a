import { MigrationInterface, QueryRunner } from 'typeorm';

/** A row is spent once its window and any block have passed. */
const EXPIRED = `window_ends_at <= now() AND (blocked_until IS NULL OR blocked_until <= now())`;

/**
 * Rate-limit counters shared by every API instance (issue 18): the sign-in
 * and password-change limits per IP address and per account used to live in
 * each instance's memory, so N instances allowed N × the limit.
 *
 * - One row per counter: `key` is an HMAC-SHA256 (server secret) of throttler,
 *   route and tracker, never an e-mail address or IP address in clear; a fixed
 *   window (`hits` until `window_ends_at`) and a block after the limit.
 * - Each hit is one atomic `INSERT … ON CONFLICT (key) DO UPDATE … RETURNING`
 *   (`PgThrottlerStorage`), so concurrent instances count correctly.
 * - No municipality: sign-in happens before one is known. Row-level security
 *   (forced) lets the application role read, insert and update counters, but
 *   delete only spent ones (the opportunistic clean-up); it may update only the
 *   counting columns, never the key (RESTRICTED_TABLE_GRANTS).
 */
export class AddRateLimitCounter1767000000000 implements MigrationInterface {
  name = 'AddRateLimitCounter1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rate_limit_counter (
        key bytea PRIMARY KEY CHECK (octet_length(key) = 32),
        hits integer NOT NULL CHECK (hits >= 0),
        window_ends_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX rate_limit_counter_window_idx ON rate_limit_counter (window_ends_at)`);
    await queryRunner.query(`ALTER TABLE rate_limit_counter ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE rate_limit_counter FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY rate_limit_counter_read ON rate_limit_counter FOR SELECT USING (true)`);
    await queryRunner.query(`CREATE POLICY rate_limit_counter_insert ON rate_limit_counter FOR INSERT WITH CHECK (true)`);
    await queryRunner.query(`CREATE POLICY rate_limit_counter_count ON rate_limit_counter FOR UPDATE USING (true) WITH CHECK (true)`);
    await queryRunner.query(`CREATE POLICY rate_limit_counter_cleanup ON rate_limit_counter FOR DELETE USING (${EXPIRED})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rate_limit_counter`);
  }
}
