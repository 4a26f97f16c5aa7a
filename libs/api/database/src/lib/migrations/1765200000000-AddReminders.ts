import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// The vocabulary as of this migration (shared/contracts REMINDER_KINDS may grow; a later migration widens the check).
const REMINDER_KINDS = ['window_6m', 'window_3m', 'window_1m', 'goal_overdue', 'step_overdue', 'appointment_tomorrow', 'no_contact'];

/**
 * Reminders (Erinnerungen) created by the daily generator (@wegweiser/api/reminders).
 *
 * - `reminder`: one row per (kind, subject, occasion) and municipality — the
 *   unique key makes the generator idempotent (`INSERT ... ON CONFLICT DO
 *   NOTHING`), also when several API instances run it at once. `subject_id`
 *   is the client (window, appointment, no contact), the goal or the step;
 *   `occasion` what makes it new (window end, due date, appointment time,
 *   last contact). The application role may read, insert and set `read_at`
 *   only (see RESTRICTED_TABLE_GRANTS); rows go with their client (cascade).
 * - `municipality_owner_list`: the owning role may list the municipalities
 *   (the generator visits each in its own tenant transaction). FORCE ROW
 *   LEVEL SECURITY otherwise hides them from an owner that is not a
 *   superuser; the application role is not a member of the owner, so nothing
 *   changes for it.
 */
export class AddReminders1765200000000 implements MigrationInterface {
  name = 'AddReminders1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reminder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        team_id uuid NOT NULL REFERENCES team (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        recipient_id uuid REFERENCES app_user (id),
        kind varchar(24) NOT NULL CHECK (kind IN (${list(REMINDER_KINDS)})),
        subject_id uuid NOT NULL,
        occasion varchar(40) NOT NULL,
        due_on date NOT NULL,
        appointment_at timestamptz,
        weeks smallint CHECK (weeks BETWEEN 1 AND 520),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT reminder_occasion_key UNIQUE (municipality_id, kind, subject_id, occasion),
        CONSTRAINT reminder_appointment CHECK ((kind = 'appointment_tomorrow') = (appointment_at IS NOT NULL)),
        CONSTRAINT reminder_weeks CHECK ((kind = 'no_contact') = (weeks IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX reminder_client_idx ON reminder (client_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX reminder_team_unread_idx ON reminder (team_id, created_at DESC) WHERE read_at IS NULL`);
    await queryRunner.query(`ALTER TABLE reminder ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE reminder FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY reminder_tenant ON reminder USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
    );
    await queryRunner.query(
      `CREATE POLICY municipality_owner_list ON municipality FOR SELECT
         USING (pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'municipality'::regclass), 'USAGE'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY municipality_owner_list ON municipality`);
    await queryRunner.query(`DROP TABLE reminder`);
  }
}
