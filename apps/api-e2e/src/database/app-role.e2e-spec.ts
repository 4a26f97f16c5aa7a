import { loadConfig } from '@wegweiser/api/core';
import { prepareDatabase } from '@wegweiser/api/database';
import { Client } from 'pg';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

const quiet = { log: () => undefined, warn: () => undefined, debug: () => undefined };

/** The application's role can read and write data, but change no schema. */
describe('application database role', () => {
  let db: TestDatabase;
  let app: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ DATABASE_URL: db.ownerUrl, DATABASE_APP_ROLE: db.appRole, DATABASE_APP_PASSWORD: db.appPassword, DEMO_DATA: 'true', DEMO_CLIENTS: '20' });
    const runtime = await prepareDatabase(config, quiet);
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

  it('reads and writes case data', async () => {
    const { rows } = await app.query('SELECT count(*)::int AS n FROM client');
    expect(rows[0].n).toBe(20);
    const updated = await app.query(`UPDATE client SET first_name = first_name WHERE case_number = (SELECT min(case_number) FROM client)`);
    expect(updated.rowCount).toBe(1);
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
