import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Performance (issue 9): the account check of every signed-in request in one
 * round trip instead of four (BEGIN, tenant settings, SELECT, COMMIT).
 *
 * `request_account(user)` reads the signed-in account (if still active) as
 * JSON. SECURITY INVOKER: row-level security applies as for any query of the
 * application role, so the caller must set the tenant first — in the same
 * statement, see `ONE_STATEMENT_TENANT` (libs/api/database/src/lib/tenancy/
 * tenant-sql.ts). VOLATILE and plpgsql so the planner never inlines it: it
 * runs while the statement's result row is built, after the tenant settings.
 */
export class AddRequestAccountFunction1765800000000 implements MigrationInterface {
  name = 'AddRequestAccountFunction1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION request_account(p_user_id uuid) RETURNS json
        LANGUAGE plpgsql VOLATILE SECURITY INVOKER
        SET search_path = pg_catalog, public
        AS $$
        BEGIN
          RETURN (SELECT json_build_object('id', u.id, 'municipalityId', u.municipality_id, 'teamId', u.team_id, 'role', u.role)
                    FROM app_user u WHERE u.id = p_user_id AND u.active);
        END
        $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION request_account(uuid)`);
  }
}
