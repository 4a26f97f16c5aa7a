import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of a client's personal data (DOMAIN.md "Client") and the state of
 * the support period on the client row, which every write checks
 * (closed cases are read-only except for reopening).
 */
export class AddClientDetailsAndSupportState1764400000000 implements MigrationInterface {
  name = 'AddClientDetailsAndSupportState1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE client
        ADD COLUMN nationalities char(2)[] NOT NULL DEFAULT '{}',
        ADD COLUMN languages_spoken varchar(3)[] NOT NULL DEFAULT '{}',
        ADD COLUMN residence_status varchar(40),
        ADD COLUMN residence_valid_until date,
        ADD COLUMN housing varchar(32) CHECK (housing IN ('follow_up_accommodation', 'private_flat')),
        ADD COLUMN household_members smallint CHECK (household_members BETWEEN 1 AND 30),
        ADD COLUMN phone varchar(40),
        ADD COLUMN email varchar(254),
        ADD COLUMN address text,
        ADD COLUMN support_state varchar(16) NOT NULL DEFAULT 'active' CHECK (support_state IN ('active', 'paused', 'closed')),
        ADD COLUMN support_window_end date,
        ADD COLUMN paused_on date,
        ADD COLUMN closed_on date,
        ADD COLUMN closure_reason varchar(32)
          CHECK (closure_reason IN ('goals_reached', 'moved_away', 'window_ended', 'no_contact', 'declined', 'other')),
        ADD CONSTRAINT client_closed_has_reason CHECK ((support_state = 'closed') = (closure_reason IS NOT NULL AND closed_on IS NOT NULL))`);
    await queryRunner.query(`UPDATE client SET support_window_end = (support_start + interval '36 months')::date`);
    await queryRunner.query(`ALTER TABLE client ALTER COLUMN support_window_end SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE client ADD CONSTRAINT client_window_at_most_four_years
      CHECK (support_window_end > support_start AND support_window_end <= (support_start + interval '48 months')::date)`);
    await queryRunner.query(`CREATE INDEX client_team_state_window_idx ON client (team_id, support_state, support_window_end)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX client_team_state_window_idx`);
    await queryRunner.query(`ALTER TABLE client DROP CONSTRAINT client_window_at_most_four_years, DROP CONSTRAINT client_closed_has_reason,
      DROP COLUMN nationalities, DROP COLUMN languages_spoken, DROP COLUMN residence_status, DROP COLUMN residence_valid_until,
      DROP COLUMN housing, DROP COLUMN household_members, DROP COLUMN phone, DROP COLUMN email, DROP COLUMN address,
      DROP COLUMN support_state, DROP COLUMN support_window_end, DROP COLUMN paused_on, DROP COLUMN closed_on, DROP COLUMN closure_reason`);
  }
}
