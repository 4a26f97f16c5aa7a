import { MigrationInterface, QueryRunner } from 'typeorm';

/** The last accepted TOTP time step per account: a code is accepted once (RFC 6238, section 5.2). */
export class AddTotpReplayGuard1764300000000 implements MigrationInterface {
  name = 'AddTotpReplayGuard1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE app_user ADD COLUMN totp_last_step bigint`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE app_user DROP COLUMN totp_last_step`);
  }
}
