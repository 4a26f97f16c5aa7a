import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake (issue 16): a support period may start before the day the file is
 * created (the first meeting was last week), but only with a reason, kept on
 * the client row. Null for every client started on the day of intake.
 */
export class AddClientSupportStartReason1766000000000 implements MigrationInterface {
  name = 'AddClientSupportStartReason1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE client ADD COLUMN support_start_reason text
         CONSTRAINT client_support_start_reason_length CHECK (char_length(support_start_reason) BETWEEN 1 AND 500)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE client DROP COLUMN support_start_reason`);
  }
}
