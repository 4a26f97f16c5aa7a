import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Runs of the audit hash-chain verification started by the data-protection
 * officer (issue 17): one row per run with its state, progress and result
 * (intact, or the first broken event and why), so that the Datenschutz page
 * shows the last verification. The check itself runs in the background job
 * as the owning role (`verifyMunicipalityAuditChain`); the row holds ids and
 * counts only.
 *
 * - Row-level security by municipality; the application role reads, inserts
 *   and updates (progress, result), never deletes (RESTRICTED_TABLE_GRANTS).
 */
export class AddAuditVerification1766700000000 implements MigrationInterface {
  name = 'AddAuditVerification1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_verification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        requested_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        state varchar(16) NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        checked integer CHECK (checked >= 0),
        intact boolean,
        broken_event_id bigint,
        broken_reason varchar(20) CHECK (broken_reason IN ('hashMismatch', 'prevHashMismatch')),
        error_code varchar(40) CHECK (error_code ~ '^[A-Za-z]{1,40}$'),
        CONSTRAINT audit_verification_result CHECK ((state = 'done') = (intact IS NOT NULL AND checked IS NOT NULL)),
        CONSTRAINT audit_verification_broken CHECK ((intact IS FALSE) = (broken_event_id IS NOT NULL AND broken_reason IS NOT NULL)),
        CONSTRAINT audit_verification_finished CHECK ((state IN ('done', 'failed')) = (finished_at IS NOT NULL)),
        CONSTRAINT audit_verification_error CHECK ((state = 'failed') = (error_code IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX audit_verification_recent_idx ON audit_verification (municipality_id, created_at DESC)`);
    await queryRunner.query(`ALTER TABLE audit_verification ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE audit_verification FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY audit_verification_tenant ON audit_verification USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_verification`);
  }
}
