import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { csrfToken, demoUsers, DemoUser, pick, signIn } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

/** Sign-in, lockout, rate limits, sessions, CSRF (issue 3, acceptance 5, 7, 8, 10). */
describe('sign-in and sessions', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  const server = () => api.app.getHttpServer();
  const auditCount = async (action: string, userId: string) =>
    Number((await adminQuery<{ n: string }>('SELECT count(*) AS n FROM audit_event WHERE action = $1 AND user_id = $2', [action, userId], db.ownerUrl))[0]?.n);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '60', LOGIN_RATE_LIMIT_PER_IP: '1000', SESSION_IDLE_TIMEOUT_SECONDS: '2' });
    users = await demoUsers(db.ownerUrl);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function attempt(email: string, password: string) {
    const agent = request.agent(server());
    const csrf = await csrfToken(agent);
    return agent.post('/api/auth/login').set(CSRF_HEADER, csrf).send({ email, password });
  }

  it('signs in with e-mail and password and answers /me', async () => {
    const manager = pick(users, 'manager');
    const { agent, session } = await signIn(server(), manager.email.toUpperCase());
    expect(session.me).toEqual(expect.objectContaining({ id: manager.id, role: 'manager', stage: 'active', permissions: ['client:read', 'client:write', 'partner:read', 'reminder:read'] }));
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body.me.email).toBe(manager.email);
  });

  it('answers unknown e-mail and wrong password with the same generic 401', async () => {
    const unknown = await attempt('niemand@ms.wegweiser.example', 'Irgendein-Passwort-1');
    const wrong = await attempt(pick(users, 'manager').email, 'Falsches-Passwort-123');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body.code).toBe('invalidCredentials');
  });

  it('locks the account after 5 wrong passwords; the right one then gets the same 401; audited', async () => {
    const victim = users.filter((u) => u.role === 'manager')[1] as DemoUser;
    for (let i = 0; i < 5; i++) expect((await attempt(victim.email, `Falsch-${i}-Passwort!`)).status).toBe(401);
    const during = await attempt(victim.email, 'Wegweiser-Demo-2026');
    expect(during.status).toBe(401);
    expect(during.body.code).toBe('invalidCredentials');
    const [row] = await adminQuery<{ locked_until: Date }>('SELECT locked_until FROM app_user WHERE id = $1', [victim.id], db.ownerUrl);
    expect(row?.locked_until.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await auditCount('locked', victim.id)).toBe(1);
    expect(await auditCount('login_failed', victim.id)).toBe(5);
  });

  it('rate-limits attempts per account: 429 with Retry-After', async () => {
    const target = users.filter((u) => u.role === 'manager')[2] as DemoUser;
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 12; i++) {
      const response = await attempt(target.email, `Nicht-das-Passwort-${i}`);
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers['retry-after'];
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('refuses a state-changing request without the CSRF token (403)', async () => {
    const { agent } = await signIn(server(), pick(users, 'team_lead').email);
    const response = await agent.post('/api/auth/logout').expect(403);
    expect(response.body.code).toBe('csrfTokenInvalid');
    await agent.get('/api/auth/me').expect(200);
    const anonymous = await request(server()).post('/api/auth/login').send({ email: 'a@b.example', password: 'x' }).expect(403);
    expect(anonymous.body.code).toBe('csrfTokenInvalid');
  });

  it('issues a new session id at sign-in, with HttpOnly and SameSite=Strict cookies', async () => {
    const user = pick(users, 'team_lead');
    const agent = request.agent(server());
    const token = await csrfToken(agent);
    const first = await agent.post('/api/auth/login').set(CSRF_HEADER, token).send({ email: user.email, password: 'Wegweiser-Demo-2026' }).expect(200);
    const second = await agent.post('/api/auth/login').set(CSRF_HEADER, first.body.csrfToken).send({ email: user.email, password: 'Wegweiser-Demo-2026' }).expect(200);
    const sid = (r: request.Response) => ([] as string[]).concat(r.headers['set-cookie'] ?? []).find((c) => c.startsWith('ww.sid='));
    expect(sid(first)).toMatch(/HttpOnly/);
    expect(sid(first)).toMatch(/SameSite=Strict/);
    expect(sid(first)?.split(';')[0]).not.toBe(sid(second)?.split(';')[0]);
  });

  it('marks cookies Secure behind an HTTPS proxy', async () => {
    const secure = await createTestApp(db, [], { TRUST_PROXY: 'true', DEMO_DATA: 'false' });
    try {
      const agent = request.agent(secure.app.getHttpServer());
      const csrf = await agent.get('/api/auth/csrf').set('X-Forwarded-Proto', 'https').expect(200);
      const response = await agent
        .post('/api/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .set(CSRF_HEADER, csrf.body.csrfToken)
        .send({ email: pick(users, 'team_lead').email, password: 'Wegweiser-Demo-2026' })
        .expect(200);
      const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('ww.sid='));
      expect(cookie).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });

  it('after logout the old session cookie is worthless (401)', async () => {
    const { agent, csrf } = await signIn(server(), pick(users, 'manager').email);
    const me = await agent.get('/api/auth/me').expect(200);
    const cookie = ([] as string[]).concat(me.headers['set-cookie'] ?? []).find((c) => c.startsWith('ww.sid='))?.split(';')[0] ?? '';
    await agent.post('/api/auth/logout').set(CSRF_HEADER, csrf).expect(204);
    const replay = await request(server()).get('/api/auth/me').set('Cookie', cookie).expect(401);
    expect(replay.body.code).toBe('unauthorized');
  });

  it('ends an idle session after the idle timeout (shortened to 2 s here)', async () => {
    const { agent } = await signIn(server(), pick(users, 'manager').email);
    await agent.get('/api/auth/me').expect(200);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    await agent.get('/api/auth/me').expect(401);
  });

  it('refuses a too short or too common new password with a field code, accepts 64 characters', async () => {
    const { agent, csrf } = await signIn(server(), pick(users, 'team_lead', (u) => u !== users[0]).email);
    const short = await agent.post('/api/auth/password').set(CSRF_HEADER, csrf).send({ currentPassword: 'Wegweiser-Demo-2026', newPassword: 'Kurz-123456' }).expect(400);
    expect(short.body.errors).toEqual({ newPassword: 'passwordTooShort' });
    const common = await agent.post('/api/auth/password').set(CSRF_HEADER, csrf).send({ currentPassword: 'Wegweiser-Demo-2026', newPassword: 'password1234' }).expect(400);
    expect(common.body.errors).toEqual({ newPassword: 'passwordTooCommon' });
    const long = 'Ein langer Satz als Passwort, der genau 64 Zeichen lang ist: gut';
    expect([...long].length).toBe(64);
    await agent.post('/api/auth/password').set(CSRF_HEADER, csrf).send({ currentPassword: 'Wegweiser-Demo-2026', newPassword: long }).expect(200);
  });
});
