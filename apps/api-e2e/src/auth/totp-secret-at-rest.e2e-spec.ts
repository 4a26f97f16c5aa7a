import { PasswordHasher, TotpService } from '@wegweiser/api/auth';
import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, startProcess, workspaceRoot } from '../support/api-process';
import { E2E_FIELD_KEY_ID, E2E_FIELD_KEYS } from '../support/field-keys';
import { migrate } from '../support/migrations';
import { completeTotpEnrolment } from '../support/second-factor';
import { DEMO_PASSWORD_FOR_TESTS, demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, ownerSeparatedDatabase, TestDatabase } from '../support/test-database';

const totp = new TotpService();
const BASE32 = /^[A-Z2-7]+=*$/;
const MIGRATION = 'EncryptTotpSecretsAtRest1767100000000';
const cli = join(workspaceRoot, 'dist/apps/api/cli.js');
const SESSION_SECRET = 'e2e-session-secret-of-at-least-32-characters';

/** The second step of a sign-in: a TOTP code (the answer, whatever its status). */
const verifyCode = (signed: SignedInAgent, code: string) => signed.agent.post('/api/auth/totp/verify').set(CSRF_HEADER, signed.csrf).send({ code });

/** Issue 18, point 6: TOTP secrets are encrypted at rest like conversation notes. */
describe('TOTP secrets are encrypted at rest', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  const server = () => api.app.getHttpServer();
  const storedSecret = async (id: string) =>
    (await adminQuery<{ totp_secret: string | null }>('SELECT totp_secret FROM app_user WHERE id = $1', [id], db.ownerUrl))[0]?.totp_secret ?? null;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '40', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('stores the pending and the confirmed secret as ciphertext only (not in the session either); TOTP sign-in works', async () => {
    const admin = pick(users, 'admin');
    const signed = await signIn(server(), admin.email);
    const enrolment = await signed.agent.post('/api/auth/totp/enrol').set(CSRF_HEADER, signed.csrf).expect(200);
    const secret = enrolment.body.secret as string;
    expect(secret).toMatch(BASE32);

    const pending = await storedSecret(admin.id);
    expect(pending).toMatch(new RegExp(`^v1:${E2E_FIELD_KEY_ID}:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/]+={0,2}$`));
    expect(pending).not.toMatch(BASE32);
    expect(pending).not.toContain(secret);
    expect(Buffer.from(String(pending?.split(':')[4]), 'base64').toString('latin1')).not.toContain(secret);
    const sessions = await adminQuery<{ sess: string }>('SELECT sess::text AS sess FROM user_session', [], db.ownerUrl);
    expect(sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(sessions)).not.toContain(secret);

    const code = await totp.generate(secret);
    await signed.agent.post('/api/auth/totp/confirm').set(CSRF_HEADER, signed.csrf).send({ code }).expect(200);
    expect(await storedSecret(admin.id)).toBe(pending);
    const dump = JSON.stringify(await adminQuery('SELECT * FROM app_user', [], db.ownerUrl));
    expect(dump).not.toContain(secret);

    const next = await signIn(server(), admin.email);
    expect(next.session.me.stage).toBe('totp_verify');
    const verified = await verifyCode(next, await totp.generate(secret, new Date(Date.now() + 30_000))).expect(200);
    expect(verified.body.me.stage).toBe('active');
    await next.agent.get('/api/users').expect(200);
  });

  it('the database refuses a plain secret in app_user.totp_secret', async () => {
    const dpo = pick(users, 'dpo');
    await expect(adminQuery(`UPDATE app_user SET totp_secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' WHERE id = $1`, [dpo.id], db.ownerUrl)).rejects.toThrow(
      /app_user_totp_secret_ciphertext/,
    );
    const [constraint] = await adminQuery<{ validated: boolean }>(
      `SELECT convalidated AS validated FROM pg_constraint WHERE conname = 'app_user_totp_secret_ciphertext'`,
      [],
      db.ownerUrl,
    );
    expect(constraint).toEqual({ validated: true });
  });

  it('a secret copied to another account does not verify there (500, the account stays at the second step); its owner still signs in', async () => {
    const [first, second] = users.filter((u) => u.role === 'manager');
    if (!first || !second) throw new Error('two managers needed');
    const enrolled = await completeTotpEnrolment(await signIn(server(), first.email));
    await adminQuery(
      `UPDATE app_user SET totp_enabled = true, totp_secret = (SELECT totp_secret FROM app_user WHERE id = $1) WHERE id = $2`,
      [first.id, second.id],
      db.ownerUrl,
    );
    const intruder = await signIn(server(), second.email);
    expect(intruder.session.me.stage).toBe('totp_verify');
    const refused = await verifyCode(intruder, await totp.generate(enrolled.secret, new Date(Date.now() + 30_000))).expect(500);
    expect(refused.body).toEqual({ statusCode: 500, code: 'internalError', message: 'Internal server error' });
    await intruder.agent.get('/api/clients').expect(403);
    expect((await intruder.agent.get('/api/auth/me').expect(200)).body.me.stage).toBe('totp_verify');

    const owner = await signIn(server(), first.email);
    await verifyCode(owner, await totp.generate(enrolled.secret, new Date(Date.now() + 30_000))).expect(200);
    await owner.agent.get('/api/clients').expect(200);
  });
});

/**
 * The upgrade of an installation whose accounts have plain secrets, and key
 * rotation, with production-like roles (the owner is not a superuser, so
 * FORCE ROW LEVEL SECURITY applies to it).
 */
