import { MigrationInterface, QueryRunner } from 'typeorm';

// Kept literal (not imported from @wegweiser/api/core): a migration is a snapshot of its time.
const CALENDAR_TIME_ZONE = 'Europe/Berlin';

/**
 * The day of a client's latest conversation on the client row, so that the
 * caseload can filter and sort by last contact without aggregating all
 * conversations (250,000 clients, 5 million conversations statewide).
 *
 * - `client.last_contact_on`: the calendar day (Europe/Berlin) of the latest
 *   `conversation.held_at`, null when never contacted; maintained by the
 *   application in the transaction that writes a conversation (see
 *   @wegweiser/api/clients LastContact) and by the demo seeder after COPY.
 *   Backfilled here past FORCE ROW LEVEL SECURITY (lifted for the owner
 *   inside this transaction, as for the search columns).
 * - Indexes for the keyset of the two new list orders, led by the team as
 *   every list query is: window end, and last contact with "never" first
 *   (`-infinity`, so that row comparison works without NULLs); then the
 *   name's sort key and id as in `client_team_sort_idx`.
 */
export class AddClientLastContact1764900000000 implements MigrationInterface {
  name = 'AddClientLastContact1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE client ADD COLUMN last_contact_on date`);
    await queryRunner.query(`ALTER TABLE client NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE conversation NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      UPDATE client c SET last_contact_on = latest.day
        FROM (SELECT client_id, (max(held_at) AT TIME ZONE '${CALENDAR_TIME_ZONE}')::date AS day FROM conversation GROUP BY client_id) latest
       WHERE c.id = latest.client_id`);
    await queryRunner.query(`ALTER TABLE conversation FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE client FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE INDEX client_team_window_sort_idx ON client (team_id, support_window_end, sort_key, id)`);
    await queryRunner.query(`CREATE INDEX client_team_last_contact_sort_idx ON client (team_id, (coalesce(last_contact_on, '-infinity'::date)), sort_key, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX client_team_last_contact_sort_idx`);
    await queryRunner.query(`DROP INDEX client_team_window_sort_idx`);
    await queryRunner.query(`ALTER TABLE client DROP COLUMN last_contact_on`);
  }
}
