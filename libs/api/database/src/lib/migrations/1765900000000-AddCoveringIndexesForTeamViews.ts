import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Performance (issue 9, statewide benchmark): the team dashboard and the
 * caseload count read a team's clients, their goals and the goals' steps —
 * thousands of rows per team, each fetched from the heap only to check a
 * column or two and the municipality that row-level security adds to every
 * query. These indexes carry those columns (INCLUDE), so the same plans run
 * as index-only scans. Each replaces the narrower index with the same key.
 * The plans before and after are in docs/performance.md.
 */
export class AddCoveringIndexesForTeamViews1765900000000 implements MigrationInterface {
  name = 'AddCoveringIndexesForTeamViews1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX client_team_state_window_cover_idx ON client (team_id, support_state, support_window_end)
         INCLUDE (municipality_id, id, responsible_manager_id, last_contact_on, support_start)`,
    );
    await queryRunner.query(`DROP INDEX client_team_state_window_idx`);
    await queryRunner.query(`CREATE INDEX goal_client_cover_idx ON goal (client_id) INCLUDE (municipality_id, id, state, field_of_action, due_on)`);
    await queryRunner.query(`DROP INDEX goal_client_idx`);
    await queryRunner.query(`CREATE INDEX goal_step_goal_cover_idx ON goal_step (goal_id) INCLUDE (municipality_id, done_on, due_on)`);
    await queryRunner.query(`DROP INDEX goal_step_goal_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX goal_step_goal_idx ON goal_step (goal_id)`);
    await queryRunner.query(`DROP INDEX goal_step_goal_cover_idx`);
    await queryRunner.query(`CREATE INDEX goal_client_idx ON goal (client_id)`);
    await queryRunner.query(`DROP INDEX goal_client_cover_idx`);
    await queryRunner.query(`CREATE INDEX client_team_state_window_idx ON client (team_id, support_state, support_window_end)`);
    await queryRunner.query(`DROP INDEX client_team_state_window_cover_idx`);
  }
}
