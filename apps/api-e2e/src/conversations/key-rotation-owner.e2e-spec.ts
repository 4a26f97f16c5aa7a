import { PasswordHasher } from '@wegweiser/api/auth';
import { loadConfig } from '@wegweiser/api/core';
import { DEMO_PASSWORD, prepareDatabase } from '@wegweiser/api/database';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, startProcess, workspaceRoot } from '../support/api-process';
import { E2E_FIELD_KEYS } from '../support/field-keys';
import { adminQuery, ownerSeparatedDatabase } from '../support/test-database';

const quiet = { log: () => undefined, warn: () => undefined, debug: () => undefined };
const cli = join(workspaceRoot, 'dist/apps/api/cli.js');

/**
 * `keys:rotate` with production-like roles: the owner is not a superuser, so
 * FORCE ROW LEVEL SECURITY applies to it; the owner-only policies let it
 * rotate every municipality's notes, and nobody else.
 */
describe('keys:rotate with an owner that is not a superuser', () => {
  const db = ownerSeparatedDatabase();
  const { ownerUrl, appUrl } = db;
  const superuser = (sql: string, params: unknown[] = []) => adminQuery<Record<string, string>>(sql, params, db.superuserUrl);

  beforeAll(async () => {
    await db.create();
    const config = loadConfig({
      DATABASE_URL: ownerUrl,
      DATABASE_APP_URL: appUrl,
      DEMO_DATA: 'true',
      DEMO_CLIENTS: '40',
      SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters',
      ...E2E_FIELD_KEYS,
    });
    await prepareDatabase(config, quiet, () => new PasswordHasher().hash(DEMO_PASSWORD));
  });

  afterAll(async () => {
    await db.drop();
  });

  it('re-encrypts every municipality’s notes as the owner, without lifting row-level security', async () => {
    const [{ n: total } = { n: '0' }] = await superuser('SELECT count(*) AS n FROM conversation');
    expect(Number(total)).toBeGreaterThan(100);
    const run = startProcess(
      [cli, 'keys:rotate'],
      {
        DATABASE_URL: ownerUrl,
        DATABASE_APP_URL: appUrl,
        SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters',
        FIELD_ENCRYPTION_KEYS: `${E2E_FIELD_KEYS.FIELD_ENCRYPTION_KEYS},next:${randomBytes(32).toString('base64')}`,
        FIELD_ENCRYPTION_ACTIVE_KEY: 'next',
      },
      await freePort(),
    );
    expect((await run.exited).code).toBe(0);
    expect(run.output()).toMatch(new RegExp(`^conversation: \\d+ values re-encrypted in ${total} rows; \\d+ encrypted values, 0 not under the active key next$`, 'm'));
    expect(await superuser(`SELECT DISTINCT split_part(note_ciphertext, ':', 2) AS key_id FROM conversation`)).toEqual([{ key_id: 'next' }]);
    expect(await superuser(`SELECT relforcerowsecurity AS forced FROM pg_class WHERE oid = 'conversation'::regclass`)).toEqual([{ forced: true }]);
  });

  it('the owner-only policies admit neither the application role without a municipality nor with another one', async () => {
    const app = new Client({ connectionString: appUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      expect((await app.query('SELECT count(*)::int AS n FROM conversation')).rows).toEqual([{ n: 0 }]);
      expect((await app.query(`UPDATE conversation SET duration_minutes = 1`)).rowCount).toBe(0);
      await app.query('ROLLBACK');
      const [municipality] = await superuser('SELECT id FROM municipality ORDER BY code LIMIT 1');
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.municipality_id', $1, true)`, [municipality?.['id']]);
      const visible = (await app.query<{ n: number }>('SELECT count(DISTINCT municipality_id)::int AS n FROM conversation')).rows[0]?.n;
      expect(visible).toBe(1);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });
});
