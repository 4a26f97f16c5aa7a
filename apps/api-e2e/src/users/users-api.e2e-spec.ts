import { PasswordPolicy } from '@wegweiser/api/auth';
import { CreateUserResponse, CSRF_HEADER, UserResponse } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { completeTotpEnrolment } from '../support/second-factor';
import { csrfToken, DEMO_PASSWORD_FOR_TESTS, demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

const USER_RESPONSE_KEYS = ['active', 'email', 'firstName', 'id', 'lastName', 'locked', 'role', 'teamId', 'totpEnabled', 'version'];

interface AccountRow {
  id: string;
  email: string;
  role: string;
  team_id: string | null;
  first_name: string;
  last_name: string;
  active: boolean;
  password_hash: string;
  password_must_change: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  version: number;
}

/** `/api/users`: account administration by the municipality's admin (issue 4). */
describe('user administration', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  let adminA: DemoUser;
  let asAdminA: SignedInAgent;
  let municipalityA: string;
  let municipalityB: string;
  let teamA: string;
  let teamB: string;
  let serial = 0;
  const server = () => api.app.getHttpServer();
  const newEmail = () => `neu.${++serial}@ms.wegweiser.example`;
  const account = async (id: string) =>
    (await adminQuery<AccountRow>('SELECT * FROM app_user WHERE id = $1', [id], db.ownerUrl))[0] as AccountRow;
  const accountCount = async () => Number((await adminQuery<{ n: string }>('SELECT count(*) AS n FROM app_user', [], db.ownerUrl))[0]?.n);
  const auditRows = (entityId: string) =>
    adminQuery<{ action: string; outcome: string; entity_type: string; user_id: string | null }>(
      'SELECT action, outcome, entity_type, user_id FROM audit_event WHERE entity_id = $1 ORDER BY id',
      [entityId],
      db.ownerUrl,
    );
  const post = (path: string, body: object = {}) => asAdminA.agent.post(path).set(CSRF_HEADER, asAdminA.csrf).send(body);
  const patch = (path: string, body: object) => asAdminA.agent.patch(path).set(CSRF_HEADER, asAdminA.csrf).send(body);
  const createUser = async (body: object = {}) =>
    (await post('/api/users', { email: newEmail(), firstName: 'Nora', lastName: 'Neumann', role: 'manager', teamId: teamA, ...body }).expect(201))
      .body as CreateUserResponse;
  const signInAdmin = async (user: DemoUser) => completeTotpEnrolment(await signIn(server(), user.email));

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '60', LOGIN_RATE_LIMIT_PER_IP: '10000', LOGIN_RATE_LIMIT_PER_ACCOUNT: '1000' });
    users = await demoUsers(db.ownerUrl);
    adminA = pick(users, 'admin');
    municipalityA = adminA.municipality_id;
    municipalityB = pick(users, 'admin', (u) => u.municipality_id !== municipalityA).municipality_id;
    teamA = pick(users, 'team_lead', (u) => u.municipality_id === municipalityA).team_id as string;
    teamB = pick(users, 'team_lead', (u) => u.municipality_id === municipalityB).team_id as string;
    asAdminA = await signInAdmin(adminA);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('lists exactly the accounts of the own municipality, without any secret', async () => {
    const response = await asAdminA.agent.get('/api/users').expect(200);
    const listed = response.body as UserResponse[];
    const expected = (await demoUsers(db.ownerUrl)).filter((u) => u.municipality_id === municipalityA).map((u) => u.id);
    expect(listed.map((u) => u.id).sort()).toEqual(expected.sort());
    for (const user of listed) expect(Object.keys(user).sort()).toEqual(USER_RESPONSE_KEYS);
    expect(JSON.stringify(response.body)).not.toMatch(/argon2|password|secret|recovery/i);
    const self = listed.find((u) => u.id === adminA.id);
    expect(self).toEqual(expect.objectContaining({ email: adminA.email, role: 'admin', teamId: null, active: true, totpEnabled: true, locked: false }));
  });

  it('answers GET /api/users/:id for an account of the municipality, 400 for a malformed id', async () => {
    const manager = pick(users, 'manager', (u) => u.municipality_id === municipalityA);
    const response = await asAdminA.agent.get(`/api/users/${manager.id}`).expect(200);
    expect(response.body).toEqual(expect.objectContaining({ id: manager.id, email: manager.email, role: 'manager', teamId: manager.team_id }));
    await asAdminA.agent.get('/api/users/nicht-eine-uuid').expect(400);
  });

  it('creates an account whose one-time password signs in once into the password change', async () => {
    const email = newEmail();
    const created = await createUser({ email: `  ${email.toUpperCase()} `, firstName: ' Nora ' });
    expect(created.user).toEqual(
      expect.objectContaining({ email, firstName: 'Nora', lastName: 'Neumann', role: 'manager', teamId: teamA, active: true, totpEnabled: false, locked: false }),
    );
    expect(Object.keys(created.user).sort()).toEqual(USER_RESPONSE_KEYS);
    const { oneTimePassword } = created;
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(20);
    expect(new PasswordPolicy().check(oneTimePassword, { email, firstName: 'Nora', lastName: 'Neumann' })).toBeNull();

    const row = await account(created.user.id);
    expect(row.password_must_change).toBe(true);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(oneTimePassword);
    expect(await auditRows(created.user.id)).toEqual([{ action: 'create', outcome: 'success', entity_type: 'user', user_id: adminA.id }]);
    // Shown once: no route answers with it again.
    const again = await asAdminA.agent.get(`/api/users/${created.user.id}`).expect(200);
    expect(JSON.stringify(again.body)).not.toContain(oneTimePassword);

    const first = await signIn(server(), email, oneTimePassword);
    expect(first.session.me.stage).toBe('password_change');
    const blocked = await first.agent.get('/api/clients').expect(403);
    expect(blocked.body.code).toBe('passwordChangeRequired');
    const changed = await first.agent
      .post('/api/auth/password')
      .set(CSRF_HEADER, first.csrf)
      .send({ currentPassword: oneTimePassword, newPassword: 'Nora wählt ihr eigenes Passwort' })
      .expect(200);
    expect(changed.body.me.stage).toBe('active');
    await first.agent.get('/api/clients').expect(200);
    expect((await account(created.user.id)).password_must_change).toBe(false);
    await expect(signIn(server(), email, oneTimePassword)).rejects.toThrow(/401/);
  });

  it('refuses an e-mail address that has an account (any case, any municipality) with 409 emailTaken', async () => {
    const elsewhere = pick(users, 'manager', (u) => u.municipality_id === municipalityB);
    const before = await accountCount();
    for (const email of [elsewhere.email.toUpperCase(), adminA.email]) {
      const response = await post('/api/users', { email, firstName: 'Doppel', lastName: 'Gänger', role: 'evaluator' }).expect(409);
      expect(response.body.code).toBe('emailTaken');
    }
    expect(await accountCount()).toBe(before);
  });

  it.each([
    ['no role', { role: undefined }, { role: 'isIn' }],
    ['an unknown role', { role: 'superuser' }, { role: 'isIn' }],
    ['a malformed e-mail', { email: 'keine-adresse' }, { email: 'isEmail' }],
    ['an empty name', { lastName: '  ' }, { lastName: 'minLength' }],
    ['a password of its own', { password: 'Mein-eigenes-Passwort' }, { password: 'unknownProperty' }],
    ['a manager without a team', { teamId: undefined }, { teamId: 'teamRequired' }],
    ['an evaluator with a team', { role: 'evaluator' }, { teamId: 'teamNotAllowed' }],
    ['a team of another municipality', { teamId: 'B' }, { teamId: 'unknownTeam' }],
    ['a team that does not exist', { teamId: '00000000-0000-4000-8000-000000000000' }, { teamId: 'unknownTeam' }],
  ])('refuses %s with 400 and stores nothing', async (_name, change, errors) => {
    const before = await accountCount();
    const body: Record<string, unknown> = { email: newEmail(), firstName: 'Bea', lastName: 'Beispiel', role: 'manager', teamId: teamA, ...change };
    if (body['teamId'] === 'B') body['teamId'] = teamB;
    const response = await post('/api/users', body).expect(400);
    expect(response.body).toEqual(expect.objectContaining({ code: 'validationFailed', errors }));
    expect(await accountCount()).toBe(before);
  });

  it('changes names, role and team, with optimistic locking', async () => {
    const { user } = await createUser();
    const renamed = await patch(`/api/users/${user.id}`, { lastName: 'Neumann-Berg', version: user.version }).expect(200);
    expect(renamed.body).toEqual(expect.objectContaining({ lastName: 'Neumann-Berg', firstName: 'Nora', version: user.version + 1 }));
    const stale = await patch(`/api/users/${user.id}`, { lastName: 'Veraltet', version: user.version }).expect(409);
    expect(stale.body.code).toBe('staleVersion');

    const needsNoTeam = await patch(`/api/users/${user.id}`, { role: 'evaluator' }).expect(400);
    expect(needsNoTeam.body.errors).toEqual({ teamId: 'teamNotAllowed' });
    const foreignTeam = await patch(`/api/users/${user.id}`, { teamId: teamB }).expect(400);
    expect(foreignTeam.body.errors).toEqual({ teamId: 'unknownTeam' });
    const badType = await patch(`/api/users/${user.id}`, { active: 'nein', lastName: null }).expect(400);
    expect(badType.body.code).toBe('validationFailed');
    const unchanged = await account(user.id);
    expect(unchanged).toEqual(expect.objectContaining({ role: 'manager', team_id: teamA, last_name: 'Neumann-Berg', active: true, version: user.version + 1 }));

    const evaluator = await patch(`/api/users/${user.id}`, { role: 'evaluator', teamId: null }).expect(200);
    expect(evaluator.body).toEqual(expect.objectContaining({ role: 'evaluator', teamId: null }));
    const lead = await patch(`/api/users/${user.id}`, { role: 'team_lead', teamId: teamA }).expect(200);
    expect(lead.body).toEqual(expect.objectContaining({ role: 'team_lead', teamId: teamA }));
    expect((await auditRows(user.id)).map((r) => r.action)).toEqual(['create', 'update', 'update', 'update']);
  });

  it('deactivation ends the account’s sessions at once and blocks sign-in; reactivation lifts it', async () => {
    const manager = pick(users, 'manager', (u) => u.team_id === teamA);
    const asManager = await signIn(server(), manager.email);
    await asManager.agent.get('/api/auth/me').expect(200);

    const response = await patch(`/api/users/${manager.id}`, { active: false }).expect(200);
    expect(response.body.active).toBe(false);
    const [{ n } = { n: '' }] = await adminQuery<{ n: string }>(`SELECT count(*) AS n FROM user_session WHERE sess ->> 'userId' = $1`, [manager.id], db.ownerUrl);
    expect(n).toBe('0');
    await asManager.agent.get('/api/auth/me').expect(401);
    await expect(signIn(server(), manager.email)).rejects.toThrow(/401/);
    expect((await auditRows(manager.id)).map((r) => [r.action, r.entity_type])).toContainEqual(['delete', 'user']);

    await patch(`/api/users/${manager.id}`, { active: true }).expect(200);
    await signIn(server(), manager.email);
  });

  it('a role change ends the sessions: the new role’s second factor is due at the next sign-in', async () => {
    const evaluator = pick(users, 'evaluator', (u) => u.municipality_id === municipalityA);
    const asEvaluator = await signIn(server(), evaluator.email);
    expect(asEvaluator.session.me.stage).toBe('active');
    await patch(`/api/users/${evaluator.id}`, { role: 'dpo' }).expect(200);
    await asEvaluator.agent.get('/api/auth/me').expect(401);
    expect((await signIn(server(), evaluator.email)).session.me.stage).toBe('totp_enrol');
  });

  it('an admin cannot deactivate, demote or reset their own account (409), but may rename it', async () => {
    for (const body of [{ active: false }, { role: 'evaluator' }, { role: 'manager', teamId: teamA }]) {
      const response = await patch(`/api/users/${adminA.id}`, body).expect(409);
      expect(response.body.code).toBe('cannotChangeOwnAccount');
    }
    expect((await post(`/api/users/${adminA.id}/reset-password`).expect(409)).body.code).toBe('cannotChangeOwnAccount');
    expect(await account(adminA.id)).toEqual(expect.objectContaining({ role: 'admin', active: true }));
    await patch(`/api/users/${adminA.id}`, { firstName: 'Adele' }).expect(200);
    await asAdminA.agent.get('/api/users').expect(200);
  });

  it('reset-password: a new one-time password, the lockout lifted, the sessions ended', async () => {
    const manager = pick(users, 'manager', (u) => u.municipality_id === municipalityA && u.team_id !== teamA);
    const asManager = await signIn(server(), manager.email);
    await adminQuery(`UPDATE app_user SET failed_attempts = 3, locked_until = now() + interval '15 minutes' WHERE id = $1`, [manager.id], db.ownerUrl);
    expect((await asAdminA.agent.get(`/api/users/${manager.id}`).expect(200)).body.locked).toBe(true);

    const { oneTimePassword } = (await post(`/api/users/${manager.id}/reset-password`).expect(200)).body as { oneTimePassword: string };
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(20);
    expect(await account(manager.id)).toEqual(expect.objectContaining({ password_must_change: true, failed_attempts: 0, locked_until: null }));
    expect((await asAdminA.agent.get(`/api/users/${manager.id}`).expect(200)).body.locked).toBe(false);
    await asManager.agent.get('/api/auth/me').expect(401);
    await expect(signIn(server(), manager.email, DEMO_PASSWORD_FOR_TESTS)).rejects.toThrow(/401/);
    expect((await signIn(server(), manager.email, oneTimePassword)).session.me.stage).toBe('password_change');
    expect((await auditRows(manager.id)).map((r) => [r.action, r.entity_type])).toContainEqual(['update', 'user_password']);
  });

  it('admin A neither sees nor changes an account of municipality B (404, audited as denied)', async () => {
    const foreign = pick(users, 'manager', (u) => u.municipality_id === municipalityB);
    const before = await account(foreign.id);
    for (const response of [
      await asAdminA.agent.get(`/api/users/${foreign.id}`),
      await patch(`/api/users/${foreign.id}`, { active: false, lastName: 'Übernommen' }),
      await post(`/api/users/${foreign.id}/reset-password`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('notFound');
    }
    expect(await account(foreign.id)).toEqual(before);
    expect((await auditRows(foreign.id)).map((r) => [r.action, r.outcome])).toEqual([
      ['denied', 'denied'],
      ['denied', 'denied'],
      ['denied', 'denied'],
    ]);

    // The other way round, too: admin B sees only B's accounts.
    const asAdminB = await signInAdmin(pick(users, 'admin', (u) => u.municipality_id === municipalityB));
    const listedByB = (await asAdminB.agent.get('/api/users').expect(200)).body as UserResponse[];
    expect(listedByB.some((u) => u.id === adminA.id)).toBe(false);
    await asAdminB.agent.get(`/api/users/${adminA.id}`).expect(404);
  });

  it('refuses every other role (403) and anonymous callers (401), changing nothing', async () => {
    const before = await accountCount();
    for (const role of ['manager', 'team_lead', 'evaluator'] as const) {
      const { agent, csrf } = await signIn(server(), pick(users, role, (u) => u.municipality_id === municipalityB).email);
      expect((await agent.get('/api/users').expect(403)).body.code).toBe('forbidden');
      await agent.post('/api/users').set(CSRF_HEADER, csrf).send({ email: newEmail(), firstName: 'X', lastName: 'Y', role: 'admin' }).expect(403);
      await agent.patch(`/api/users/${adminA.id}`).set(CSRF_HEADER, csrf).send({ active: false }).expect(403);
    }
    const anonymous = request.agent(server());
    await anonymous.get('/api/users').expect(401);
    const csrf = await csrfToken(anonymous);
    await anonymous.post('/api/users').set(CSRF_HEADER, csrf).send({}).expect(401);
    expect(await accountCount()).toBe(before);
    expect((await account(adminA.id)).active).toBe(true);
  });
});
