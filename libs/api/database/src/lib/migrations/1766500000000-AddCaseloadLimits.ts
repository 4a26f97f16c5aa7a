import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Caseload limits per account (issue 17, as OpenSPP has them): a recommended
 * size (above it the screens warn) and a hard maximum (at it, the API refuses
 * to assign another client). Null means no limit. Columns of app_user, so the
 * table's row-level security and the application role's grants apply as they
 * are; the database keeps the recommended size at or below the maximum.
 */
export class AddCaseloadLimits1766500000000 implements MigrationInterface {
  name = 'AddCaseloadLimits1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE app_user
        ADD COLUMN caseload_recommended integer CONSTRAINT app_user_caseload_recommended_range CHECK (caseload_recommended BETWEEN 1 AND 1000),
        ADD COLUMN caseload_maximum integer CONSTRAINT app_user_caseload_maximum_range CHECK (caseload_maximum BETWEEN 1 AND 1000),
        ADD CONSTRAINT app_user_caseload_order CHECK (caseload_recommended IS NULL OR caseload_maximum IS NULL OR caseload_recommended <= caseload_maximum)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_caseload_order, DROP COLUMN caseload_maximum, DROP COLUMN caseload_recommended`);
  }
}
