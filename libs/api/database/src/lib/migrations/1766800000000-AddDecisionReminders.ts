import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// The vocabulary as of this migration (shared/contracts REMINDER_KINDS).
const GENERATED = ['window_6m', 'window_3m', 'window_1m', 'goal_overdue', 'step_overdue', 'appointment_tomorrow', 'no_contact'];
const DECISIONS = ['plan_returned', 'extension_rejected'];

/**
 * Reminders made by a team lead's decision (issue 17): a plan returned from
 * sign-off (`plan_returned`, subject the review) and an extension request
 * returned (`extension_rejected`, subject the request) remind the responsible
 * manager. Only the kind check widens; the unique key (kind, subject,
 * occasion) keeps one reminder per decision, the grants and the row-level
 * policy of `reminder` stay as they are.
 */
export class AddDecisionReminders1766800000000 implements MigrationInterface {
  name = 'AddDecisionReminders1766800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE reminder DROP CONSTRAINT reminder_kind_check`);
    await queryRunner.query(`ALTER TABLE reminder ADD CONSTRAINT reminder_kind_check CHECK (kind IN (${list([...GENERATED, ...DECISIONS])}))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM reminder WHERE kind IN (${list(DECISIONS)})`);
    await queryRunner.query(`ALTER TABLE reminder DROP CONSTRAINT reminder_kind_check`);
    await queryRunner.query(`ALTER TABLE reminder ADD CONSTRAINT reminder_kind_check CHECK (kind IN (${list(GENERATED)}))`);
  }
}
