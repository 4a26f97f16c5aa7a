import { loadConfig } from '@wegweiser/api/core';
import { PasswordHasher } from '@wegweiser/api/auth';
import { DEMO_PASSWORD, prepareDatabase } from '@wegweiser/api/database';
import { Client } from 'pg';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';
import { E2E_FIELD_KEYS } from '../support/field-keys';

const quiet = { log: () => undefined, warn: () => undefined, debug: () => undefined };

/** The application's role can read and write data, but change no schema. */
describe('application database role', () => {
  let db: TestDatabase;
  let app: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: db.ownerUrl,
      DATABASE_APP_ROLE: db.appRole,
      DATABASE_APP_PASSWORD: db.appPassword,
      SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters',
      ...E2E_FIELD_KEYS,
      DEMO_DATA: 'true',
      DEMO_CLIENTS: '20',
    });
    const runtime = await prepareDatabase(config, quiet, () => new PasswordHasher().hash(DEMO_PASSWORD));
    expect(runtime.demoDataLoaded).toBe(true);
    app = new Client({ connectionString: runtime.appUrl });
    await app.connect();
  });

  afterAll(async () => {
    await app?.end();
    await db?.drop();
  });

  const refused = async (sql: string) => {
    const error = await app.query(sql).then(
      () => undefined,
      (e: { code?: string }) => e,
    );
    expect(error).toBeDefined();
    return error?.code;
  };

  it('is a plain login role: no superuser, no CREATEDB/CREATEROLE, no BYPASSRLS, owns nothing', async () => {
    const [role] = await adminQuery<Record<string, boolean>>(
      'SELECT rolsuper, rolcreatedb, rolcreaterole, rolbypassrls, rolreplication, rolcanlogin FROM pg_roles WHERE rolname = $1',
      [db.appRole],
    );
    expect(role).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false, rolreplication: false, rolcanlogin: true });
    const owned = await adminQuery(
      `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1`,
      [db.appRole],
      db.ownerUrl,
    );
    expect(owned).toEqual([]);
  });

  /** Runs statements in one transaction with `app.municipality_id` set (as the API does per request). */
  const asTenant = async <T>(municipalityId: string, work: () => Promise<T>): Promise<T> => {
    await app.query('BEGIN');
    try {
      await app.query(`SELECT set_config('app.municipality_id', $1, true)`, [municipalityId]);
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  };

  it('reads and writes case data of the municipality set for the transaction', async () => {
    const [municipality] = await adminQuery<{ id: string }>('SELECT id FROM municipality ORDER BY code LIMIT 1', [], db.ownerUrl);
    await asTenant(municipality?.id ?? '', async () => {
      const { rows } = await app.query('SELECT count(*)::int AS n FROM client');
      expect(rows[0].n).toBeGreaterThan(0);
      const updated = await app.query(`UPDATE client SET first_name = first_name WHERE case_number = (SELECT min(case_number) FROM client)`);
      expect(updated.rowCount).toBe(1);
    });
  });

  it.each(['municipality', 'team', 'app_user', 'client'])('sees no %s row without app.municipality_id (row-level security)', async (table) => {
    const [all] = await adminQuery<{ n: string }>(`SELECT count(*) AS n FROM ${table}`, [], db.ownerUrl);
    expect(Number(all?.n)).toBeGreaterThan(0);
    expect((await app.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n).toBe(0);
  });

  it('with municipality X sees no row of municipality Y, and cannot write into Y', async () => {
    const municipalities = await adminQuery<{ id: string }>('SELECT id FROM municipality ORDER BY code', [], db.ownerUrl);
    const [x, y] = municipalities.map((m) => m.id);
    await asTenant(x ?? '', async () => {
      const foreign = await app.query(
        `SELECT (SELECT count(*) FROM client WHERE municipality_id <> $1)::int AS clients,
                (SELECT count(*) FROM app_user WHERE municipality_id <> $1)::int AS users,
                (SELECT count(*) FROM team WHERE municipality_id <> $1)::int AS teams`,
        [x],
      );
      expect(foreign.rows[0]).toEqual({ clients: 0, users: 0, teams: 0 });
      const [team] = await adminQuery<{ id: string }>('SELECT id FROM team WHERE municipality_id = $1 LIMIT 1', [y], db.ownerUrl);
      const error = await app
        .query(`INSERT INTO client (municipality_id, team_id, case_number, first_name, last_name, date_of_birth, gender, country_of_origin, support_start)
                VALUES ($1, $2, 'XX-2026-99999', 'A', 'B', '1990-01-01', 'female', 'SY', '2026-01-01')`, [y, team?.id])
        .then(() => undefined, (e: { code?: string }) => e);
      expect(error?.code).toBe('42501');
    });
  });

  it.each([
    ['CREATE TABLE', 'CREATE TABLE intruder (id int)'],
    ['CREATE TEMP TABLE', 'CREATE TEMP TABLE intruder (id int)'],
    ['ALTER TABLE', 'ALTER TABLE client ADD COLUMN intruder text'],
    ['DROP TABLE', 'DROP TABLE client'],
    ['TRUNCATE', 'TRUNCATE client'],
    ['CREATE SCHEMA', 'CREATE SCHEMA intruder'],
    ['CREATE FUNCTION', 'CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$'],
    ['ALTER ROLE', `ALTER ROLE CURRENT_USER CREATEDB`],
    ['write migrations', `DELETE FROM migrations`],
  ])('cannot %s', async (_label, sql) => {
    expect(await refused(sql)).toBe('42501');
  });

  it('can read the migrations table (readiness)', async () => {
    const { rows } = await app.query('SELECT count(*)::int AS n FROM migrations');
    expect(rows[0].n).toBeGreaterThan(0);
  });
});
