import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open cases held by a manager, per municipality (issue 20): the evaluation's caseload (open cases and the
 * managers holding them) reads this partial index alone instead of every client's row of the municipality.
 */
export class AddOpenCaseIndex1768200000000 implements MigrationInterface {
  name = 'AddOpenCaseIndex1768200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX client_open_case_manager_idx ON client (municipality_id, responsible_manager_id) INCLUDE (support_start)
         WHERE support_state IN ('active', 'paused') AND responsible_manager_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX client_open_case_manager_idx`);
  }
}
