import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 (support period and consents in the browser): a pause, resumption
 * or reopening carries the reason the manager gives (`support_event.note`,
 * like an extension's justification), and a consent signed on paper says
 * where the paper is filed (`consent.filed_at`). Both optional, both in the
 * Art. 15 export.
 */
export class AddSupportNoteAndConsentFiling1766100000000 implements MigrationInterface {
  name = 'AddSupportNoteAndConsentFiling1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE support_event ADD COLUMN note varchar(500)`);
    await queryRunner.query(`ALTER TABLE consent ADD COLUMN filed_at varchar(200)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE consent DROP COLUMN filed_at`);
    await queryRunner.query(`ALTER TABLE support_event DROP COLUMN note`);
  }
}
