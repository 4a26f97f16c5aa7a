import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { csrfToken, DEMO_PASSWORD_FOR_TESTS, demoUsers, DemoUser, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

const NEW_PASSWORD = 'Ein-neues-Passwort-fuer-heute-42';

/** `ww.sid=…` of a response (rolling sessions: every answer sets it). */
const sessionCookie = (response: request.Response) =>
  ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('ww.sid='))
    ?.split(';')[0] ?? '';

/** `POST /api/auth/password` (issue 18, points 4 and 5): lockout, rate limit, the other sessions, a renewed session. */
describe('password change', () => {
  let db: TestDatabase;
  let api: TestApp;
  let managers: DemoUser[];
  const server = () => api.app.getHttpServer();
  const account = async (id: string) =>
    (await adminQuery<{ failed_attempts: number; locked_until: Date | null }>('SELECT failed_attempts, locked_until FROM app_user WHERE id = $1', [id], db.ownerUrl))[0];
  const passwordAudit = (userId: string) =>
    adminQuery<{ action: string; outcome: string }>(
      `SELECT action, outcome FROM audit_event WHERE user_id = $1 AND entity_type = 'user_password' ORDER BY id`,
      [userId],
      db.ownerUrl,
    );
  const change = (signed: SignedInAgent, currentPassword: string, newPassword = NEW_PASSWORD) =>
    signed.agent.post('/api/auth/password').set(CSRF_HEADER, signed.csrf).send({ currentPassword, newPassword });
  async function wrongSignIn(email: string) {
    const agent = request.agent(server());
    const token = await csrfToken(agent);
    await agent.post('/api/auth/login').set(CSRF_HEADER, token).send({ email, password: 'Falsch-geraten-1234' }).expect(401);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '40', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    managers = (await demoUsers(db.ownerUrl)).filter((u) => u.role === 'manager');
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('counts wrong current passwords: the 5th locks the account and ends all its sessions (401 with Retry-After), audited', async () => {
    const victim = managers[0] as DemoUser;
    const guesser = await signIn(server(), victim.email);
    const other = await signIn(server(), victim.email);
    const answers: request.Response[] = [];
    for (let i = 0; i < 12; i++) answers.push(await change(guesser, `Falsch-geraten-${i}-Passwort`));

    // After the lock the session is gone, and with it the CSRF token bound to it: 403 before anything is checked.
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 401, 403, 403, 403, 403, 403, 403, 403]);
    expect(answers[0]?.body.errors).toEqual({ currentPassword: 'wrongPassword' });
    const locking = answers[4] as request.Response;
    expect(locking.body.code).toBe('sessionExpired');
    expect(Number(locking.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(locking.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect((await account(victim.id))?.locked_until?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);

    await other.agent.get('/api/auth/me').expect(401);
    const during = request.agent(server());
    const token = await csrfToken(during);
    const refused = await during.post('/api/auth/login').set(CSRF_HEADER, token).send({ email: victim.email, password: DEMO_PASSWORD_FOR_TESTS });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('invalidCredentials');
    expect(await passwordAudit(victim.id)).toEqual([
      ...Array.from({ length: 4 }, () => ({ action: 'login_failed', outcome: 'failure' })),
      { action: 'locked', outcome: 'denied' },
    ]);
  });

  it('shares the counter with sign-in: after 3 failed sign-ins the 2nd wrong current password locks; during the lock nothing is checked', async () => {
    const user = managers[1] as DemoUser;
    const signed = await signIn(server(), user.email);
    for (let i = 0; i < 3; i++) await wrongSignIn(user.email);
    expect((await change(signed, 'Auch-nicht-richtig-123')).status).toBe(400);
    expect((await account(user.id))?.failed_attempts).toBe(4);
    expect((await change(signed, 'Wieder-nicht-richtig-123')).status).toBe(401);
    expect((await account(user.id))?.locked_until).not.toBeNull();

    // A session signed in before a lock (here: set by hand) cannot prove the password during it, not even the right one.
    const another = managers[2] as DemoUser;
    const before = await signIn(server(), another.email);
    await adminQuery(`UPDATE app_user SET locked_until = now() + interval '10 minutes' WHERE id = $1`, [another.id], db.ownerUrl);
    const duringLock = await change(before, DEMO_PASSWORD_FOR_TESTS);
    expect(duringLock.status).toBe(401);
    expect(Number(duringLock.headers['retry-after'])).toBeGreaterThan(9 * 60);
    await before.agent.get('/api/auth/me').expect(401);
    expect(await passwordAudit(another.id)).toEqual([{ action: 'login_failed', outcome: 'denied' }]);
  });

  it('a correct current password resets the counter, as a successful sign-in does', async () => {
    const user = managers[3] as DemoUser;
    const signed = await signIn(server(), user.email);
    for (let i = 0; i < 4; i++) await wrongSignIn(user.email);
    expect((await account(user.id))?.failed_attempts).toBe(4);
    await change(signed, DEMO_PASSWORD_FOR_TESTS).expect(200);
    expect(await account(user.id)).toEqual({ failed_attempts: 0, locked_until: null });
    await wrongSignIn(user.email);
    expect(await account(user.id)).toEqual({ failed_attempts: 1, locked_until: null });
  });

  it('is rate-limited per account like sign-in (429 with Retry-After)', async () => {
    const limited = await createTestApp(db, [], { DEMO_DATA: 'false', LOGIN_RATE_LIMIT_PER_IP: '1000', LOGIN_RATE_LIMIT_PER_ACCOUNT: '3', LOGIN_LOCKOUT_THRESHOLD: '10' });
    try {
      const user = managers[4] as DemoUser;
      const signed = await signIn(limited.app.getHttpServer(), user.email);
      const answers: request.Response[] = [];
      for (let i = 0; i < 5; i++) answers.push(await change(signed, `Nicht-das-Passwort-${i}`));
      expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 429, 429]);
      expect(answers[3]?.body.code).toBe('tooManyRequests');
      expect(Number(answers[3]?.headers['retry-after'])).toBeGreaterThan(0);
      // The limit refuses before the password is checked: only the three counted.
      expect((await account(user.id))?.failed_attempts).toBe(3);
    } finally {
      await limited.close();
    }
  });

  it('ends the other sessions of the account and renews its own: new session id, new CSRF token, old ones worthless', async () => {
    const user = managers[5] as DemoUser;
    const agentA = await signIn(server(), user.email);
    const agentB = await signIn(server(), user.email);
    const oldCookie = sessionCookie(await agentA.agent.get('/api/auth/me').expect(200));
    await agentB.agent.get('/api/auth/me').expect(200);

    const changed = await change(agentA, DEMO_PASSWORD_FOR_TESTS).expect(200);
    const newCookie = sessionCookie(changed);
    expect(newCookie).toMatch(/^ww\.sid=./);
    expect(newCookie).not.toBe(oldCookie);
    expect(changed.body.csrfToken).toEqual(expect.any(String));
    expect(changed.body.csrfToken).not.toBe(agentA.csrf);
    expect(changed.body.me.stage).toBe('active');

    const b = await agentB.agent.get('/api/auth/me').expect(401);
    expect(b.body.code).toBe('unauthorized');
    await agentA.agent.get('/api/auth/me').expect(200);
    const withOldToken = await agentA.agent.patch('/api/auth/preferences').set(CSRF_HEADER, agentA.csrf).send({ locale: 'en' }).expect(403);
    expect(withOldToken.body.code).toBe('csrfTokenInvalid');
    await agentA.agent.patch('/api/auth/preferences').set(CSRF_HEADER, changed.body.csrfToken).send({ locale: 'en' }).expect(200);
    await request(server()).get('/api/auth/me').set('Cookie', oldCookie).expect(401);
    const sessions = await adminQuery<{ n: string }>(`SELECT count(*) AS n FROM user_session WHERE sess ->> 'userId' = $1`, [user.id], db.ownerUrl);
    expect(Number(sessions[0]?.n)).toBe(1);
    expect(await passwordAudit(user.id)).toEqual([{ action: 'update', outcome: 'success' }]);
    await signIn(server(), user.email, NEW_PASSWORD);
  });

  it('the forced change after a one-time password: an active session under a new id whose new CSRF token works', async () => {
    const user = managers[6] as DemoUser;
    await adminQuery(`UPDATE app_user SET password_must_change = true WHERE id = $1`, [user.id], db.ownerUrl);
    const signed = await signIn(server(), user.email);
    expect(signed.session.me.stage).toBe('password_change');
    await signed.agent.get('/api/clients').expect(403);
    const oldCookie = sessionCookie(await signed.agent.get('/api/auth/me').expect(200));

    const changed = await change(signed, DEMO_PASSWORD_FOR_TESTS).expect(200);
    expect(changed.body.me.stage).toBe('active');
    expect(sessionCookie(changed)).not.toBe(oldCookie);
    await signed.agent.get('/api/clients').expect(200);
    await signed.agent.patch('/api/auth/preferences').set(CSRF_HEADER, changed.body.csrfToken).send({ locale: 'de' }).expect(200);
    await request(server()).get('/api/auth/me').set('Cookie', oldCookie).expect(401);
  });
});
