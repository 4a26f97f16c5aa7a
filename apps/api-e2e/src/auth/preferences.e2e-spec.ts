import { CSRF_HEADER, SessionResponse } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { csrfToken, demoUsers, DemoUser, pick, signIn } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

/** The signed-in user's own preferences: the interface language, remembered with the account. */
describe('PATCH /api/auth/preferences', () => {
  let db: TestDatabase;
  let api: TestApp;
  let users: DemoUser[];
  const server = () => api.app.getHttpServer();
  const localeOf = async (userId: string) => (await adminQuery<{ locale: string }>('SELECT locale FROM app_user WHERE id = $1', [userId], db.ownerUrl))[0]?.locale;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '20', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    users = await demoUsers(db.ownerUrl);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('starts in German, remembers English for the next sign-in, and audits the change', async () => {
    const manager = pick(users, 'manager');
    const first = await signIn(server(), manager.email);
    expect(first.session.me.locale).toBe('de');

    const response = await first.agent.patch('/api/auth/preferences').set(CSRF_HEADER, first.csrf).send({ locale: 'en' }).expect(200);
    const session = response.body as SessionResponse;
    expect(session.me).toEqual(expect.objectContaining({ id: manager.id, locale: 'en', stage: 'active' }));
    expect(session.csrfToken).toEqual(expect.any(String));
    await first.agent.post('/api/auth/logout').set(CSRF_HEADER, session.csrfToken).expect(204);

    const second = await signIn(server(), manager.email);
    expect(second.session.me.locale).toBe('en');
    expect((await second.agent.get('/api/auth/me').expect(200)).body.me.locale).toBe('en');

    const audited = await adminQuery<{ outcome: string; entity_id: string; user_id: string }>(
      `SELECT outcome, entity_id, user_id FROM audit_event WHERE action = 'update' AND entity_type = 'user_preferences' ORDER BY id`,
      [],
      db.ownerUrl,
    );
    expect(audited).toEqual([{ outcome: 'success', entity_id: manager.id, user_id: manager.id }]);
  });

  it.each([[{ locale: 'fr' }], [{ locale: 'EN' }], [{ locale: null }], [{}]])('refuses %j with 400 naming locale; nothing stored', async (body) => {
    const lead = pick(users, 'team_lead');
    const { agent, csrf } = await signIn(server(), lead.email);
    const response = await agent.patch('/api/auth/preferences').set(CSRF_HEADER, csrf).send(body);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors ?? {})).toContain('locale');
    expect(await localeOf(lead.id)).toBe('de');
  });

  it('refuses without a session (401), without the CSRF token (403) and before the second factor (403)', async () => {
    const anonymous = request.agent(server());
    const csrf = await csrfToken(anonymous);
    expect((await anonymous.patch('/api/auth/preferences').set(CSRF_HEADER, csrf).send({ locale: 'en' }).expect(401)).body.code).toBe('unauthorized');

    const manager = users.filter((u) => u.role === 'manager')[1] as DemoUser;
    const { agent } = await signIn(server(), manager.email);
    expect((await agent.patch('/api/auth/preferences').send({ locale: 'en' }).expect(403)).body.code).toBe('csrfTokenInvalid');

    const admin = pick(users, 'admin');
    const pending = await signIn(server(), admin.email);
    expect(pending.session.me.stage).not.toBe('active');
    await pending.agent.patch('/api/auth/preferences').set(CSRF_HEADER, pending.csrf).send({ locale: 'en' }).expect(403);
    expect([await localeOf(manager.id), await localeOf(admin.id)]).toEqual(['de', 'de']);
  });

  it('the database refuses a language it does not know', async () => {
    await expect(adminQuery(`UPDATE app_user SET locale = 'fr' WHERE id = $1`, [pick(users, 'dpo').id], db.ownerUrl)).rejects.toThrow(/app_user_locale_check/);
  });
});
