import { verifyAuditChain } from '@wegweiser/api/audit';
import { CSRF_HEADER, UserResponse } from '@wegweiser/shared/contracts';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort, startProcess, workspaceRoot } from '../support/api-process';
import { E2E_FIELD_KEYS } from '../support/field-keys';
import { completeTotpEnrolment } from '../support/second-factor';
import { signIn } from '../support/sessions';
import { createTestApp } from '../support/test-app';
import { adminQuery, adminUrl, createTestDatabase, TestDatabase, withDatabase } from '../support/test-database';

const cli = join(workspaceRoot, 'dist/apps/api/cli.js');
const SESSION_SECRET = 'e2e-session-secret-of-at-least-32-characters';
const PASSWORD_LINE = /^One-time password: (\S+)$/m;

/** `npm run admin:create` (the built CLI): the first administrator of a municipality. */
describe('admin:create CLI', () => {
  const cleanups: (() => Promise<void>)[] = [];

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function fresh(): Promise<TestDatabase> {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    return db;
  }

  async function adminCreate(env: Record<string, string>, args: string[]) {
    const run = startProcess([cli, 'admin:create', ...args], { SESSION_SECRET, ...E2E_FIELD_KEYS, ...env }, await freePort());
    const { code } = await run.exited;
    const output = run.output();
    return { code, output, password: PASSWORD_LINE.exec(output)?.[1] };
  }

  const asOwner = (db: TestDatabase) => ({ DATABASE_URL: db.ownerUrl, DATABASE_APP_ROLE: db.appRole, DATABASE_APP_PASSWORD: db.appPassword });
  const args = (email: string, code: string, name?: string) => [
    '--email',
    email,
    '--first-name',
    'Erika',
    '--last-name',
    'Mustermann',
    '--municipality-code',
    code,
    ...(name ? ['--municipality-name', name] : []),
  ];
  const admins = (url: string) =>
    adminQuery<{ id: string; email: string; role: string; team_id: string | null; password_must_change: boolean; municipality_id: string; code: string; name: string }>(
      `SELECT u.id, u.email, u.role, u.team_id, u.password_must_change, u.municipality_id, m.code, m.name
         FROM app_user u JOIN municipality m ON m.id = u.municipality_id ORDER BY u.created_at`,
      [],
      url,
    );

  it('creates municipality and admin; the printed one-time password leads through TOTP and the password change', async () => {
    const db = await fresh();
    const result = await adminCreate(asOwner(db), args('Erika.Mustermann@NEU.wegweiser.example', 'neu', 'Neustadt am Test'));
    expect(result.code).toBe(0);
    const password = result.password as string;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(result.output.split(password)).toHaveLength(2); // printed exactly once
    expect(result.output).toContain('Created the municipality NEU (Neustadt am Test).');

    const [admin] = await admins(db.ownerUrl);
    expect(admin).toEqual(
      expect.objectContaining({ email: 'erika.mustermann@neu.wegweiser.example', role: 'admin', team_id: null, password_must_change: true, code: 'NEU', name: 'Neustadt am Test' }),
    );
    const audit = await adminQuery<{ action: string; entity_type: string; user_id: string | null; municipality_id: string }>(
      'SELECT action, entity_type, user_id, municipality_id FROM audit_event ORDER BY id',
      [],
      db.ownerUrl,
    );
    expect(audit).toEqual([
      { action: 'create', entity_type: 'municipality', user_id: null, municipality_id: admin?.municipality_id },
      { action: 'create', entity_type: 'user', user_id: null, municipality_id: admin?.municipality_id },
    ]);
    expect((await verifyAuditChain(db.ownerUrl)).brokenAt).toBeUndefined();

    const api = await createTestApp(db);
    try {
      const signed = await signIn(api.app.getHttpServer(), 'erika.mustermann@neu.wegweiser.example', password);
      expect(signed.session.me).toEqual(expect.objectContaining({ role: 'admin', stage: 'totp_enrol', municipality: { id: admin?.municipality_id, name: 'Neustadt am Test' } }));
      const enrolled = await completeTotpEnrolment(signed);
      expect(enrolled.session.me.stage).toBe('password_change');
      await enrolled.agent.get('/api/users').expect(403);
      const changed = await enrolled.agent
        .post('/api/auth/password')
        .set(CSRF_HEADER, enrolled.csrf)
        .send({ currentPassword: password, newPassword: 'Erika verwaltet jetzt Neustadt' })
        .expect(200);
      expect(changed.body.me.stage).toBe('active');
      const listed = (await enrolled.agent.get('/api/users').expect(200)).body as UserResponse[];
      expect(listed.map((u) => u.id)).toEqual([admin?.id]);
    } finally {
      await api.close();
    }
  });

  it('adds an admin to an existing municipality by its code, refuses a taken e-mail and a new code without a name', async () => {
    const db = await fresh();
    expect((await adminCreate(asOwner(db), args('erste@ab.wegweiser.example', 'AB', 'Annahmebrück'))).code).toBe(0);

    const second = await adminCreate(asOwner(db), args('zweite@ab.wegweiser.example', 'ab'));
    expect(second.code).toBe(0);
    expect(second.output).toContain('Municipality AB (Annahmebrück) found.');
    const [first, added] = await admins(db.ownerUrl);
    expect(added?.municipality_id).toBe(first?.municipality_id);

    const taken = await adminCreate(asOwner(db), args('ERSTE@ab.wegweiser.example', 'AB'));
    expect(taken.code).toBe(1);
    expect(taken.output).toContain('exists already');
    expect(taken.password).toBeUndefined();

    const nameless = await adminCreate(asOwner(db), args('dritte@xy.wegweiser.example', 'XY'));
    expect(nameless.code).toBe(1);
    expect(nameless.output).toContain('--municipality-name');
    expect(nameless.password).toBeUndefined();

    const malformed = await adminCreate(asOwner(db), ['--email', 'keine-adresse', '--municipality-code', 'X1']);
    expect(malformed.code).toBe(64);
    expect(malformed.output).toMatch(/--email[\s\S]*--first-name[\s\S]*--municipality-code/);

    expect(await admins(db.ownerUrl)).toHaveLength(2);
    expect(await adminQuery('SELECT 1 FROM municipality', [], db.ownerUrl)).toHaveLength(1);
  });

  it('works for an owner that is not a superuser, under FORCE ROW LEVEL SECURITY', async () => {
    const suffix = randomBytes(5).toString('hex');
    const [owner, app, database] = [`ww_e2e_owner_${suffix}`, `ww_e2e_app_${suffix}`, `ww_e2e_${suffix}`];
    const [ownerPassword, appPassword] = [randomBytes(16).toString('hex'), randomBytes(16).toString('hex')];
    await adminQuery(`CREATE ROLE ${owner} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${ownerPassword}'`);
    await adminQuery(`CREATE ROLE ${app} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${appPassword}'`);
    await adminQuery(`CREATE DATABASE ${database} OWNER ${owner}`);
    cleanups.push(async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await adminQuery(`DROP ROLE IF EXISTS ${app}`);
      await adminQuery(`DROP ROLE IF EXISTS ${owner}`);
    });
    const url = (role: string, password: string) => {
      const parsed = new URL(withDatabase(adminUrl(), database));
      parsed.username = role;
      parsed.password = password;
      return parsed.toString();
    };
    const env = { DATABASE_URL: url(owner, ownerPassword), DATABASE_APP_URL: url(app, appPassword) };

    const first = await adminCreate(env, args('erste@ms.wegweiser.example', 'MS', 'Musterstadt'));
    expect(first.code).toBe(0);
    const second = await adminCreate(env, args('zweite@ms.wegweiser.example', 'MS'));
    expect({ code: second.code, output: second.output }).toEqual({ code: 0, output: expect.stringContaining('Municipality MS (Musterstadt) found.') });

    const superuserView = withDatabase(adminUrl(), database);
    const created = await admins(superuserView);
    expect(created.map((a) => [a.email, a.code])).toEqual([
      ['erste@ms.wegweiser.example', 'MS'],
      ['zweite@ms.wegweiser.example', 'MS'],
    ]);
    const forced = await adminQuery<{ relname: string; relforcerowsecurity: boolean }>(
      `SELECT relname, relforcerowsecurity FROM pg_class WHERE relname IN ('municipality', 'app_user') ORDER BY relname`,
      [],
      superuserView,
    );
    expect(forced.every((t) => t.relforcerowsecurity)).toBe(true);
  });
});
