import { MigrationInterface, QueryRunner } from 'typeorm';

/** The language of the user interface, remembered per account (German until changed). */
export class AddUserLocale1764800000000 implements MigrationInterface {
  name = 'AddUserLocale1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE app_user ADD COLUMN locale varchar(5) NOT NULL DEFAULT 'de' CONSTRAINT app_user_locale_check CHECK (locale IN ('de', 'en'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE app_user DROP COLUMN locale`);
  }
}
