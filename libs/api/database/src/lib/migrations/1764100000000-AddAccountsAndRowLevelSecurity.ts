import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['team', 'client', 'app_user'];

/**
 * Accounts, server-side sessions, and the second wall of isolation:
 * row-level security on every table with municipality data, keyed on the
 * per-transaction setting `app.municipality_id` (set from the session).
 * Without the setting a query sees nothing.
 */
export class AddAccountsAndRowLevelSecurity1764100000000 implements MigrationInterface {
  name = 'AddAccountsAndRowLevelSecurity1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        team_id uuid REFERENCES team (id),
        email text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
        first_name text NOT NULL,
        last_name text NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('manager', 'team_lead', 'admin', 'evaluator', 'dpo')),
        password_hash text NOT NULL,
        password_must_change boolean NOT NULL DEFAULT false,
        totp_secret text,
        totp_enabled boolean NOT NULL DEFAULT false,
        recovery_code_hashes text[] NOT NULL DEFAULT '{}',
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_team_roles CHECK ((role IN ('manager', 'team_lead')) = (team_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX app_user_email_unique ON app_user (email)`);
    await queryRunner.query(`CREATE INDEX app_user_team_idx ON app_user (team_id)`);

    await queryRunner.query(`ALTER TABLE client ADD COLUMN responsible_manager_id uuid REFERENCES app_user (id)`);
    await queryRunner.query(`CREATE INDEX client_responsible_manager_idx ON client (responsible_manager_id)`);

    // express-session store (connect-pg-simple's schema); no personal data beyond ids.
    await queryRunner.query(`
      CREATE TABLE user_session (
        sid varchar PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX user_session_expire_idx ON user_session (expire)`);
    await queryRunner.query(`CREATE INDEX user_session_user_idx ON user_session ((sess ->> 'userId'))`);

    await queryRunner.query(`
      CREATE FUNCTION current_municipality_id() RETURNS uuid
        LANGUAGE sql STABLE
        AS $$ SELECT nullif(current_setting('app.municipality_id', true), '')::uuid $$`);

    await queryRunner.query(`ALTER TABLE municipality ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE municipality FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY municipality_tenant ON municipality USING (id = current_municipality_id())`);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY ${table}_tenant ON ${table} USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
      );
    }
    // Sign-in happens before the municipality is known: the login transaction may
    // reach exactly the one account whose e-mail it is authenticating.
    const loginEmail = `email = nullif(current_setting('app.login_email', true), '')`;
    await queryRunner.query(`CREATE POLICY app_user_login_read ON app_user FOR SELECT USING (${loginEmail})`);
    await queryRunner.query(`CREATE POLICY app_user_login_update ON app_user FOR UPDATE USING (${loginEmail}) WITH CHECK (${loginEmail})`);
    await queryRunner.query(`CREATE POLICY municipality_login_read ON municipality FOR SELECT USING (
      id IN (SELECT municipality_id FROM app_user WHERE ${loginEmail}))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY municipality_login_read ON municipality`);
    await queryRunner.query(`DROP POLICY municipality_tenant ON municipality`);
    await queryRunner.query(`ALTER TABLE municipality NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE municipality DISABLE ROW LEVEL SECURITY`);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`DROP POLICY IF EXISTS ${table}_tenant ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`DROP FUNCTION current_municipality_id()`);
    await queryRunner.query(`DROP TABLE user_session`);
    await queryRunner.query(`ALTER TABLE client DROP COLUMN responsible_manager_id`);
    await queryRunner.query(`DROP TABLE app_user`);
  }
}