describe('TOTP secrets: upgrade from plain text and key rotation', () => {
  const db = ownerSeparatedDatabase();
  const { ownerUrl, appUrl } = db;
  const municipality = '11111111-1111-4111-8111-111111111111';
  const dpoId = '33333333-3333-4333-8333-333333333333';
  const email = 'dsb@ts.wegweiser.example';
  const plainSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const rotatedKey = `rot2:${randomBytes(32).toString('base64')}`;
  const apps: TestApp[] = [];
  const superuser = <T extends object>(sql: string, params: unknown[] = []) => adminQuery<T>(sql, params, db.superuserUrl);
  const stored = async () => (await superuser<{ totp_secret: string }>('SELECT totp_secret FROM app_user WHERE id = $1', [dpoId]))[0]?.totp_secret;

  /** The API on this database (the application role managed outside Wegweiser), with the given keys. */
  async function appWith(keys: Record<string, string> = E2E_FIELD_KEYS): Promise<TestApp> {
    const app = new URL(appUrl);
    const fake: TestDatabase = { ...db, appRole: app.username, appPassword: app.password, appUrl, drop: db.drop };
    const started = await createTestApp(fake, [], { DATABASE_APP_URL: appUrl, LOGIN_RATE_LIMIT_PER_IP: '1000', ...keys });
    apps.push(started);
    return started;
  }

  beforeAll(async () => {
    await db.create();
    await migrate(ownerUrl, MIGRATION, 'before');
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.municipality_id', $1, true)`, [municipality]);
      await client.query(`INSERT INTO municipality (id, code, name) VALUES ($1, 'TS', 'Teststadt')`, [municipality]);
      await client.query(
        `INSERT INTO app_user (id, municipality_id, email, first_name, last_name, role, password_hash, totp_secret, totp_enabled)
         VALUES ($1, $2, $3, 'Dana', 'Schutz', 'dpo', $4, $5, true)`,
        [dpoId, municipality, email, await new PasswordHasher().hash(DEMO_PASSWORD_FOR_TESTS), plainSecret],
      );
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await db.drop();
  });

  it('the migration alone keeps the plain row but already refuses new plain text (constraint not yet validated)', async () => {
    await migrate(ownerUrl, MIGRATION, 'through');
    expect(await stored()).toBe(plainSecret);
    expect(await superuser(`SELECT convalidated AS validated FROM pg_constraint WHERE conname = 'app_user_totp_secret_ciphertext'`)).toEqual([{ validated: false }]);
    await expect(superuser(`UPDATE app_user SET totp_secret = 'ABCDEFGHIJKLMNOP' WHERE id = $1`, [dpoId])).rejects.toThrow(/app_user_totp_secret_ciphertext/);
  });

  it('start-up encrypts the plain secret with the configured key and validates the constraint; the code of that secret signs in', async () => {
    const api = await appWith();
    const sealed = await stored();
    expect(sealed).toMatch(new RegExp(`^v1:${E2E_FIELD_KEY_ID}:`));
    expect(sealed).not.toContain(plainSecret);
    expect(await superuser(`SELECT convalidated AS validated FROM pg_constraint WHERE conname = 'app_user_totp_secret_ciphertext'`)).toEqual([{ validated: true }]);
    expect(await superuser(`SELECT relforcerowsecurity AS forced FROM pg_class WHERE oid = 'app_user'::regclass`)).toEqual([{ forced: true }]);

    const signed = await signIn(api.app.getHttpServer(), email);
    expect(signed.session.me.stage).toBe('totp_verify');
    const verified = await verifyCode(signed, await totp.generate(plainSecret)).expect(200);
    expect(verified.body.me.stage).toBe('active');

    // Idempotent: another start leaves the value as it is.
    await appWith();
    expect(await stored()).toBe(sealed);
  });

  it('keys:rotate re-encrypts the secret under the new key id; sign-in works with the new key alone', async () => {
    const before = await stored();
    const run = async () => {
      const cliRun = startProcess(
        [cli, 'keys:rotate'],
        {
          DATABASE_URL: ownerUrl,
          DATABASE_APP_URL: appUrl,
          SESSION_SECRET,
          FIELD_ENCRYPTION_KEYS: `${E2E_FIELD_KEYS.FIELD_ENCRYPTION_KEYS},${rotatedKey}`,
          FIELD_ENCRYPTION_ACTIVE_KEY: 'rot2',
        },
        await freePort(),
      );
      const { code } = await cliRun.exited;
      return { code, output: cliRun.output() };
    };
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/^app_user: 1 values re-encrypted in 1 rows; 1 encrypted values, 0 not under the active key rot2$/m);
    expect(first.output).not.toContain(plainSecret);
    const rotated = await stored();
    expect(rotated).toMatch(/^v1:rot2:/);
    expect(rotated).not.toBe(before);
    expect((await run()).output).toMatch(/^app_user: 0 values re-encrypted in 0 rows; 1 encrypted values, 0 not under the active key rot2$/m);

    const api = await appWith({ FIELD_ENCRYPTION_KEYS: rotatedKey, FIELD_ENCRYPTION_ACTIVE_KEY: 'rot2' });
    const signed = await signIn(api.app.getHttpServer(), email);
    // The previous test used the current step's code: the next step's code (within the window) is still unused.
    const verified = await verifyCode(signed, await totp.generate(plainSecret, new Date(Date.now() + 30_000))).expect(200);
    expect(verified.body.me.stage).toBe('active');
  });
});
