import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The team dashboard's figures, kept for at most a minute (issue 20): one row per team and "no contact for more
 * than N weeks", with the day they describe and when they were computed. The figures are counts per team and per
 * manager (staff names, no client data); the cache lives in PostgreSQL under row-level security by municipality,
 * never in the API process. Removed with the team.
 */
export class AddTeamDashboardCache1767700000000 implements MigrationInterface {
  name = 'AddTeamDashboardCache1767700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE team_dashboard_cache (
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        team_id uuid NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        no_contact_weeks smallint NOT NULL CHECK (no_contact_weeks BETWEEN 1 AND 104),
        as_of date NOT NULL,
        computed_at timestamptz NOT NULL,
        figures jsonb NOT NULL,
        PRIMARY KEY (team_id, no_contact_weeks)
      )`);
    await queryRunner.query(`ALTER TABLE team_dashboard_cache ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE team_dashboard_cache FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY team_dashboard_cache_tenant ON team_dashboard_cache USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE team_dashboard_cache`);
  }
}
