import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// Vocabularies as of this migration (a later migration widens the checks).
const TEMPLATES = ['annualCouncil', 'cohortState'];
const STATES = ['queued', 'running', 'done', 'failed'];

/**
 * Evaluation reports produced in the background (issue 7): one row per
 * request, its progress, and — once done — the files (PDF, CSV, JSON) in the
 * database, so that backups include them and every API instance serves them.
 * Only aggregate, anonymised content is stored (after disclosure control).
 *
 * - Row-level security by municipality; only the requester reads a report
 *   (object-level check in the queries). The application role may read,
 *   insert and update (progress, state, files), never delete
 *   (RESTRICTED_TABLE_GRANTS).
 * - Retention: `expires_at` (finished + EVALUATION_REPORT_RETENTION_DAYS); the
 *   hourly job deletes expired rows as the owning role, which sees and deletes
 *   expired rows only (policies `evaluation_report_owner_*`; FORCE ROW LEVEL
 *   SECURITY applies to an owner that is not a superuser).
 */
export class AddEvaluationReport1765500000000 implements MigrationInterface {
  name = 'AddEvaluationReport1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE evaluation_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        requested_by uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        template varchar(32) NOT NULL CHECK (template IN (${list(TEMPLATES)})),
        period_from date NOT NULL,
        period_to date NOT NULL,
        k smallint NOT NULL CHECK (k BETWEEN 3 AND 100),
        state varchar(16) NOT NULL DEFAULT 'queued' CHECK (state IN (${list(STATES)})),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        error_code varchar(40) CHECK (error_code ~ '^[A-Za-z]{1,40}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        expires_at timestamptz,
        pdf bytea,
        csv text,
        json text,
        CONSTRAINT evaluation_report_period CHECK (period_from <= period_to),
        CONSTRAINT evaluation_report_files CHECK ((state = 'done') = (pdf IS NOT NULL AND csv IS NOT NULL AND json IS NOT NULL)),
        CONSTRAINT evaluation_report_finished CHECK ((state IN ('done', 'failed')) = (finished_at IS NOT NULL AND expires_at IS NOT NULL)),
        CONSTRAINT evaluation_report_error CHECK ((state = 'failed') = (error_code IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX evaluation_report_requester_idx ON evaluation_report (requested_by, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX evaluation_report_expiry_idx ON evaluation_report (expires_at) WHERE expires_at IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE evaluation_report ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE evaluation_report FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY evaluation_report_tenant ON evaluation_report USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
    );
    const ownerOnly = `pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'evaluation_report'::regclass), 'USAGE')`;
    await queryRunner.query(`CREATE POLICY evaluation_report_owner_expired ON evaluation_report FOR SELECT USING (${ownerOnly} AND expires_at <= now())`);
    await queryRunner.query(`CREATE POLICY evaluation_report_owner_purge ON evaluation_report FOR DELETE USING (${ownerOnly} AND expires_at <= now())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE evaluation_report`);
  }
}
