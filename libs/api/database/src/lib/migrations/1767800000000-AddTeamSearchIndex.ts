import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search within a team from one index (issue 20): a GIN index over (team_id, search_text gin_trgm_ops)
 * (`btree_gin` puts the team into the trigram index), so "part of a name in my team" is one bitmap index scan
 * instead of the team's 2,000 rows filtered one by one.
 *
 * Under row-level security the planner uses an operator as an index condition only when its function is
 * LEAKPROOF (else it must run after the policy): `LIKE` on text (`textlike`) is not marked so, because an error
 * raised for a malformed pattern — one ending in the escape character — can depend on how far a hidden row
 * matched. Every pattern Wegweiser sends is `%…%` with `\`, `%` and `_` escaped (`escapeLike`), so it never ends in
 * an escape character and `textlike` reveals nothing but its result; the migration marks it LEAKPROOF in this
 * database (pg_proc is per database) when it runs as a superuser. Otherwise the index serves the team part only and
 * docs/operations.md tells the database administrator the one statement to run.
 */
export class AddTeamSearchIndex1767800000000 implements MigrationInterface {
  name = 'AddTeamSearchIndex1767800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const available = (await queryRunner.query(
      `SELECT count(*)::int AS n FROM pg_available_extensions WHERE name IN ('btree_gin', 'pg_trgm')`,
    )) as { n: number }[];
    if (available[0]?.n !== 2) return;
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS client_team_search_trgm_idx ON client USING gin (team_id, search_text gin_trgm_ops)`);
    if (await isSuperuser(queryRunner)) await queryRunner.query(`ALTER FUNCTION textlike(text, text) LEAKPROOF`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS client_team_search_trgm_idx`);
    if (await isSuperuser(queryRunner)) await queryRunner.query(`ALTER FUNCTION textlike(text, text) NOT LEAKPROOF`);
  }
}

async function isSuperuser(queryRunner: QueryRunner): Promise<boolean> {
  const [row] = (await queryRunner.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)) as { rolsuper: boolean }[];
  return row?.rolsuper === true;
}
