import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The disclosure threshold k as a policy of the municipality (issue 19), no
 * longer a parameter of each evaluation request: `municipality.evaluation_k`
 * (minimum 5, default 5), set by the administrator.
 *
 * Every change is kept in `evaluation_policy_change` (old and new k, who,
 * when): appended, never rewritten (RESTRICTED_TABLE_GRANTS), under
 * row-level security by municipality. The audit event of a change names its
 * row, so the trail shows the old and the new value.
 */
export class AddEvaluationPolicy1767500000000 implements MigrationInterface {
  name = 'AddEvaluationPolicy1767500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE municipality
        ADD COLUMN evaluation_k smallint NOT NULL DEFAULT 5 CONSTRAINT municipality_evaluation_k_range CHECK (evaluation_k BETWEEN 5 AND 100)`);
    await queryRunner.query(`
      CREATE TABLE evaluation_policy_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        old_k smallint NOT NULL CHECK (old_k BETWEEN 3 AND 100),
        new_k smallint NOT NULL CHECK (new_k BETWEEN 5 AND 100),
        changed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX evaluation_policy_change_municipality_idx ON evaluation_policy_change (municipality_id, changed_at DESC)`);
    await queryRunner.query(`ALTER TABLE evaluation_policy_change ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE evaluation_policy_change FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY evaluation_policy_change_tenant ON evaluation_policy_change USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE evaluation_policy_change`);
    await queryRunner.query(`ALTER TABLE municipality DROP COLUMN evaluation_k`);
  }
}
