import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// The vocabulary as of this migration (shared/contracts may grow; a later migration widens the checks).
const ERASURE_REASONS = ['no_longer_necessary', 'consent_withdrawn', 'objection', 'unlawful_processing', 'legal_obligation'];
const LEDGER_REASONS = ['retention', 'request'];

/**
 * Retention and erasure (issue 8, @wegweiser/api/retention).
 *
 * - `retention_policy`: one row per municipality (none = the defaults). A
 *   client's personal data is erased `erase_after_months` after its support
 *   ended: the earlier of closure and the support window's end. Default 72
 *   months (6 years: municipalities keep social files 6–10 years).
 *   `audit_retention_months` (default 120 = 10 years) is the period for audit
 *   rows, kept here for the audit purge (not yet run: see the lib's README).
 * - `legal_hold`: at most one per client; blocks every erasure. The reason is
 *   free text of the team lead and goes with the client (cascade).
 * - `erasure_request`: Art. 17 requests, started by a team lead with a reason
 *   code (Art. 17(1) lit. a–e, no free text), confirmed by an administrator.
 *   No foreign key to the client: the request stays, with the then anonymous
 *   id, as the record of the confirmed erasure.
 * - `erasure_ledger`: one row per erased client (its former id, the day, the
 *   municipality, retention or request), never deleted by retention, so that
 *   erasures can be replayed after restoring an older backup. The application
 *   role may only read and insert (RESTRICTED_TABLE_GRANTS).
 */
export class AddRetentionAndErasure1765600000000 implements MigrationInterface {
  name = 'AddRetentionAndErasure1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE retention_policy (
        municipality_id uuid PRIMARY KEY REFERENCES municipality (id),
        erase_after_months smallint NOT NULL DEFAULT 72 CHECK (erase_after_months BETWEEN 1 AND 240),
        audit_retention_months smallint NOT NULL DEFAULT 120 CHECK (audit_retention_months BETWEEN 12 AND 360),
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user (id)
      )`);
    await queryRunner.query(`
      CREATE TABLE legal_hold (
        client_id uuid PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        set_by uuid NOT NULL REFERENCES app_user (id),
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE erasure_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL,
        reason varchar(32) NOT NULL CHECK (reason IN (${list(ERASURE_REASONS)})),
        state varchar(16) NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed')),
        requested_by uuid NOT NULL REFERENCES app_user (id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        confirmed_by uuid REFERENCES app_user (id),
        confirmed_at timestamptz,
        CONSTRAINT erasure_request_confirmed CHECK ((state = 'confirmed') = (confirmed_by IS NOT NULL AND confirmed_at IS NOT NULL)),
        CONSTRAINT erasure_request_four_eyes CHECK (confirmed_by IS DISTINCT FROM requested_by)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX erasure_request_one_pending ON erasure_request (client_id) WHERE state = 'pending'`);
    await queryRunner.query(`CREATE INDEX erasure_request_state_idx ON erasure_request (municipality_id, state, requested_at)`);
    await queryRunner.query(`
      CREATE TABLE erasure_ledger (
        client_id uuid PRIMARY KEY,
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        erased_on date NOT NULL,
        reason varchar(16) NOT NULL CHECK (reason IN (${list(LEDGER_REASONS)}))
      )`);
    for (const table of ['retention_policy', 'legal_hold', 'erasure_request', 'erasure_ledger']) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY ${table}_tenant ON ${table} USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE erasure_ledger`);
    await queryRunner.query(`DROP TABLE erasure_request`);
    await queryRunner.query(`DROP TABLE legal_hold`);
    await queryRunner.query(`DROP TABLE retention_policy`);
  }
}
